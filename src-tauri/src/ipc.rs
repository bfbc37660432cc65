//! The IPC boundary: core errors to `{code, message}`, and `Input<T>`, an argument
//! extractor that answers malformed arguments with the same shape (Tauri's own would
//! reject with a bare string).

use gridledger::api::{ErrorCode, IpcError};
use gridledger::Error;
use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

pub fn to_ipc_error(e: Error) -> IpcError {
    let code = match &e {
        Error::Invalid { .. } => ErrorCode::InvalidInput,
        Error::NotFound { .. } => ErrorCode::NotFound,
        Error::LedgerTooNew { .. } => ErrorCode::LedgerTooNew,
        Error::LedgerUnreadable { .. } => ErrorCode::LedgerUnreadable,
        Error::Sqlite(_) | Error::Io { .. } | Error::Json(_) => ErrorCode::Internal,
    };
    if code == ErrorCode::Internal {
        eprintln!("gridledger: {e}");
    }
    IpcError {
        code,
        message: e.to_string(),
        detail_zh: e.detail_zh().map(str::to_owned),
    }
}

/// A command's input object, deserialised from the argument of the same name.
pub struct Input<T>(pub T);

impl<'de, T: DeserializeOwned, R: Runtime> CommandArg<'de, R> for Input<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let (name, key) = (command.name, command.key);
        T::deserialize(command).map(Input).map_err(|e| {
            let error = IpcError {
                code: ErrorCode::InvalidInput,
                message: format!("invalid argument `{key}` of command `{name}`: {e}"),
                detail_zh: Some("请求参数格式不正确".to_owned()),
            };
            InvokeError(serde_json::to_value(&error).unwrap_or(serde_json::Value::Null))
        })
    }
}
