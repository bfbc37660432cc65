//! Fields per kind with their header synonyms; finding the header rows (title rows above
//! are skipped, a two-row merged header is flattened to "返回情况/返回时间"); mapping
//! columns to fields automatically, with overrides.

use std::collections::BTreeMap;

use crate::api::{ImportColumn, ImportField, ImportKind};
use crate::domain::text::normalize_text;
use crate::error::{Error, Result};

use super::read::{column_letter, Cell, Grid};

/// A field a kind takes: its key, Chinese label, whether a row needs it, and the headers
/// it is known by (normalised: no spaces, no parenthesised notes, no `*`).
pub struct FieldSpec {
    pub key: &'static str,
    pub label_zh: &'static str,
    pub required: bool,
    pub synonyms: &'static [&'static str],
}

const NAME: FieldSpec = FieldSpec {
    key: "name",
    label_zh: "姓名",
    required: true,
    synonyms: &[
        "姓名",
        "名字",
        "人员姓名",
        "居民姓名",
        "返乡人员姓名",
        "户主姓名",
    ],
};
const ID_NUMBER: FieldSpec = FieldSpec {
    key: "id_number",
    label_zh: "身份证号",
    required: false,
    synonyms: &[
        "身份证号",
        "身份证号码",
        "公民身份号码",
        "证件号码",
        "证件号",
        "身份证",
        "居民身份证号码",
    ],
};
const PHONE: FieldSpec = FieldSpec {
    key: "phone",
    label_zh: "联系电话",
    required: false,
    synonyms: &[
        "联系电话",
        "手机号",
        "手机号码",
        "电话",
        "手机",
        "联系方式",
        "电话号码",
    ],
};
const ADDRESS: FieldSpec = FieldSpec {
    key: "address",
    label_zh: "现住址",
    required: false,
    synonyms: &[
        "现住址",
        "住址",
        "居住地址",
        "现居住地址",
        "家庭住址",
        "地址",
        "现居住地",
        "居住地",
    ],
};
const RELATION: FieldSpec = FieldSpec {
    key: "relation",
    label_zh: "与户主关系",
    required: false,
    synonyms: &["与户主关系", "关系", "与户主的关系"],
};
const NOTES: FieldSpec = FieldSpec {
    key: "notes",
    label_zh: "备注",
    required: false,
    synonyms: &["备注", "说明"],
};
const ORIGIN: FieldSpec = FieldSpec {
    key: "origin",
    label_zh: "来源地",
    required: true,
    synonyms: &[
        "来源地",
        "从何地返回",
        "出发地",
        "从何地来",
        "来自何地",
        "返回地",
        "来源",
        "从何处返回",
    ],
};
const ARRIVED_ON: FieldSpec = FieldSpec {
    key: "arrived_on",
    label_zh: "返回时间",
    required: true,
    synonyms: &[
        "返回时间",
        "返乡时间",
        "到达时间",
        "返回日期",
        "返乡日期",
        "到达日期",
        "抵达时间",
        "来本地时间",
    ],
};
const DEPARTED_ON: FieldSpec = FieldSpec {
    key: "departed_on",
    label_zh: "离开时间",
    required: false,
    synonyms: &[
        "离开时间",
        "出发时间",
        "离开日期",
        "出发日期",
        "离开来源地时间",
    ],
};
const TRANSPORT_NO: FieldSpec = FieldSpec {
    key: "transport_no",
    label_zh: "车次/航班",
    required: false,
    synonyms: &[
        "车次/航班",
        "车次航班",
        "车次",
        "航班",
        "航班号",
        "车次/航班号",
        "车牌号",
    ],
};

