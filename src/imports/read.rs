//! Readers: a file's bytes → the names of its sheets and one sheet as a grid of cells.
//!
//! xlsx, xls and ods through calamine; csv decoded here: a UTF-8 byte-order mark or valid
//! UTF-8 is UTF-8, anything else is GB18030 (a superset of GBK, Excel's default on Chinese
//! Windows). Arbitrary bytes give an error, never a panic (fuzzed in `tests/it/imports.rs`).

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use crate::error::{Error, Result};

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date: its serial number in the 1900 date system.
    Date(f64),
    Bool(bool),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

impl Format {
    /// The format from the file name's extension, else from the first bytes.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
        let lower = file_name.to_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
        match ext {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" | "txt" => Format::Csv,
            _ if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => Format::Xls,
            _ if bytes.starts_with(b"PK") => Format::Xlsx,
            _ => Format::Csv,
        }
    }
}

/// One sheet as a grid: `rows[i][j]` is the cell at spreadsheet row `i + 1`, column `j`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook's sheets and the chosen one.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub sheets: Vec<String>,
    pub grid: Grid,
}

fn unreadable(format: Format, detail: impl std::fmt::Display) -> Error {
    let what = match format {
        Format::Xlsx => "xlsx",
        Format::Xls => "xls",
        Format::Ods => "ods",
        Format::Csv => "csv",
    };
    Error::invalid(
        "import.file",
        format!("the file cannot be read as {what}: {detail}"),
        format!("无法按 {what} 格式读取该文件，请确认文件未损坏、格式正确"),
    )
}

/// Read `bytes` (named `file_name`) and the sheet chosen by name or 1-based position
/// (the first by default).
pub fn read(file_name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Read> {
    let format = Format::detect(file_name, bytes);
    read_as(format, bytes, sheet)
}

/// Read `bytes` as `format`.
pub fn read_as(format: Format, bytes: &[u8], sheet: Option<&str>) -> Result<Read> {
    match format {
        Format::Csv => {
            let text = decode_text(bytes);
            let rows = parse_csv(&text);
            let name = "csv".to_owned();
            if let Some(s) = sheet.map(str::trim).filter(|s| !s.is_empty()) {
                if s != "1" && s != name {
                    return Err(no_sheet(s, std::slice::from_ref(&name)));
                }
            }
            Ok(Read {
                sheets: vec![name.clone()],
                grid: Grid { sheet: name, rows },
            })
        }
        Format::Xlsx => {
            let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|e| unreadable(format, e))?;
            read_book(format, book, sheet)
        }
        Format::Xls => {
            let book: Xls<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|e| unreadable(format, e))?;
            read_book(format, book, sheet)
        }
        Format::Ods => {
            let book: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
                .map_err(|e| unreadable(format, e))?;
            read_book(format, book, sheet)
        }
    }
}

fn no_sheet(wanted: &str, sheets: &[String]) -> Error {
    Error::invalid(
        "import.sheet",
        format!("no sheet {wanted:?} (sheets: {})", sheets.join(", ")),
        format!("找不到工作表“{wanted}”（共有：{}）", sheets.join("、")),
    )
}

