//! The xlsx writer (rust_xlsxwriter, constant-memory mode): lays a validated form out as
//! product.md's layout model says — merged title, header block, one or two header rows with
//! grouped headers, bordered data rows (ID numbers as "@" text, dates as dates), footer —
//! and sets up printing (A4 landscape, one page wide, repeated title and header rows,
//! "第 &P 页，共 &N 页", frozen header, autofilter, 是/否 dropdowns).

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::definition::{CellFormat, Column, Form};
use super::source::Value;
use crate::error::{Error, Result};

/// Body font: 宋体 (SimSun); LibreOffice and WPS fall back to another CJK font if absent.
pub const BODY_FONT: &str = "宋体";
/// Title font.
pub const TITLE_FONT: &str = "黑体";

pub(crate) fn xlsx_error(e: XlsxError) -> Error {
    Error::invalid(
        "export",
        format!("cannot write the workbook: {e}"),
        format!("无法写入 Excel 文件：{e}"),
    )
}

/// The formats of one workbook, built once.
pub struct Formats {
    pub title: Format,
    pub block: Format,
    pub header: Format,
    pub text: Format,
    pub text_number: Format,
    pub date: Format,
    pub integer: Format,
    pub temperature: Format,
}

impl Formats {
    pub fn new() -> Formats {
        let body = Format::new()
            .set_font_name(BODY_FONT)
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new()
                .set_font_name(TITLE_FONT)
                .set_font_size(18)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            block: Format::new()
                .set_font_name(BODY_FONT)
                .set_font_size(11)
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter),
            header: Format::new()
                .set_font_name(BODY_FONT)
                .set_font_size(10)
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: body.clone(),
            text_number: body.clone().set_num_format("@"),
            date: body
                .clone()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Center),
            integer: body
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            temperature: body.set_num_format("0.0").set_align(FormatAlign::Center),
        }
    }

    pub fn for_cell(&self, format: CellFormat) -> &Format {
        match format {
            CellFormat::Text => &self.text,
            CellFormat::TextNumber => &self.text_number,
            CellFormat::Date => &self.date,
            CellFormat::Integer => &self.integer,
            CellFormat::Temperature => &self.temperature,
            CellFormat::YesNo => &self.text,
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// Texts with placeholders filled in.
#[derive(Debug, Clone)]
pub struct Texts {
    pub title: String,
    pub header_block: String,
    pub footer: String,
}

/// An open export: the header is written; rows are appended one by one; `finish` writes
/// the footer and print setup and saves.
pub struct Writer<'f> {
    form: &'f Form,
    workbook: Workbook,
    formats: Formats,
    /// The next row to write.
    row: u32,
    first_data_row: u32,
    texts: Texts,
    /// Running sums of the summed columns, for the total row.
    sums: Vec<i64>,
}

/// The first data row: title, header block, header rows.
fn first_data_row(form: &Form) -> u32 {
    2 + form.header_rows()
}

impl<'f> Writer<'f> {
    pub fn new(form: &'f Form, texts: Texts) -> Result<Writer<'f>> {
        let mut workbook = Workbook::new();
        let formats = Formats::new();
        {
            let ws = workbook
                .add_worksheet_with_constant_memory()
                .map_err(xlsx_error)?;
            write_header(ws, form, &texts, &formats).map_err(xlsx_error)?;
        }
        Ok(Writer {
            form,
            workbook,
            formats,
            row: first_data_row(form),
            first_data_row: first_data_row(form),
            texts,
            sums: vec![0; form.columns.len()],
        })
    }

    fn sheet(&mut self) -> Result<&mut Worksheet> {
        self.workbook.worksheet_from_index(0).map_err(xlsx_error)
    }

    /// Appends one data row (values in the source's field order).
    pub fn row(&mut self, values: &[Value]) -> Result<()> {
        let row = self.row;
        let form = self.form;
        let ws = self.workbook.worksheet_from_index(0).map_err(xlsx_error)?;
        for (col, c) in form.columns.iter().enumerate() {
            write_cell(ws, &self.formats, row, col as u16, c, &values[c.field])
                .map_err(xlsx_error)?;
            if let (true, Value::Integer(n)) = (c.summed(), &values[c.field]) {
                self.sums[col] += n;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Writes the footer and the print setup, and saves to `path`.
    pub fn finish(mut self, path: &Path) -> Result<()> {
        let form = self.form;
        let last_col = (form.columns.len() - 1) as u16;
        let first = self.first_data_row;
        let last_data = self.row.saturating_sub(1).max(first);
        let footer = self.texts.footer.clone();
        let block = self.formats.block.clone();
        let total_row = form
            .def
            .total_row
            .as_ref()
            .map(|t| (t.label.clone(), self.row));
        let footer_row = self.row + u32::from(total_row.is_some());
        let sums = std::mem::take(&mut self.sums);
        let header = self.formats.header.clone();
        let integer = self.formats.integer.clone().set_bold();
        let text = self.formats.text.clone();
        let ws = self.sheet()?;
        if let Some((label, row)) = total_row {
            // The label over the columns before the first summed one (validation keeps
            // the first column unsummed), the sums under their columns.
            let span = form.columns.iter().position(|c| c.summed()).unwrap_or(1);
            merge_or_write(ws, row, 0, row, (span - 1) as u16, &label, &header)
                .map_err(xlsx_error)?;
            for (col, c) in form.columns.iter().enumerate().skip(span) {
                if c.summed() {
                    ws.write_number_with_format(row, col as u16, sums[col] as f64, &integer)
                        .map_err(xlsx_error)?;
                } else {
                    ws.write_blank(row, col as u16, &text).map_err(xlsx_error)?;
                }
            }
            ws.set_row_height(row, 22).map_err(xlsx_error)?;
        }
        if !footer.is_empty() {
            if last_col > 0 {
                ws.merge_range(footer_row, 0, footer_row, last_col, &footer, &block)
                    .map_err(xlsx_error)?;
            } else {
                ws.write_string_with_format(footer_row, 0, &footer, &block)
                    .map_err(xlsx_error)?;
            }
            ws.set_row_height(footer_row, 28).map_err(xlsx_error)?;
        }
        // 是/否 dropdowns on boolean columns, over the data rows.
        for (col, c) in form.columns.iter().enumerate() {
            if c.format == CellFormat::YesNo {
                let dv = DataValidation::new()
                    .allow_list_strings(&["是", "否"])
                    .map_err(xlsx_error)?;
                ws.add_data_validation(first, col as u16, last_data, col as u16, &dv)
                    .map_err(xlsx_error)?;
            }
        }
        let print = &form.def.print;
        ws.set_paper_size(9); // A4
        if print.landscape {
            ws.set_landscape();
        }
        if print.fit_to_width {
            ws.set_print_fit_to_pages(1, 0);
        }
        ws.set_print_center_horizontally(true);
        ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
        ws.set_footer("&C第 &P 页，共 &N 页");
        if print.repeat_header {
            // The title and header rows (the header block names one filler, not repeated).
            ws.set_repeat_rows(0, first - 1).map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(first, print.freeze_columns.min(last_col))
            .map_err(xlsx_error)?;
        if print.autofilter {
            ws.autofilter(first - 1, 0, last_data, last_col)
                .map_err(xlsx_error)?;
        }
        self.workbook.save(path).map_err(xlsx_error)
    }
}

fn write_header(
    ws: &mut Worksheet,
    form: &Form,
    texts: &Texts,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let name: String = form.def.name.chars().take(31).collect();
    ws.set_name(sanitize_sheet_name(&name))?;
    let last_col = (form.columns.len() - 1) as u16;
    for (col, c) in form.columns.iter().enumerate() {
        ws.set_column_width(col as u16, c.width)?;
    }
    // Row 0: the title; row 1: the header block.
    merge_or_write(ws, 0, 0, 0, last_col, &texts.title, &formats.title)?;
    ws.set_row_height(0, 36)?;
    merge_or_write(ws, 1, 0, 1, last_col, &texts.header_block, &formats.block)?;
    ws.set_row_height(1, 22)?;
    // Header rows: with groups, a grouped column gets the group in row 2 and its own
    // header in row 3; an ungrouped one is merged over both rows.
    if form.groups.is_empty() {
        for (col, c) in form.columns.iter().enumerate() {
            ws.write_string_with_format(2, col as u16, &c.header, &formats.header)?;
        }
        ws.set_row_height(2, 30)?;
    } else {
        let mut col = 0usize;
        let mut groups = form.groups.iter().peekable();
        while col < form.columns.len() {
            if let Some(g) = groups.peek().filter(|g| g.first == col) {
                merge_or_write(
                    ws,
                    2,
                    g.first as u16,
                    2,
                    g.last as u16,
                    &g.title,
                    &formats.header,
                )?;
                col = g.last + 1;
                groups.next();
            } else {
                ws.merge_range(
                    2,
                    col as u16,
                    3,
                    col as u16,
                    &form.columns[col].header,
                    &formats.header,
                )?;
                col += 1;
            }
        }
        for g in &form.groups {
            for c in g.first..=g.last {
                ws.write_string_with_format(3, c as u16, &form.columns[c].header, &formats.header)?;
            }
        }
        ws.set_row_height(2, 22)?;
        ws.set_row_height(3, 36)?;
    }
    Ok(())
}

fn merge_or_write(
    ws: &mut Worksheet,
    r1: u32,
    c1: u16,
    r2: u32,
    c2: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if r1 == r2 && c1 == c2 {
        ws.write_string_with_format(r1, c1, text, format)?;
    } else {
        ws.merge_range(r1, c1, r2, c2, text, format)?;
    }
    Ok(())
}

/// Excel refuses some characters in sheet names.
fn sanitize_sheet_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c => c,
        })
        .collect();
    let s = s.trim_matches('\'').to_owned();
    if s.is_empty() {
        "Sheet1".to_owned()
    } else {
        s
    }
}

/// Writes one cell of a column; values are already masked.
pub fn write_cell(
    ws: &mut Worksheet,
    formats: &Formats,
    row: u32,
    col: u16,
    c: &Column,
    value: &Value,
) -> Result<(), XlsxError> {
    let format = formats.for_cell(c.format);
    let value = match (value, c.slot_index) {
        (Value::Checks(grid), Some(i)) => match grid.get(i).copied().flatten() {
            Some(t) => {
                ws.write_number_with_format(row, col, f64::from(t) / 10.0, format)?;
                return Ok(());
            }
            None => &Value::Empty,
        },
        (v, _) => v,
    };
    match value {
        Value::Empty | Value::Checks(_) => {
            ws.write_blank(row, col, format)?;
        }
        Value::Text(s) => {
            let s = c.map.get(s).map_or(s.as_str(), String::as_str);
            ws.write_string_with_format(row, col, s, format)?;
        }
        Value::Date(d) => {
            if c.format == CellFormat::Date {
                ws.write_date_with_format(row, col, d, format)?;
            } else {
                ws.write_string_with_format(row, col, d.format("%Y-%m-%d").to_string(), format)?;
            }
        }
        Value::Integer(n) => {
            if c.format == CellFormat::Integer {
                ws.write_number_with_format(row, col, *n as f64, format)?;
            } else {
                ws.write_string_with_format(row, col, n.to_string(), format)?;
            }
        }
        Value::Temperature(t) => {
            if c.format == CellFormat::Temperature {
                ws.write_number_with_format(row, col, f64::from(*t) / 10.0, format)?;
            } else {
                ws.write_string_with_format(
                    row,
                    col,
                    format!("{:.1}", f64::from(*t) / 10.0),
                    format,
                )?;
            }
        }
        Value::Bool(b) => {
            let key = if *b { "true" } else { "false" };
            let text = c
                .map
                .get(key)
                .map_or(if *b { "是" } else { "否" }, String::as_str);
            ws.write_string_with_format(row, col, text, format)?;
        }
    }
    Ok(())
}