const COUNTRY: FieldSpec = FieldSpec {
    key: "country",
    label_zh: "所在国家（地区）",
    required: false,
    synonyms: &[
        "所在国家",
        "所在国家地区",
        "国家",
        "国家地区",
        "所在国",
        "现所在国家",
        "出境目的地",
        "目的地国家",
    ],
};
const CITY: FieldSpec = FieldSpec {
    key: "city",
    label_zh: "现所在地",
    required: false,
    synonyms: &[
        "现所在地",
        "所在地",
        "当前所在地",
        // The 电话核实登记表's own column: "韩国 首尔" (see `plan_target`).
        "当前所在国家/城市",
        "所在国家/城市",
        "所在城市",
        "现所在城市",
        "目前所在地",
        "现在何地",
        "境外地址",
        "境外住址",
        "现居住城市",
    ],
};
const REASON: FieldSpec = FieldSpec {
    key: "reason",
    label_zh: "外出事由",
    required: false,
    synonyms: &[
        "外出事由",
        "出境事由",
        "出国事由",
        "外出原因",
        "出境原因",
        "事由",
    ],
};
const AWAY_SINCE: FieldSpec = FieldSpec {
    key: "away_since",
    label_zh: "外出时间",
    required: false,
    synonyms: &[
        "外出时间",
        "外出日期",
        "出境时间",
        "出境日期",
        "出国时间",
        "出国日期",
        "离开时间",
        "离开日期",
    ],
};
const FOREIGN_PHONE: FieldSpec = FieldSpec {
    key: "foreign_phone",
    label_zh: "境外联系电话",
    required: false,
    synonyms: &[
        "境外联系电话",
        "境外电话",
        "境外手机",
        "国外电话",
        "国外联系电话",
        "境外联系方式",
    ],
};
const RELATIVE_NAME: FieldSpec = FieldSpec {
    key: "relative_name",
    label_zh: "家属姓名",
    required: false,
    synonyms: &[
        "家属姓名",
        "亲属姓名",
        "紧急联系人",
        "紧急联系人姓名",
        "国内联系人",
    ],
};
const RELATIVE_PHONE: FieldSpec = FieldSpec {
    key: "relative_phone",
    label_zh: "家属电话",
    required: false,
    synonyms: &[
        "家属电话",
        "家属联系电话",
        "亲属电话",
        "亲属联系电话",
        "紧急联系人电话",
        "国内联系人电话",
    ],
};
const VERIFIED: FieldSpec = FieldSpec {
    key: "notes",
    label_zh: "核实情况",
    required: false,
    synonyms: &["核实情况", "备注", "说明", "核实结果"],
};
const PLANNED_RETURN: FieldSpec = FieldSpec {
    key: "planned_return",
    label_zh: "计划返回时间",
    required: false,
    synonyms: &[
        "计划返回时间",
        "预计返回时间",
        "计划回国时间",
        "预计回国时间",
        "计划返回日期",
        "预计返回日期",
    ],
};

const INDEX_NAME: FieldSpec = FieldSpec {
    key: "index_name",
    label_zh: "关联人员",
    required: true,
    synonyms: &[
        "关联人员",
        "关联人员姓名",
        "关联病例",
        "关联病例姓名",
        "病例姓名",
        "确诊病例",
        "指示病例",
        "密接来源",
        "与谁接触",
        "接触对象",
    ],
};
const INDEX_ID_NUMBER: FieldSpec = FieldSpec {
    key: "index_id_number",
    label_zh: "关联人员身份证号",
    required: false,
    synonyms: &[
        "关联人员身份证号",
        "关联人员身份证号码",
        "病例身份证号",
        "病例身份证号码",
        "关联病例身份证号",
    ],
};
const EXPOSURE: FieldSpec = FieldSpec {
    key: "exposure",
    label_zh: "接触方式",
    required: false,
    synonyms: &[
        "接触方式",
        "接触类型",
        "四同类型",
        "接触情况",
        "与病例关系",
        "关系类型",
    ],
};
const LAST_CONTACT: FieldSpec = FieldSpec {
    key: "last_contact_on",
    label_zh: "最后接触日期",
    required: true,
    synonyms: &[
        "最后接触日期",
        "最后接触时间",
        "末次接触日期",
        "末次接触时间",
        "最后一次接触时间",
        "接触日期",
        "接触时间",
    ],
};

const PEOPLE: &[FieldSpec] = &[NAME, ID_NUMBER, PHONE, ADDRESS, RELATION, NOTES];
const ARRIVALS: &[FieldSpec] = &[
    NAME,
    ID_NUMBER,
    PHONE,
    ADDRESS,
    ORIGIN,
    DEPARTED_ON,
    ARRIVED_ON,
    TRANSPORT_NO,
    NOTES,
];

/// 境外名单, and the 电话核实登记表's own export: 现所在地 / 所在国家（地区） / 外出事由 /
/// 外出时间 / 联系电话 / 境外联系电话 / 家属姓名 / 家属电话 / 核实情况 / 计划返回时间.
const CALL_TARGETS: &[FieldSpec] = &[
    NAME,
    ID_NUMBER,
    PHONE,
    ADDRESS,
    COUNTRY,
    CITY,
    REASON,
    AWAY_SINCE,
    FOREIGN_PHONE,
    RELATIVE_NAME,
    RELATIVE_PHONE,
    VERIFIED,
    PLANNED_RETURN,
];

/// 密接名单, and the 密接登记表's own export (关联人员 by name, 接触方式, 最后接触日期).
const CONTACTS: &[FieldSpec] = &[
    NAME,
    ID_NUMBER,
    PHONE,
    ADDRESS,
    INDEX_NAME,
    INDEX_ID_NUMBER,
    EXPOSURE,
    LAST_CONTACT,
    NOTES,
];

