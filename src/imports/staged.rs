//! Files handed over once for several requests. The import wizard previews a file again
//! after every change of sheet or mapping, then commits it and may ask for its error
//! report; sending a 4 MB workbook with each request — over IPC as JSON, a number per
//! byte — cost ~15 MB of text a time. The desktop shell stages the file's raw bytes here
//! once ([`stage`]) and requests name it by `fileId`. The last few files are kept in
//! memory; an older id is refused with a request to choose the file again. Nothing here
//! touches the ledger.

use std::collections::VecDeque;
use std::ops::Deref;
use std::sync::{Arc, Mutex};

use crate::api::{ImportRequest, StagedFile};
use crate::error::{Error, Result};

/// How many staged files are kept.
const KEPT: usize = 4;
/// The largest file staged: far above any list sent down (100,000 rows are ~4 MB).
pub const MAX_BYTES: usize = 200 * 1024 * 1024;

type Kept = VecDeque<(String, Arc<Vec<u8>>)>;

static FILES: Mutex<Kept> = Mutex::new(VecDeque::new());

fn kept() -> std::sync::MutexGuard<'static, Kept> {
    FILES.lock().unwrap_or_else(|p| p.into_inner())
}

/// Keep a chosen file's bytes under a new id.
pub fn stage(file_name: &str, bytes: Vec<u8>) -> Result<StagedFile> {
    if bytes.is_empty() {
        return Err(Error::invalid(
            "import.file",
            format!("{file_name} is empty"),
            "所选文件是空的",
        ));
    }
    if bytes.len() > MAX_BYTES {
        return Err(Error::invalid(
            "import.file",
            format!("{file_name} is larger than {} MB", MAX_BYTES >> 20),
            format!("文件超过 {} MB，请拆分后再导入", MAX_BYTES >> 20),
        ));
    }
    let file_id = crate::store::rows::new_id();
    let size = bytes.len() as u64;
    let mut kept = kept();
    kept.push_back((file_id.clone(), Arc::new(bytes)));
    while kept.len() > KEPT {
        kept.pop_front();
    }
    Ok(StagedFile {
        file_id,
        file_name: file_name.to_owned(),
        size,
    })
}

/// A request's file: the staged one it names, else the bytes it carries.
pub enum FileBytes<'r> {
    Carried(&'r [u8]),
    Staged(Arc<Vec<u8>>),
}

impl Deref for FileBytes<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Carried(b) => b,
            FileBytes::Staged(b) => b,
        }
    }
}

/// The bytes of `req`'s file.
pub fn file_bytes(req: &ImportRequest) -> Result<FileBytes<'_>> {
    let Some(id) = req.file_id.as_deref() else {
        return Ok(FileBytes::Carried(&req.bytes));
    };
    kept()
        .iter()
        .find(|(k, _)| k == id)
        .map(|(_, b)| FileBytes::Staged(Arc::clone(b)))
        .ok_or_else(|| {
            Error::invalid(
                "import.file_id",
                format!("file {id} is no longer kept"),
                "文件已过期，请重新选择文件",
            )
        })
}
