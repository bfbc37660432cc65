//! The form definition format (JSON, `assets/forms/*.json`) and its validation.
//!
//! A definition describes one official form in the shared layout model of product.md:
//! a merged title row, a header block row, one or two header rows (grouped headers merged
//! across their columns), the data rows (columns bound to fields of a core row source),
//! a footer row, the default masking preset and the print setup. Nothing about a form is
//! code: a new form is a definition plus, at most, a new row source.
//!
//! Validation reports every problem it finds, each naming the line of the definition text
//! (serde_json's position for syntax and type errors, the line of the column's `"key"` for
//! semantic ones) in Chinese and English.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::source::{FieldKind, Source};
use crate::domain::masking::MaskPreset;

/// One form definition, as written in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FormDefinition {
    /// Stable identifier, also the file name: `arrivals-screening`.
    pub id: String,
    /// The form's name as listed: "返乡（外来）人员摸排登记表".
    pub name: String,
    /// The merged title; placeholders `{community}`, `{date}`, `{dateZh}` (the report date,
    /// the range's end for a range), `{periodZh}` (the day, or "…至…" for a range), `{from}`,
    /// `{to}`,
    /// `{grid}`, `{checkpoint}` (the gate sheet's checkpoint, else 全部卡口) and
    /// `{nilReport}` ("零报告" when nothing new happened on the report date, else empty; an
    /// item of the header block or footer that fills to nothing is left out).
    pub title: String,
    /// The row source the columns are bound to (`arrivals`, `isolations`, `contacts`,
    /// `callTargets`, `dailyReport`, `enterpriseVisits`, `gateChecks`).
    pub source: Source,
    /// Fixed filters of the row source (e.g. only arrivals from a risk area).
    #[serde(default)]
    pub filters: SourceFilters,
    /// The header block row ("填报单位：{community}", "填报人：", …), same placeholders.
    #[serde(default)]
    pub header_block: Vec<String>,
    /// Grouped headers over runs of columns; when present the form has two header rows.
    #[serde(default)]
    pub groups: Vec<HeaderGroup>,
    pub columns: Vec<ColumnDef>,
    /// The footer row ("审核人：", "单位（盖章）："), same placeholders.
    #[serde(default)]
    pub footer: Vec<String>,
    /// A total row after the data rows (合计): the label in the first columns, the sum of
    /// every whole-number column under its column.
    #[serde(default)]
    pub total_row: Option<TotalRow>,
    /// The masking preset used unless the export asks for another.
    #[serde(default = "default_masking")]
    pub masking: MaskPreset,
    #[serde(default)]
    pub print: PrintSetup,
}

fn default_masking() -> MaskPreset {
    MaskPreset::Upward
}

/// Fixed filters a definition puts on its row source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SourceFilters {
    /// Arrivals: only those from a risk area.
    #[serde(default)]
    pub from_risk_area: bool,
}

/// The total row's set-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TotalRow {
    /// "合计"; written in the first column, merged over the columns before the first
    /// summed one.
    pub label: String,
}

/// A header over columns `from` ..= `to` (column keys), merged in the first header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HeaderGroup {
    pub title: String,
    pub from: String,
    pub to: String,
}

/// One column of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ColumnDef {
    /// Unique within the form; groups refer to it.
    pub key: String,
    pub header: String,
    /// The row source's field (`serial` is the row number, in every source).
    pub field: String,
    /// Width in characters (Excel units), 1–100.
    #[serde(default = "default_width")]
    pub width: f64,
    /// How the value is written; default: the field's natural format.
    #[serde(default)]
    pub format: Option<CellFormat>,
    /// Value mapping: stored code → text ("male" → "男"); unmapped values pass through.
    #[serde(default)]
    pub map: BTreeMap<String, String>,
    /// For the `checks` field only: a day × slot grid (第1天 上午/下午 …).
    #[serde(default)]
    pub expand: Option<DayGrid>,
}

fn default_width() -> f64 {
    10.0
}

/// A day × slot grid: `days` groups ("第N天") of one column per slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DayGrid {
    pub days: u32,
    /// Slot headers in order: ["上午", "下午"].
    pub slots: Vec<String>,
}