/// The fields of a kind, in the order the wizard lists them.
pub fn fields(kind: ImportKind) -> &'static [FieldSpec] {
    match kind {
        ImportKind::People => PEOPLE,
        ImportKind::Arrivals => ARRIVALS,
        ImportKind::CallTargets => CALL_TARGETS,
        ImportKind::Contacts => CONTACTS,
    }
}

pub fn field_list(kind: ImportKind) -> Vec<ImportField> {
    fields(kind)
        .iter()
        .map(|f| ImportField {
            key: f.key.to_owned(),
            label_zh: f.label_zh.to_owned(),
            required: f.required,
        })
        .collect()
}

/// A header as compared with synonyms: normalised, without spaces, `*`, `：` and notes in
/// brackets ("身份证号码（18位）" → "身份证号码").
pub fn header_key(raw: &str) -> String {
    let text = normalize_text(raw);
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ' ' | '*' | ':' | '：' | '\n' => {}
            _ => out.push(c),
        }
    }
    out
}

/// The field a header names: the whole header, else its last part after "/".
fn field_of(kind: ImportKind, header: &str) -> Option<&'static str> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    let find = |k: &str| {
        fields(kind)
            .iter()
            .find(|f| f.synonyms.contains(&k))
            .map(|f| f.key)
    };
    find(&key).or_else(|| key.rsplit_once('/').and_then(|(_, last)| find(last)))
}

fn text_of(cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Text(t)) => normalize_text(t),
        _ => String::new(),
    }
}

/// Where the header is and what each column is called.
#[derive(Debug, Clone)]
pub struct Header {
    /// 0-based indexes of the header rows (one or two).
    pub rows: Vec<usize>,
    pub names: Vec<String>,
}

impl Header {
    /// The first data row (0-based).
    pub fn data_start(&self) -> usize {
        self.rows.last().map_or(0, |r| r + 1)
    }
}

/// How many rows from the top are searched for the header.
const HEADER_SEARCH: usize = 20;

fn flatten(grid: &Grid, r: usize) -> Vec<String> {
    let top = grid.rows.get(r).map(Vec::as_slice).unwrap_or(&[]);
    let below = grid.rows.get(r + 1).map(Vec::as_slice).unwrap_or(&[]);
    let width = top.len().max(below.len());
    let mut names = Vec::with_capacity(width);
    let mut group = String::new();
    for c in 0..width {
        let parent = text_of(top.get(c));
        let child = text_of(below.get(c));
        if !parent.is_empty() {
            group = parent.clone();
        } else if child.is_empty() {
            group.clear();
        }
        // A merged parent covers the columns to its right whose own top cell is empty
        // while a child is written below.
        let parent = if parent.is_empty() && !child.is_empty() {
            group.clone()
        } else {
            parent
        };
        names.push(match (parent.is_empty(), child.is_empty()) {
            (_, true) => parent,
            (true, false) => child,
            (false, false) => format!("{parent}/{child}"),
        });
    }
    names
}

fn single(grid: &Grid, r: usize) -> Vec<String> {
    grid.rows
        .get(r)
        .map(|row| row.iter().map(|c| text_of(Some(c))).collect())
        .unwrap_or_default()
}

/// How many fields a row of names names: by synonyms, or as a header the mapping asks for.
fn score(kind: ImportKind, names: &[String], asked: &[String]) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    let mut extra = 0;
    for n in names {
        if let Some(f) = field_of(kind, n) {
            if !seen.contains(&f) {
                seen.push(f);
            }
        } else if !n.is_empty() && asked.contains(&header_key(n)) {
            extra += 1;
        }
    }
    seen.len() + extra
}

/// Find the header: the row (or pair of rows, flattened) among the first rows that names
/// the most fields; a pair wins only when it names more than each of its rows alone.
pub fn find_header(
    kind: ImportKind,
    grid: &Grid,
    overrides: Option<&BTreeMap<String, String>>,
) -> Result<Header> {
    let asked: Vec<String> = overrides
        .map(|o| {
            o.values()
                .map(|v| header_key(v))
                .filter(|v| !v.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let score = |names: &[String]| score(kind, names, &asked);
    let mut best: Option<(usize, Header)> = None;
    for r in 0..grid.rows.len().min(HEADER_SEARCH) {
        let one = single(grid, r);
        let s1 = score(&one);
        let two = flatten(grid, r);
        let s2 = score(&two);
        // A pair is a header only when it names more than either of its rows alone (a
        // title above a header would otherwise pass for a merged parent row).
        let below = score(&single(grid, r + 1));
        let (s, header) = if s2 > s1 && s2 > below {
            (
                s2,
                Header {
                    rows: vec![r, r + 1],
                    names: two,
                },
            )
        } else {
            (
                s1,
                Header {
                    rows: vec![r],
                    names: one,
                },
            )
        };
        if s > 0 && best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, header));
        }
    }
    best.map(|(_, h)| h).ok_or_else(|| {
        Error::invalid(
            "import.header",
            "no header row naming a known field was found",
            "未找到表头：前 20 行中没有“姓名”“身份证号”等列名",
        )
    })
}

