//! `zhclean clean --jsonl`: a stream of JSON documents, one per line (from files or standard
//! input, to standard output). Each document's text field is cleaned; every other field is
//! written back as it was, and the edits and diagnostics go under a key of the document or, line
//! for line, to a sidecar file. A line that is not a document with that text field is reported
//! with its line number and passed through (or dropped); it never stops the stream.
//!
//! Lines are read in chunks, cleaned in parallel and written in their order, so memory stays
//! bounded by the chunk, whatever the size of the stream.

use super::args::{BadLines, CleanArgs};
use super::{Status, error};
use rayon::prelude::*;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use zhclean::output::records;
use zhclean::{EncodingInfo, Pipeline, registry};

/// Lines cleaned in parallel at a time.
const CHUNK_LINES: usize = 4096;
/// Bytes read ahead at most before a chunk is cleaned.
const CHUNK_BYTES: usize = 16 << 20;

/// The fields of a JSON object in their order, their values as written.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Box<RawValue>>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(FieldsVisitor)
    }
}

/// What the stream mode needs to know about a line.
struct Settings<'a> {
    text_key: &'a str,
    id_key: Option<&'a str>,
    /// The key the findings go under, when they go into the document.
    report_key: Option<&'a str>,
}

/// The outcome of one line.
enum Outcome {
    /// The cleaned document, and its findings as a JSON object.
    Cleaned { line: String, findings: String },
    /// A line without content, written back as it was.
    Blank,
    /// A line that is not a document with a text field.
    Bad(String),
}

/// Runs the stream mode over every input of `args`. A document's text gets no final newline:
/// the line is the document's end.
pub fn run(args: &CleanArgs) -> Status {
    let final_newline = registry::FINAL_NEWLINE.name;
    let pipeline = match args.pipeline.pipeline_with(|config| {
        config.disabled.insert(final_newline.to_owned());
    }) {
        Ok(pipeline) => pipeline,
        Err(e) => {
            error(e);
            return Status::Error;
        }
    };
    let pipeline = &pipeline;
    let settings = Settings {
        text_key: &args.text_key,
        id_key: args.id_key.as_deref(),
        report_key: if args.sidecar.is_some() { None } else { Some(args.report_key.as_str()) },
    };
    let mut sidecar = match &args.sidecar {
        Some(path) => match File::create(path) {
            Ok(file) => Some(BufWriter::new(file)),
            Err(e) => {
                error(format!("{}: cannot create the sidecar file: {e}", path.display()));
                return Status::Error;
            }
        },
        None => None,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut status = Status::Ok;
    for file in &args.files {
        let name = file.display().to_string();
        let reader: Box<dyn Read> = if file == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else {
            match File::open(file) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    error(format!("{name}: {e}"));
                    status = Status::Error;
                    continue;
                }
            }
        };
        let streamed = stream(reader, &name, &settings, args.bad_lines, pipeline, &mut out, sidecar.as_mut());
        match streamed {
            Ok(bad) if bad > 0 => status = status.max(Status::Findings),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            Err(e) => {
                error(format!("{name}: {e}"));
                status = Status::Error;
            }
        }
    }
    let flushed = out.flush().and_then(|()| sidecar.as_mut().map_or(Ok(()), Write::flush));
    if let Err(e) = flushed {
        error(format!("cannot write the output: {e}"));
        status = Status::Error;
    }
    status
}

/// Cleans the documents of one stream, chunk by chunk; the number of bad lines.
fn stream(
    reader: impl Read,
    name: &str,
    settings: &Settings,
    bad_lines: BadLines,
    pipeline: &Pipeline,
    out: &mut impl Write,
    mut sidecar: Option<&mut BufWriter<File>>,
) -> std::io::Result<usize> {
    let mut reader = BufReader::new(reader);
    let (mut number, mut bad) = (0, 0);
    loop {
        let mut chunk: Vec<Vec<u8>> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            bytes += line.len();
            chunk.push(line);
        }
        if chunk.is_empty() {
            return Ok(bad);
        }
        let outcomes: Vec<Outcome> = chunk.par_iter().map(|line| clean_line(line, settings, pipeline)).collect();
        for (line, outcome) in chunk.iter().zip(outcomes) {
            number += 1;
            match outcome {
                Outcome::Cleaned { line, findings } => {
                    writeln!(out, "{line}")?;
                    if let Some(sidecar) = sidecar.as_mut() {
                        writeln!(sidecar, "{findings}")?;
                    }
                }
                Outcome::Blank => {
                    writeln!(out)?;
                    if let Some(sidecar) = sidecar.as_mut() {
                        writeln!(sidecar, "null")?;
                    }
                }
                Outcome::Bad(reason) => {
                    bad += 1;
                    error(format!("{name}:{number}: {reason}"));
                    if bad_lines == BadLines::Pass {
                        out.write_all(without_newline(line))?;
                        writeln!(out)?;
                        if let Some(sidecar) = sidecar.as_mut() {
                            writeln!(sidecar, "null")?;
                        }
                    }
                }
            }
        }
    }
}

fn without_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Cleans the document on one line.
fn clean_line(line: &[u8], settings: &Settings, pipeline: &Pipeline) -> Outcome {
    let line = without_newline(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Blank;
    }
    let Fields(fields) = match serde_json::from_slice(line) {
        Ok(fields) => fields,
        Err(e) => return Outcome::Bad(format!("not a JSON object: {e}")),
    };
    let id = settings
        .id_key
        .and_then(|key| fields.iter().find(|(k, _)| k == key))
        .map_or(String::new(), |(_, value)| format!(" (id {})", value.get()));
    let Some((_, raw)) = fields.iter().find(|(key, _)| key == settings.text_key) else {
        return Outcome::Bad(format!("no `{}` field{id}; name the text field with --text-key", settings.text_key));
    };
    let text: String = match serde_json::from_str(raw.get()) {
        Ok(text) => text,
        Err(_) => return Outcome::Bad(format!("the `{}` field is not a string{id}", settings.text_key)),
    };
    let info = EncodingInfo::of_text(&text);
    let report = pipeline.clean_text(text, info);
    let findings = serde_json::to_string(&records(&report)).unwrap_or_default();
    let mut document = String::with_capacity(line.len() + findings.len() + 16);
    document.push('{');
    let kept = fields.iter().filter(|(key, _)| Some(key.as_str()) != settings.report_key);
    for (i, (key, value)) in kept.enumerate() {
        if i > 0 {
            document.push(',');
        }
        document.push_str(&json_string(key));
        document.push(':');
        if key == settings.text_key {
            document.push_str(&json_string(report.text()));
        } else {
            document.push_str(value.get());
        }
    }
    if let Some(key) = settings.report_key {
        document.push_str(&format!(",{}:{findings}", json_string(key)));
    }
    document.push('}');
    Outcome::Cleaned { line: document, findings }
}

fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}