/// How a cell is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CellFormat {
    /// Text cell.
    Text,
    /// Text cell with the text number format "@" (ID numbers, phones: never numbers).
    TextNumber,
    /// A real date, shown yyyy-mm-dd.
    Date,
    /// Whole number.
    Integer,
    /// Temperature, one decimal (36.5).
    Temperature,
    /// 是 / 否 with a dropdown.
    YesNo,
}

/// Print setup. Defaults: A4 landscape, fit to one page wide, title and header rows
/// repeated, frozen header, autofilter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrintSetup {
    #[serde(default = "yes")]
    pub landscape: bool,
    #[serde(default = "yes")]
    pub fit_to_width: bool,
    #[serde(default = "yes")]
    pub repeat_header: bool,
    /// Columns frozen at the left besides the header rows (序号, 姓名).
    #[serde(default = "two")]
    pub freeze_columns: u16,
    #[serde(default = "yes")]
    pub autofilter: bool,
}

fn yes() -> bool {
    true
}
fn two() -> u16 {
    2
}

impl Default for PrintSetup {
    fn default() -> Self {
        PrintSetup {
            landscape: true,
            fit_to_width: true,
            repeat_header: true,
            freeze_columns: 2,
            autofilter: true,
        }
    }
}

/// One problem in a definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DefinitionError {
    /// 1-based line in the definition text, when known.
    pub line: Option<usize>,
    /// The column key (or other key) concerned.
    pub key: Option<String>,
    pub message: String,
    pub message_zh: String,
}

impl std::fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl DefinitionError {
    /// "第 12 行：…" for the UI.
    pub fn to_zh(&self) -> String {
        match self.line {
            Some(line) => format!("第 {line} 行：{}", self.message_zh),
            None => self.message_zh.clone(),
        }
    }
}

/// A resolved column: one cell per data row.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub header: String,
    /// Index of the field in the source's field list.
    pub field: usize,
    pub kind: FieldKind,
    pub width: f64,
    pub format: CellFormat,
    pub map: BTreeMap<String, String>,
    /// For expanded grid columns: the index into the field's list of values.
    pub slot_index: Option<usize>,
}

/// A resolved group header over columns `first ..= last` (indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub title: String,
    pub first: usize,
    pub last: usize,
}

impl Column {
    /// Whether a total row sums this column: a whole-number field written as a number.
    pub fn summed(&self) -> bool {
        self.kind == FieldKind::Integer && self.format == CellFormat::Integer
    }
}

/// A validated definition with its columns resolved against the row source.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub def: FormDefinition,
    pub columns: Vec<Column>,
    pub groups: Vec<Group>,
}

impl Form {
    /// Header rows: 2 with groups, else 1.
    pub fn header_rows(&self) -> u32 {
        if self.groups.is_empty() {
            1
        } else {
            2
        }
    }
}

/// Parses and validates a definition. All problems are returned, each with its line.
pub fn parse(text: &str) -> Result<Form, Vec<DefinitionError>> {
    let def: FormDefinition = serde_json::from_str(text).map_err(|e| {
        let what = e.to_string();
        // serde_json appends " at line L column C"; the message names the line itself.
        let bare = what
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_owned())
            .unwrap_or(what);
        vec![DefinitionError {
            line: Some(e.line()),
            key: None,
            message: format!("column {}: {bare}", e.column()),
            message_zh: format!("第 {} 列：JSON 格式或字段不正确（{bare}）", e.column()),
        }]
    })?;
    resolve(def, text)
}

/// The line of the first `"name": "value"` in `text` (1-based).
fn line_of(text: &str, name: &str, value: &str) -> Option<usize> {
    let quoted_value = serde_json::to_string(value).ok()?;
    let quoted_name = format!("\"{name}\"");
    let mut from = 0;
    while let Some(pos) = text[from..].find(&quoted_name) {
        let at = from + pos;
        let rest = text[at + quoted_name.len()..].trim_start();
        if let Some(rest) = rest.strip_prefix(':') {
            if rest.trim_start().starts_with(&quoted_value) {
                return Some(text[..at].matches('\n').count() + 1);
            }
        }
        from = at + quoted_name.len();
    }
    None
}