/// Columns mapped to fields: automatically by synonyms, then `overrides` (field → header
/// text or column letter) win. Each field takes one column.
pub fn map_columns(
    kind: ImportKind,
    header: &Header,
    overrides: Option<&BTreeMap<String, String>>,
) -> Result<Vec<ImportColumn>> {
    let mut columns: Vec<ImportColumn> = header
        .names
        .iter()
        .enumerate()
        .map(|(i, h)| ImportColumn {
            letter: column_letter(i),
            header: h.clone(),
            field: None,
        })
        .collect();
    let mut taken: Vec<&'static str> = Vec::new();
    for col in columns.iter_mut() {
        if let Some(f) = field_of(kind, &col.header) {
            if !taken.contains(&f) {
                taken.push(f);
                col.field = Some(f.to_owned());
            }
        }
    }
    if let Some(overrides) = overrides {
        for (field, target) in overrides {
            let Some(spec) = fields(kind).iter().find(|f| f.key == field.as_str()) else {
                return Err(Error::invalid(
                    "import.mapping",
                    format!("unknown field {field:?}"),
                    format!("映射中的字段“{field}”不存在"),
                ));
            };
            for col in columns.iter_mut() {
                if col.field.as_deref() == Some(spec.key) {
                    col.field = None;
                }
            }
            let target = target.trim();
            if target.is_empty() {
                continue; // mapped to nothing: ignore the column
            }
            let wanted = header_key(target);
            let upper = target.to_ascii_uppercase();
            let index = columns
                .iter()
                .position(|c| c.letter == upper)
                .or_else(|| columns.iter().position(|c| header_key(&c.header) == wanted));
            let Some(col) = index.and_then(|i| columns.get_mut(i)) else {
                return Err(Error::invalid(
                    "import.mapping",
                    format!("no column {target:?} for field {field}"),
                    format!("找不到映射到“{}”的列“{target}”", spec.label_zh),
                ));
            };
            col.field = Some(spec.key.to_owned());
        }
    }
    for spec in fields(kind).iter().filter(|f| f.required) {
        if !columns.iter().any(|c| c.field.as_deref() == Some(spec.key)) {
            return Err(Error::invalid(
                "import.mapping",
                format!("no column is mapped to the required field {}", spec.key),
                format!("没有列对应必填项“{}”，请在映射中指定", spec.label_zh),
            ));
        }
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            sheet: "s".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            if c.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text((*c).into())
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }

    #[test]
    fn header_keys() {
        assert_eq!(header_key(" 身份证号码（18位）* "), "身份证号码");
        assert_eq!(header_key("姓　名"), "姓名");
    }

    #[test]
    fn title_rows_skipped_and_merged_header_flattened() {
        let g = grid(&[
            &["XX街道返乡人员核查名单", "", "", ""],
            &["填报单位：幸福社区", "", "", ""],
            &["姓名", "身份证号", "返回情况", ""],
            &["", "", "返回时间", "从何地返回"],
            &["张三", "x", "2020-01-21", "武汉"],
        ]);
        let h = find_header(ImportKind::Arrivals, &g, None).unwrap();
        assert_eq!(h.rows, vec![2, 3]);
        assert_eq!(
            h.names,
            vec![
                "姓名",
                "身份证号",
                "返回情况/返回时间",
                "返回情况/从何地返回"
            ]
        );
        let cols = map_columns(ImportKind::Arrivals, &h, None).unwrap();
        let fields: Vec<_> = cols.iter().map(|c| c.field.as_deref()).collect();
        assert_eq!(
            fields,
            vec![
                Some("name"),
                Some("id_number"),
                Some("arrived_on"),
                Some("origin")
            ]
        );
        assert_eq!(h.data_start(), 4);
    }

    #[test]
    fn single_header_and_override() {
        let g = grid(&[
            &["名字", "手机", "地点", "日期"],
            &["李四", "138", "孝感", "1月2日"],
        ]);
        let h = find_header(ImportKind::Arrivals, &g, None).unwrap();
        assert_eq!(h.rows, vec![0]);
        assert!(map_columns(ImportKind::Arrivals, &h, None).is_err());
        let mut o = BTreeMap::new();
        o.insert("origin".to_owned(), "地点".to_owned());
        o.insert("arrived_on".to_owned(), "D".to_owned());
        let cols = map_columns(ImportKind::Arrivals, &h, Some(&o)).unwrap();
        assert_eq!(cols[2].field.as_deref(), Some("origin"));
        assert_eq!(cols[3].field.as_deref(), Some("arrived_on"));
        assert_eq!(cols[1].field.as_deref(), Some("phone"));
    }
}
