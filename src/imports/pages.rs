//! Paged previews, for IPC: a 100,000-row preview is not sent to the UI in one message.
//!
//! [`page_preview`] keeps a preview's rows in memory under a fresh id and cuts the preview
//! to its first page (the counts stay whole); [`preview_rows`] then serves pages of the
//! kept rows, optionally only those of one status (only the errors). The last few previews
//! are kept (a preview is re-made after every mapping change); an older id is refused with
//! a request to preview again. Nothing here touches the ledger.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use crate::api::{ImportPreview, PreviewRow, PreviewRowsPage, PreviewRowsQuery};
use crate::error::{Error, Result};

/// The rows sent with a paged preview.
pub const FIRST_PAGE: usize = 50;
/// How many previews are kept.
const KEPT: usize = 4;
/// The largest page served.
const MAX_PAGE: u32 = 500;

type Kept = VecDeque<(String, Arc<Vec<PreviewRow>>)>;

static PREVIEWS: Mutex<Kept> = Mutex::new(VecDeque::new());

fn kept() -> std::sync::MutexGuard<'static, Kept> {
    PREVIEWS.lock().unwrap_or_else(|p| p.into_inner())
}

/// Keep the preview's rows under a new id and return the preview cut to its first
/// `first` rows, with that id.
pub fn page_preview(mut preview: ImportPreview, first: usize) -> ImportPreview {
    let id = crate::store::rows::new_id();
    let rows = std::mem::take(&mut preview.rows);
    preview.rows = rows.iter().take(first).cloned().collect();
    preview.preview_id = Some(id.clone());
    let mut kept = kept();
    kept.push_back((id, Arc::new(rows)));
    while kept.len() > KEPT {
        kept.pop_front();
    }
    preview
}

/// One page of a kept preview's rows, filtered by status.
pub fn preview_rows(q: &PreviewRowsQuery) -> Result<PreviewRowsPage> {
    let rows = kept()
        .iter()
        .find(|(id, _)| *id == q.preview_id)
        .map(|(_, rows)| Arc::clone(rows))
        .ok_or_else(|| {
            Error::invalid(
                "import.preview_id",
                format!("preview {} is no longer kept", q.preview_id),
                "预览已过期，请重新预览",
            )
        })?;
    let limit = match q.limit {
        0 => 50,
        n => n.min(MAX_PAGE),
    } as usize;
    let mut total = 0u32;
    let mut page = Vec::new();
    for row in rows
        .iter()
        .filter(|r| q.status.is_none_or(|s| r.status == s))
    {
        if total as usize >= q.offset as usize && page.len() < limit {
            page.push(row.clone());
        }
        total += 1;
    }
    Ok(PreviewRowsPage { rows: page, total })
}
