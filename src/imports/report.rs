//! The error report: the rejected rows as they were in the file, with the row number, the
//! cell and the reason in front, ready to send back to the sender for correction.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::api::{ImportPreview, ImportRequest, RowStatus};
use crate::error::{Error, Result};

use super::clean;
use super::read::{self, Cell};

fn xlsx_error(e: XlsxError) -> Error {
    Error::invalid(
        "import.report",
        format!("the error report could not be written: {e}"),
        "错误报告生成失败",
    )
}

/// The rejected rows of `preview` (made from `req`) as an xlsx workbook.
pub fn error_report(req: &ImportRequest, preview: &ImportPreview) -> Result<Vec<u8>> {
    let bytes = super::staged::file_bytes(req)?;
    let read = read::read(&req.file_name, &bytes, Some(&preview.sheet))?;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("导入错误").map_err(xlsx_error)?;
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    let fixed = ["原行号", "单元格", "错误原因"];
    for (c, h) in fixed.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(xlsx_error)?;
    }
    for (c, col) in preview.columns.iter().enumerate() {
        sheet
            .write_string_with_format(0, (c + fixed.len()) as u16, &col.header, &bold)
            .map_err(xlsx_error)?;
    }
    let rejected = preview.rows.iter().filter(|r| r.status == RowStatus::Error);
    for (out_row, row) in (1u32..).zip(rejected) {
        sheet
            .write_number(out_row, 0, f64::from(row.row))
            .map_err(xlsx_error)?;
        sheet
            .write_string(out_row, 1, row.cell.as_deref().unwrap_or(""))
            .map_err(xlsx_error)?;
        sheet
            .write_string(out_row, 2, row.message_zh.as_deref().unwrap_or(""))
            .map_err(xlsx_error)?;
        let cells = read
            .grid
            .rows
            .get(row.row as usize - 1)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (c, cell) in cells.iter().enumerate() {
            let col = (c + fixed.len()) as u16;
            match cell {
                Cell::Empty => {}
                // Numbers as they were (an ID number Excel corrupted stays visible as such).
                Cell::Number(f) => {
                    sheet.write_number(out_row, col, *f).map_err(xlsx_error)?;
                }
                other => {
                    sheet
                        .write_string_with_format(out_row, col, clean::text(other), &text)
                        .map_err(xlsx_error)?;
                }
            }
        }
    }
    sheet.set_column_width(2, 40).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}
