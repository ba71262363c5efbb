//! Loaded OpenCC configurations, on one of two backends.

use crate::CONFIGS;
use thiserror::Error;

/// Which OpenCC implementation converts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Backend {
    /// `ferrous-opencc`: pure Rust, with OpenCC's dictionaries embedded (the default).
    #[default]
    Embedded,
    /// The system's OpenCC library through `opencc-rust` (cargo feature `system-opencc`; on
    /// Debian, `apt-get install libopencc-dev`).
    #[cfg(feature = "system-opencc")]
    System,
}

/// Why a converter could not be built.
#[derive(Debug, Error)]
pub enum ConvertError {
    /// The name is not one of [`CONFIGS`].
    #[error("unknown OpenCC configuration `{0}`; choose one of: {list}", list = CONFIGS.join(", "))]
    UnknownConfig(String),
    /// The backend failed to load the configuration or its dictionaries.
    #[error("OpenCC configuration `{name}` failed to load: {message}")]
    Backend {
        /// The configuration.
        name: String,
        /// What the backend said.
        message: String,
    },
}

enum Engine {
    Embedded(ferrous_opencc::OpenCC),
    #[cfg(feature = "system-opencc")]
    System(opencc_rust::OpenCC),
}

/// A loaded OpenCC configuration.
pub struct Converter {
    name: String,
    engine: Engine,
}

impl std::fmt::Debug for Converter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Converter").field("name", &self.name).finish()
    }
}

impl Converter {
    /// Loads the OpenCC configuration `name` (one of [`CONFIGS`], e.g. `t2s`) on the default
    /// backend.
    pub fn new(name: &str) -> Result<Self, ConvertError> {
        Self::with_backend(name, Backend::default())
    }

    /// Loads the OpenCC configuration `name` on `backend`.
    pub fn with_backend(name: &str, backend: Backend) -> Result<Self, ConvertError> {
        if !CONFIGS.contains(&name) {
            return Err(ConvertError::UnknownConfig(name.to_owned()));
        }
        let failed = |message: String| ConvertError::Backend { name: name.to_owned(), message };
        let file = format!("{name}.json");
        let engine = match backend {
            Backend::Embedded => {
                let config =
                    ferrous_opencc::config::BuiltinConfig::from_filename(&file).map_err(|e| failed(e.to_string()))?;
                Engine::Embedded(ferrous_opencc::OpenCC::from_config(config).map_err(|e| failed(e.to_string()))?)
            }
            #[cfg(feature = "system-opencc")]
            Backend::System => Engine::System(opencc_rust::OpenCC::new(&file).map_err(|e| failed(e.to_owned()))?),
        };
        Ok(Self { name: name.to_owned(), engine })
    }

    /// The configuration's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        match &self.engine {
            Engine::Embedded(opencc) => opencc.convert(text),
            #[cfg(feature = "system-opencc")]
            Engine::System(opencc) => opencc.convert(text),
        }
    }
}
