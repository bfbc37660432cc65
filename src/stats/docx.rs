//! The 情况汇报 as a Word document (.docx): a minimal, valid WordprocessingML package
//! (`[Content_Types].xml`, `_rels/.rels`, `word/document.xml`, `word/styles.xml` and its
//! relationship), zipped with the `zip` crate.
//!
//! Laid out like an official document (GB/T 9704 in spirit): A4 portrait, margins
//! 37/35/28/26 mm; the title "关于…疫情防控工作情况汇报" centred in 方正小标宋简体 at 二号
//! (22 pt), its Latin characters in 黑体; each paragraph of the
//! (edited) text in 仿宋_GB2312 at 三号 (16 pt), first line indented two characters, fixed
//! 28 pt line spacing; the community and the date (2020年3月1日) right-aligned at the end.
//! Fonts are named, not embedded: Word, WPS and LibreOffice substitute what is installed.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::api::ExportResult;
use crate::domain::masking::MaskPreset;
use crate::error::{Error, Result};
use crate::forms::{self, Logged};
use crate::settings::Settings;
use crate::store::{Actor, Ledger};

/// Title font (方正小标宋简体), 黑体 for its Latin characters (digits, letters).
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const TITLE_LATIN_FONT: &str = "黑体";
/// Body font.
pub const BODY_FONT: &str = "仿宋_GB2312";
/// 三号 (16 pt) in half-points.
const BODY_SIZE: u32 = 32;
/// 二号 (22 pt) in half-points.
const TITLE_SIZE: u32 = 44;

/// What the document holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDoc {
    pub title: String,
    /// One entry per paragraph (blank lines of the text are dropped).
    pub paragraphs: Vec<String>,
    /// Right-aligned lines at the end: the community, the date.
    pub signature: Vec<String>,
}

/// The title of the report: "关于幸福社区疫情防控工作情况汇报".
pub fn title_for(ledger_name: &str) -> String {
    format!("关于{ledger_name}疫情防控工作情况汇报")
}

/// The document of `text` (paragraphs split by newlines) for `date`.
pub fn report_doc(ledger_name: &str, date: NaiveDate, text: &str) -> ReportDoc {
    ReportDoc {
        title: title_for(ledger_name),
        paragraphs: text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        signature: vec![
            ledger_name.to_owned(),
            format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        ],
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn fonts(latin: &str, east_asia: &str) -> String {
    format!(
        "<w:rFonts w:ascii=\"{latin}\" w:hAnsi=\"{latin}\" w:eastAsia=\"{east_asia}\" \
         w:cs=\"{latin}\"/>"
    )
}

fn run(text: &str, fonts: &str, size: u32) -> String {
    format!(
        "<w:r><w:rPr>{fonts}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>\
         <w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

/// Fixed 28 pt line spacing (560 twentieths of a point).
const SPACING: &str =
    "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>";

/// `word/document.xml`.
pub fn document_xml(doc: &ReportDoc) -> String {
    let body_fonts = fonts(BODY_FONT, BODY_FONT);
    let mut body = String::new();
    body.push_str(&format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"560\" \
         w:line=\"700\" w:lineRule=\"exact\"/></w:pPr>{}</w:p>",
        run(&doc.title, &fonts(TITLE_LATIN_FONT, TITLE_FONT), TITLE_SIZE)
    ));
    for p in &doc.paragraphs {
        // First line indented two characters (200 hundredths of a character; 640 twips is
        // two 16 pt characters for readers that ignore the character unit).
        body.push_str(&format!(
            "<w:p><w:pPr>{SPACING}<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>\
             <w:jc w:val=\"both\"/></w:pPr>{}</w:p>",
            run(p, &body_fonts, BODY_SIZE)
        ));
    }
    if !doc.signature.is_empty() {
        body.push_str(&format!("<w:p><w:pPr>{SPACING}</w:pPr></w:p>"));
        for line in &doc.signature {
            body.push_str(&format!(
                "<w:p><w:pPr>{SPACING}<w:ind w:right=\"640\"/><w:jc w:val=\"right\"/></w:pPr>{}</w:p>",
                run(line, &body_fonts, BODY_SIZE)
            ));
        }
    }
    // A4 portrait (11906 × 16838 twips); margins 37 / 35 / 28 / 26 mm.
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" \
         w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

fn styles_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val=\"{BODY_SIZE}\"/>\
         <w:szCs w:val=\"{BODY_SIZE}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">\
         <w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         </w:styles>",
        fonts(BODY_FONT, BODY_FONT)
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

fn zip_error(e: impl std::fmt::Display) -> Error {
    Error::invalid(
        "docx",
        format!("cannot write the document: {e}"),
        format!("无法写入 Word 文件：{e}"),
    )
}

/// Writes `doc` as a .docx file at `path`.
pub fn write_docx(doc: &ReportDoc, path: &Path) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("word/document.xml", document_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles_xml()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(zip_error)?;
        zip.write_all(text.as_bytes()).map_err(zip_error)?;
    }
    zip.finish().map_err(zip_error)?;
    Ok(())
}

/// The default place of the report of `date`: `<data dir>/exports/情况汇报-YYYY-MM-DD.docx`.
pub fn default_path(ledger: &Ledger, date: NaiveDate) -> PathBuf {
    forms::exports_dir(&forms::data_dir_of(ledger)).join(format!("情况汇报-{date}.docx"))
}

/// Writes the 情况汇报 of `date` to `out` (default: [`default_path`], replaced when it
/// exists) from `text` (the edited draft; default: the draft generated from the records),
/// and records the export in the export log. Written to a temporary file and renamed, so
/// a failed write leaves no half document; no file stays without its log entry.
pub fn export_situation_report(
    ledger: &mut Ledger,
    actor: &Actor,
    date: NaiveDate,
    text: Option<&str>,
    out: Option<&Path>,
) -> Result<ExportResult> {
    let text = match text {
        Some(t) => t.to_owned(),
        None => super::narrative::situation_report(ledger.conn(), date)?.narrative,
    };
    let ledger_name = Settings::load(ledger.conn())?.ledger_name;
    let doc = report_doc(&ledger_name, date, &text);
    if doc.paragraphs.is_empty() {
        return Err(Error::invalid(
            "report.text",
            "the report has no text",
            "汇报内容为空",
        ));
    }
    let out = out.map_or_else(|| default_path(ledger, date), Path::to_path_buf);
    forms::save_logged(
        ledger,
        actor,
        &out,
        &Logged {
            form_id: "situation-report",
            form_name: "情况汇报",
            filters: &serde_json::json!({ "date": date.to_string() }),
            masking: MaskPreset::None,
        },
        |_, tmp| {
            write_docx(&doc, tmp)?;
            Ok(doc.paragraphs.len() as u64)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_escaped_indented_and_in_the_named_fonts() {
        let date = NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
        let doc = report_doc("幸福社区", date, "一是A&B<C>。\n\n  二是“好”。  \n");
        assert_eq!(doc.paragraphs, ["一是A&B<C>。", "二是“好”。"]);
        assert_eq!(doc.signature, ["幸福社区", "2020年3月1日"]);
        let xml = document_xml(&doc);
        assert!(xml.contains("关于幸福社区疫情防控工作情况汇报"));
        assert!(xml.contains("一是A&amp;B&lt;C&gt;。"));
        assert_eq!(xml.matches("w:firstLineChars=\"200\"").count(), 2);
        assert!(xml.contains("w:eastAsia=\"仿宋_GB2312\""));
        assert!(xml.contains("w:eastAsia=\"方正小标宋简体\""));
        assert!(xml.contains("<w:sz w:val=\"32\"/>"));
    }
}