fn resolve(def: FormDefinition, text: &str) -> Result<Form, Vec<DefinitionError>> {
    let mut errors = Vec::new();
    let mut err = |line: Option<usize>, key: Option<&str>, en: String, zh: String| {
        errors.push(DefinitionError {
            line,
            key: key.map(str::to_owned),
            message: en,
            message_zh: zh,
        })
    };
    if def.id.trim().is_empty()
        || !def
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        err(
            line_of(text, "id", &def.id),
            None,
            format!(
                "form id {:?} must be non-empty latin letters, digits, - or _",
                def.id
            ),
            format!(
                "表单标识“{}”只能由英文字母、数字、- 和 _ 组成且不能为空",
                def.id
            ),
        );
    }
    if def.name.trim().is_empty() || def.title.trim().is_empty() {
        err(
            None,
            None,
            "name and title must not be empty".into(),
            "表单名称和标题不能为空".into(),
        );
    }
    if def.columns.is_empty() {
        err(
            None,
            None,
            "a form needs at least one column".into(),
            "表单至少需要一列".into(),
        );
    }
    let fields = def.source.fields();
    let mut seen = HashSet::new();
    let mut columns = Vec::new();
    let mut key_index: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for c in &def.columns {
        let line = line_of(text, "key", &c.key);
        let key = Some(c.key.as_str());
        if c.key.trim().is_empty() {
            err(
                line,
                key,
                "a column key is empty".into(),
                "列标识不能为空".into(),
            );
        }
        if !seen.insert(c.key.as_str()) {
            err(
                line,
                key,
                format!("duplicate column key {:?}", c.key),
                format!("列标识“{}”重复", c.key),
            );
        }
        if !(1.0..=100.0).contains(&c.width) {
            err(
                line,
                key,
                format!("column {:?}: width {} is not within 1–100", c.key, c.width),
                format!("列“{}”的宽度 {} 应在 1 到 100 之间", c.key, c.width),
            );
        }
        let Some(field) = fields.iter().position(|f| f.name == c.field) else {
            let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
            err(
                line_of(text, "field", &c.field).or(line),
                key,
                format!(
                    "column {:?}: the {} source has no field {:?} (known: {})",
                    c.key,
                    def.source.name(),
                    c.field,
                    known.join(", ")
                ),
                format!(
                    "列“{}”：数据来源“{}”没有字段“{}”（可用：{}）",
                    c.key,
                    def.source.name_zh(),
                    c.field,
                    known.join("、")
                ),
            );
            continue;
        };
        let kind = fields[field].kind;
        let format = c.format.unwrap_or_else(|| kind.natural_format());
        if !kind.accepts(format) {
            err(
                line,
                key,
                format!(
                    "column {:?}: format {format:?} does not fit field {:?}",
                    c.key, c.field
                ),
                format!(
                    "列“{}”：格式 {format:?} 与字段“{}”的类型不符",
                    c.key, c.field
                ),
            );
        }
        match (&c.expand, kind) {
            (Some(grid), FieldKind::Checks) => {
                if grid.days == 0 || grid.days > 90 || grid.slots.is_empty() || grid.slots.len() > 4
                {
                    err(
                        line,
                        key,
                        format!(
                            "column {:?}: a day grid needs 1–90 days and 1–4 slots",
                            c.key
                        ),
                        format!("列“{}”：监测表格应为 1–90 天、每天 1–4 次", c.key),
                    );
                    continue;
                }
                let first = columns.len();
                for day in 0..grid.days as usize {
                    for (s, slot) in grid.slots.iter().enumerate() {
                        columns.push(Column {
                            key: format!("{}.{}.{}", c.key, day + 1, s + 1),
                            header: slot.clone(),
                            field,
                            kind,
                            width: c.width,
                            format,
                            map: BTreeMap::new(),
                            slot_index: Some(day * grid.slots.len() + s),
                        });
                    }
                }
                key_index.insert(c.key.as_str(), (first, columns.len() - 1));
                continue;
            }
            (None, FieldKind::Checks) | (Some(_), _) => {
                err(
                    line,
                    key,
                    format!(
                        "column {:?}: `expand` goes with the checks field and only with it",
                        c.key
                    ),
                    format!("列“{}”：“expand”只能且必须用于 checks 字段", c.key),
                );
                continue;
            }
            (None, _) => {}
        }
        key_index.insert(c.key.as_str(), (columns.len(), columns.len()));
        columns.push(Column {
            key: c.key.clone(),
            header: c.header.clone(),
            field,
            kind,
            width: c.width,
            format,
            map: c.map.clone(),
            slot_index: None,
        });
    }
    // Groups: named columns, in order, not overlapping. A day grid makes its own groups
    // ("第N天"), so a form with one has two header rows.
    let mut groups: Vec<Group> = Vec::new();
    for g in &def.groups {
        let line = line_of(text, "title", &g.title);
        let (Some(&(first, _)), Some(&(_, last))) =
            (key_index.get(g.from.as_str()), key_index.get(g.to.as_str()))
        else {
            err(
                line,
                Some(&g.title),
                format!(
                    "header group {:?}: from {:?} / to {:?} must be column keys",
                    g.title, g.from, g.to
                ),
                format!(
                    "表头分组“{}”：起止列“{}”“{}”必须是已定义的列标识",
                    g.title, g.from, g.to
                ),
            );
            continue;
        };
        if first > last {
            err(
                line,
                Some(&g.title),
                format!(
                    "header group {:?}: {:?} comes after {:?}",
                    g.title, g.from, g.to
                ),
                format!(
                    "表头分组“{}”：起始列“{}”在结束列“{}”之后",
                    g.title, g.from, g.to
                ),
            );
            continue;
        }
        groups.push(Group {
            title: g.title.clone(),
            first,
            last,
        });
    }
    for c in &def.columns {
        if let (Some(grid), Some(&(first, _))) = (&c.expand, key_index.get(c.key.as_str())) {
            let n = grid.slots.len();
            for day in 0..grid.days as usize {
                groups.push(Group {
                    title: format!("第{}天", day + 1),
                    first: first + day * n,
                    last: first + day * n + n - 1,
                });
            }
        }
    }
    groups.sort_by_key(|g| g.first);
    for pair in groups.windows(2) {
        if pair[1].first <= pair[0].last {
            err(
                line_of(text, "title", &pair[1].title),
                Some(&pair[1].title),
                format!(
                    "header groups {:?} and {:?} overlap",
                    pair[0].title, pair[1].title
                ),
                format!("表头分组“{}”与“{}”重叠", pair[0].title, pair[1].title),
            );
        }
    }
    if let Some(total) = &def.total_row {
        let line = line_of(text, "label", &total.label);
        if total.label.trim().is_empty() {
            err(
                line,
                None,
                "the total row needs a label".into(),
                "合计行需要标签（如“合计”）".into(),
            );
        }
        match columns.iter().position(Column::summed) {
            None => err(
                line,
                None,
                "a total row needs at least one whole-number column to sum".into(),
                "合计行至少需要一个可求和的整数列".into(),
            ),
            Some(0) => err(
                line,
                columns.first().map(|c| c.key.as_str()),
                "the first column is summed: the total row has no place for its label".into(),
                "第一列是求和列，合计行的标签没有位置：请把序号或名称列放在最前".into(),
            ),
            Some(_) => {}
        }
    }
    if columns.len() > 16_000 {
        err(None, None, "too many columns".into(), "列数过多".into());
    }
    if errors.is_empty() {
        Ok(Form {
            def,
            columns,
            groups,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
  "id": "t",
  "name": "测试表",
  "title": "{community}测试表",
  "source": "arrivals",
  "columns": [
    { "key": "no", "header": "序号", "field": "serial", "width": 6 },
    { "key": "name", "header": "姓名", "field": "name" }
  ]
}"#;

    #[test]
    fn minimal_definition_parses_with_defaults() {
        let form = parse(MINIMAL).expect("valid");
        assert_eq!(form.columns.len(), 2);
        assert_eq!(form.def.masking, MaskPreset::Upward);
        assert!(form.def.print.landscape);
        assert_eq!(form.header_rows(), 1);
    }

    #[test]
    fn syntax_error_names_the_line() {
        let broken = MINIMAL.replace("\"width\": 6 }", "\"width\": 6, }");
        let errors = parse(&broken).expect_err("invalid");
        assert_eq!(errors[0].line, Some(7));
        assert!(
            errors[0].to_zh().starts_with("第 7 行"),
            "{}",
            errors[0].to_zh()
        );
    }

    #[test]
    fn unknown_field_and_duplicate_key_name_the_column_and_line() {
        let bad = MINIMAL.replace(
            r#"{ "key": "name", "header": "姓名", "field": "name" }"#,
            "{ \"key\": \"name\", \"header\": \"姓名\", \"field\": \"nmae\" },\n    { \"key\": \"no\", \"header\": \"x\", \"field\": \"name\", \"width\": 0 }",
        );
        let errors = parse(&bad).expect_err("invalid");
        let unknown = errors
            .iter()
            .find(|e| e.message.contains("nmae"))
            .expect("unknown");
        assert_eq!(unknown.line, Some(8));
        assert_eq!(unknown.key.as_deref(), Some("name"));
        assert!(unknown.message_zh.contains("没有字段"));
        assert!(errors.iter().any(|e| e.message_zh.contains("重复")));
        assert!(errors.iter().any(|e| e.message_zh.contains("宽度")));
    }

    #[test]
    fn unknown_format_and_bad_group_are_refused() {
        let bad = MINIMAL.replace("\"width\": 6 }", "\"width\": 6, \"format\": \"money\" }");
        let errors = parse(&bad).expect_err("invalid");
        assert_eq!(errors[0].line, Some(7));
        assert!(errors[0].message.contains("money"));

        let grouped = MINIMAL.replace(
            "\"columns\"",
            "\"groups\": [{ \"title\": \"基本\", \"from\": \"name\", \"to\": \"no\" }],\n  \"columns\"",
        );
        let errors = parse(&grouped).expect_err("invalid");
        assert!(errors[0].message_zh.contains("之后"), "{:?}", errors);
        assert_eq!(errors[0].line, Some(6));
    }

    #[test]
    fn format_must_fit_the_field() {
        let bad = MINIMAL.replace(
            "\"field\": \"name\" }",
            "\"field\": \"name\", \"format\": \"date\" }",
        );
        let errors = parse(&bad).expect_err("invalid");
        assert!(errors[0].message.contains("does not fit"));
    }

    #[test]
    fn a_total_row_needs_a_label_a_summed_column_and_an_unsummed_first_column() {
        let with_total = |columns: &str, label: &str| {
            format!(
                "{{\n  \"id\": \"d\",\n  \"name\": \"日报\",\n  \"title\": \"日报\",\n  \"source\": \"dailyReport\",\n  \"columns\": [{columns}],\n  \"totalRow\": {{ \"label\": \"{label}\" }}\n}}"
            )
        };
        let grid = r#"{ "key": "grid", "header": "网格", "field": "grid" }"#;
        let new = r#"{ "key": "new", "header": "新增", "field": "arrivalsNew" }"#;
        let form = parse(&with_total(&format!("{grid}, {new}"), "合计")).expect("valid");
        assert_eq!(form.def.total_row.as_ref().unwrap().label, "合计");
        assert!(!form.columns[0].summed() && form.columns[1].summed());

        let errors = parse(&with_total(&format!("{grid}, {new}"), " ")).expect_err("no label");
        assert!(errors[0].message_zh.contains("标签"), "{errors:?}");
        assert_eq!(errors[0].line, Some(7));
        let errors = parse(&with_total(grid, "合计")).expect_err("nothing to sum");
        assert!(errors[0].message_zh.contains("求和"), "{errors:?}");
        let errors = parse(&with_total(&format!("{new}, {grid}"), "合计")).expect_err("first");
        assert!(errors[0].message_zh.contains("第一列"), "{errors:?}");
        // A number written as text is not summed.
        let as_text = new.replace(" }", r#", "format": "text" }"#);
        assert!(parse(&with_total(&format!("{grid}, {as_text}"), "合计")).is_err());
    }
}
