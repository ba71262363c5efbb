//! The Python package `zhclean`: the pipeline of the `zhclean` crate behind `clean`, `check`,
//! `clean_batch` and a reusable `Cleaner`. Positions count code points of the input text, the
//! unit of Python strings. Batches release the GIL and run on all cores, or on as many threads
//! as `threads` says (a worker of Ray or Spark given one core of a machine).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rayon::prelude::*;
use std::sync::Arc;
use zhclean::output::{DiagnosticRecord, EditRecord, records};
use zhclean::{Config, EncodingInfo, ParagraphSeparator, Pipeline, Profile, Report, registry};

/// One change of the text; positions in code points of the input.
#[pyclass(frozen, get_all, module = "zhclean")]
#[derive(Clone)]
struct Edit {
    rule: String,
    code: String,
    start: usize,
    end: usize,
    before: String,
    after: String,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!("Edit({} {}..{}: {:?} -> {:?})", self.rule, self.start, self.end, self.before, self.after)
    }
}

/// A finding; positions in code points of the input.
#[pyclass(frozen, get_all, module = "zhclean")]
#[derive(Clone)]
struct Diagnostic {
    rule: String,
    code: String,
    severity: String,
    start: usize,
    end: usize,
    message: String,
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self) -> String {
        format!("Diagnostic({} {} {}..{}: {})", self.severity, self.rule, self.start, self.end, self.message)
    }
}

/// The cleaned text, every edit that made it, and the diagnostics.
#[pyclass(frozen, get_all, module = "zhclean")]
struct Result {
    text: String,
    edits: Vec<Edit>,
    diagnostics: Vec<Diagnostic>,
}

#[pymethods]
impl Result {
    /// True when cleaning changed the text.
    #[getter]
    fn changed(&self) -> bool {
        !self.edits.is_empty()
    }

    fn __repr__(&self) -> String {
        format!("Result({} edits, {} diagnostics)", self.edits.len(), self.diagnostics.len())
    }
}

impl From<EditRecord> for Edit {
    fn from(r: EditRecord) -> Self {
        Self {
            rule: r.rule.to_owned(),
            code: r.code.to_owned(),
            start: r.start,
            end: r.end,
            before: r.before,
            after: r.after,
        }
    }
}

impl From<DiagnosticRecord> for Diagnostic {
    fn from(r: DiagnosticRecord) -> Self {
        let severity = severity_name(r.severity);
        Self {
            rule: r.rule.to_owned(),
            code: r.code.to_owned(),
            severity,
            start: r.start,
            end: r.end,
            message: r.message,
        }
    }
}

/// The severity's name, as the CLI writes it in JSON.
fn severity_name(severity: zhclean::Severity) -> String {
    format!("{severity:?}").to_lowercase()
}

impl From<&Report> for Result {
    fn from(report: &Report) -> Self {
        let records = records(report);
        Self {
            text: report.text().to_owned(),
            edits: records.edits.into_iter().map(Edit::from).collect(),
            diagnostics: records.diagnostics.into_iter().map(Diagnostic::from).collect(),
        }
    }
}

/// Settings resolved once; reuse it for many texts (it is safe to share between threads).
#[pyclass(frozen, module = "zhclean")]
struct Cleaner {
    pipeline: Arc<Pipeline>,
    /// The threads it cleans on when `threads` was given; else those of every core.
    pool: Option<Arc<rayon::ThreadPool>>,
}

/// The configuration of the keyword settings, with the CLI's names and errors.
fn config(
    profile: &str,
    convert: Option<String>,
    disable: Vec<String>,
    unsafe_fixes: bool,
    paragraph_separator: &str,
) -> PyResult<Config> {
    let profile = match profile {
        "gb" => Profile::GbT15834,
        "copywriting" => Profile::Copywriting,
        other => {
            return Err(PyValueError::new_err(format!("unknown profile `{other}`: use \"gb\" or \"copywriting\"")));
        }
    };
    let paragraph_separator = match paragraph_separator {
        "blank-line" => ParagraphSeparator::BlankLine,
        "newline" => ParagraphSeparator::Newline,
        other => {
            return Err(PyValueError::new_err(format!(
                "unknown paragraph separator `{other}`: use \"blank-line\" or \"newline\""
            )));
        }
    };
    let mut disabled = std::collections::BTreeSet::new();
    for key in disable {
        let rule = registry::find(&key)
            .ok_or_else(|| PyValueError::new_err(format!("unknown rule `{key}` (see `zhclean rules`)")))?;
        disabled.insert(rule.name.to_owned());
    }
    Ok(Config { profile, convert, disabled, unsafe_fixes, paragraph_separator, ..Config::default() })
}