fn read_book<R, RS>(format: Format, mut book: R, sheet: Option<&str>) -> Result<Read>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let sheets = book.sheet_names();
    let name = match sheet.map(str::trim).filter(|s| !s.is_empty()) {
        None => sheets.first().cloned().ok_or_else(|| {
            Error::invalid(
                "import.sheet",
                "the workbook has no sheets",
                "文件中没有工作表",
            )
        })?,
        Some(wanted) => match sheets.iter().find(|s| s.as_str() == wanted) {
            Some(found) => found.clone(),
            None => match wanted.parse::<usize>() {
                Ok(n) if n >= 1 && n <= sheets.len() => sheets[n - 1].clone(),
                _ => return Err(no_sheet(wanted, &sheets)),
            },
        },
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| unreadable(format, e))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(range.height() + row0 as usize);
    rows.resize_with(row0 as usize, Vec::new);
    for row in range.rows() {
        let mut cells = Vec::with_capacity(row.len() + col0 as usize);
        cells.resize(col0 as usize, Cell::Empty);
        cells.extend(row.iter().map(cell_of));
        rows.push(cells);
    }
    Ok(Read {
        sheets,
        grid: Grid { sheet: name, rows },
    })
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => Cell::Date(dt.as_f64()),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        // ODS date cells come as ISO text ("2020-01-21", "2020-01-21T08:30:00"): a date
        // cell like xlsx's, as an Excel serial; anything else stays text.
        Data::DateTimeIso(s) => iso_serial(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Which encoding a csv was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8Bom,
    Utf8,
    Gb18030,
}

/// Detect: a UTF-8 byte-order mark → UTF-8; valid UTF-8 → UTF-8; else GB18030 (which
/// decodes every GBK file the same way).
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        TextEncoding::Utf8Bom
    } else if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Gb18030
    }
}

/// The text of a csv file, decoded as detected. Undecodable bytes become U+FFFD.
pub fn decode_text(bytes: &[u8]) -> String {
    match detect_encoding(bytes) {
        TextEncoding::Utf8Bom => String::from_utf8_lossy(&bytes[3..]).into_owned(),
        TextEncoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        TextEncoding::Gb18030 => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            text.into_owned()
        }
    }
}

/// RFC 4180 csv (quoted fields with doubled quotes and line breaks inside); the delimiter
/// is a comma, or a tab / semicolon when the first line has those and no comma.
pub fn parse_csv(text: &str) -> Vec<Vec<Cell>> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.contains(',') || first_line.contains('，') {
        ','
    } else if first_line.contains('\t') {
        '\t'
    } else if first_line.contains(';') {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let cell = |f: &mut String| {
        let s = std::mem::take(f);
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    };
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.is_empty() {
            quoted = true;
        } else if c == delimiter {
            row.push(cell(&mut field));
        } else if c == '\r' || c == '\n' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            row.push(cell(&mut field));
            rows.push(std::mem::take(&mut row));
        } else {
            field.push(c);
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(cell(&mut field));
        rows.push(row);
    }
    rows
}

/// The column letter of a 0-based index: 0 → "A", 26 → "AA".
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// An ISO date or date-time as an Excel serial (1900 system: 1899-12-30 is day 0).
fn iso_serial(s: &str) -> Option<f64> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = (date - epoch).num_days() as f64;
    let fraction = match time {
        Some(t) => {
            let t =
                chrono::NaiveTime::parse_from_str(t.trim_end_matches('Z'), "%H:%M:%S%.f").ok()?;
            f64::from(chrono::Timelike::num_seconds_from_midnight(&t)) / 86_400.0
        }
        None => 0.0,
    };
    Some(days + fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn csv_quotes_and_line_breaks() {
        let rows = parse_csv("a,\"b,1\",\"c\"\"d\"\r\n\"x\ny\",,z\n");
        assert_eq!(
            rows,
            vec![
                vec![
                    Cell::Text("a".into()),
                    Cell::Text("b,1".into()),
                    Cell::Text("c\"d".into())
                ],
                vec![
                    Cell::Text("x\ny".into()),
                    Cell::Empty,
                    Cell::Text("z".into())
                ],
            ]
        );
    }

    #[test]
    fn encodings_detected() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFa"), TextEncoding::Utf8Bom);
        assert_eq!(detect_encoding("姓名".as_bytes()), TextEncoding::Utf8);
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,身份证号");
        assert_eq!(detect_encoding(&gbk), TextEncoding::Gb18030);
        assert_eq!(decode_text(&gbk), "姓名,身份证号");
        assert_eq!(decode_text("\u{FEFF}姓名".as_bytes()), "姓名");
    }
}
