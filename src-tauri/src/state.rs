//! The managed state: the one open ledger, shared by all commands.

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};

use gridledger::api::{ErrorCode, IpcError};
use gridledger::Ledger;

use crate::ipc::to_ipc_error;

pub struct AppState {
    /// The ledger, or why it could not be opened (answered to every command).
    ledger: Arc<Mutex<Result<Ledger, IpcError>>>,
}

impl AppState {
    pub fn new(opened: gridledger::Result<Ledger>) -> Self {
        AppState {
            ledger: Arc::new(Mutex::new(opened.map_err(to_ipc_error))),
        }
    }

    /// Run `f` on the ledger off the UI thread. Core errors become `{code, message}`; a
    /// panic in the core is caught and answered as an internal error, so the app stays up.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Ledger) -> gridledger::Result<T> + Send + 'static,
    {
        let ledger = Arc::clone(&self.ledger);
        let joined = tauri::async_runtime::spawn_blocking(move || {
            // A panic while the lock was held poisons it; the ledger itself is still
            // consistent (its transaction rolled back), so carry on with it.
            let mut guard = ledger.lock().unwrap_or_else(|p| p.into_inner());
            let ledger = match guard.as_mut() {
                Ok(ledger) => ledger,
                Err(e) => return Err(e.clone()),
            };
            std::panic::catch_unwind(AssertUnwindSafe(|| f(ledger)))
                .map_err(|_| internal("the command panicked"))?
                .map_err(to_ipc_error)
        })
        .await;
        joined.map_err(|e| internal(&format!("the command's task failed: {e}")))?
    }
}

fn internal(message: &str) -> IpcError {
    eprintln!("gridledger: {message}");
    IpcError {
        code: ErrorCode::Internal,
        message: message.to_owned(),
        detail_zh: None,
    }
}