impl Cleaner {
    fn clean_text(&self, text: String) -> Report {
        let info = EncodingInfo::of_text(&text);
        self.pipeline.clean_text(text, info)
    }

    /// Runs `work` on this cleaner's threads.
    fn on_threads<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

/// A pool of `threads` threads, or none (every core) without a number.
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    let Some(threads) = threads else { return Ok(None) };
    if threads == 0 {
        return Err(PyValueError::new_err("threads must be at least 1 (or None for every core)"));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("zhclean-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {threads} threads: {e}")))?;
    Ok(Some(Arc::new(pool)))
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, profile = "gb", convert = None, disable = Vec::new(), unsafe_fixes = false, paragraph_separator = "blank-line", threads = None))]
    fn new(
        profile: &str,
        convert: Option<String>,
        disable: Vec<String>,
        unsafe_fixes: bool,
        paragraph_separator: &str,
        threads: Option<usize>,
    ) -> PyResult<Self> {
        let config = config(profile, convert, disable, unsafe_fixes, paragraph_separator)?;
        let pipeline = Pipeline::new(config).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Self { pipeline: Arc::new(pipeline), pool: pool(threads)? })
    }

    /// Cleans `text`.
    fn clean(&self, py: Python<'_>, text: String) -> Result {
        py.allow_threads(|| self.on_threads(|| Result::from(&self.clean_text(text))))
    }

    /// What `clean` reports about `text` (the edits it would make are in `clean(text).edits`).
    fn check(&self, py: Python<'_>, text: String) -> Vec<Diagnostic> {
        self.clean(py, text).diagnostics
    }

    /// Cleans every text of `texts` in parallel, without the GIL; the results in order.
    fn clean_batch(&self, py: Python<'_>, texts: Vec<String>) -> Vec<Result> {
        // The results too are made without the GIL, each on the thread that cleaned its text.
        py.allow_threads(|| {
            self.on_threads(|| texts.into_par_iter().map(|text| Result::from(&self.clean_text(text))).collect())
        })
    }
}

/// A `Cleaner` made from the keyword settings of a module-level function.
fn cleaner<'py>(py: Python<'py>, settings: Option<&Bound<'py, PyDict>>) -> PyResult<Bound<'py, Cleaner>> {
    Ok(py.get_type::<Cleaner>().call((), settings)?.downcast_into::<Cleaner>()?)
}

/// Cleans `text`; settings as keywords, as for `Cleaner`.
#[pyfunction]
#[pyo3(signature = (text, **settings))]
fn clean(py: Python<'_>, text: String, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Result> {
    Ok(cleaner(py, settings)?.get().clean(py, text))
}

/// The diagnostics of `text`; settings as keywords, as for `Cleaner`.
#[pyfunction]
#[pyo3(signature = (text, **settings))]
fn check(py: Python<'_>, text: String, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Vec<Diagnostic>> {
    Ok(cleaner(py, settings)?.get().check(py, text))
}

/// Cleans every text of `texts` in parallel; settings as keywords, as for `Cleaner`.
#[pyfunction]
#[pyo3(signature = (texts, **settings))]
fn clean_batch(py: Python<'_>, texts: Vec<String>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Vec<Result>> {
    Ok(cleaner(py, settings)?.get().clean_batch(py, texts))
}

/// The module `zhclean._zhclean`, re-exported by the package `zhclean`.
#[pymodule]
fn _zhclean(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<Edit>()?;
    module.add_class::<Diagnostic>()?;
    module.add_class::<Result>()?;
    module.add_class::<Cleaner>()?;
    module.add_function(wrap_pyfunction!(clean, module)?)?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(clean_batch, module)?)?;
    Ok(())
}
