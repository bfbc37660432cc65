//! The core's error type. English `Display` for logs and the CLI; the desktop shell maps
//! each variant to an `api::ErrorCode`, and validation failures carry a Chinese detail.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input rejected at the boundary. `field` names what was wrong, `message_zh` says it
    /// in Chinese for the UI.
    #[error("invalid {field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
        message_zh: String,
    },

    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },

    #[error(
        "ledger {path} has schema version {found}, newer than this GridLedger understands \
         ({supported}); refusing to open it — install a newer GridLedger"
    )]
    LedgerTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("cannot read ledger {path}: {reason}")]
    LedgerUnreadable { path: PathBuf, reason: String },

    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn invalid(
        field: &'static str,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The Chinese detail to show under the error code's own text, when there is one.
    pub fn detail_zh(&self) -> Option<&str> {
        match self {
            Error::Invalid { message_zh, .. } => Some(message_zh),
            _ => None,
        }
    }
}
