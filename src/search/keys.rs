//! The keys a name or an address is found by: pinyin initials and full pinyin (every
//! reading of a polyphonic character, because the ledger cannot know which one a family
//! uses — 单 is shàn as a surname but dān in most dictionaries), and suffixes (a substring
//! is the prefix of some suffix, which an index answers with a range scan).
//!
//! These are pure functions; `super::register_functions` exposes them to SQL so that the
//! index triggers compute exactly what the query side computes.

use pinyin::{Pinyin, ToPinyinMulti};

/// At most this many initials (or full-pinyin) variants per name. A name of four
/// polyphonic characters would otherwise give dozens; the first readings come first, so
/// the cap drops only the least likely combinations.
pub const MAX_VARIANTS: usize = 16;

/// The readings of one character, plain (no tones), lower case, ü written as `v` (as
/// typed on every Chinese keyboard). ASCII letters and digits stand for themselves;
/// anything else (the middle dot of 阿依古丽·买买提, punctuation) has none.
fn readings(c: char) -> Vec<String> {
    if c.is_ascii_alphanumeric() {
        return vec![c.to_ascii_lowercase().to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for reading in multi {
            let plain = Pinyin::plain(reading).replace('ü', "v");
            if !out.contains(&plain) {
                out.push(plain);
            }
        }
    }
    out
}

/// Every combination of one option per position, in order, capped at [`MAX_VARIANTS`].
fn combine(options: &[Vec<String>]) -> Vec<String> {
    let mut acc: Vec<String> = vec![String::new()];
    for opts in options.iter().filter(|o| !o.is_empty()) {
        let mut next = Vec::new();
        'outer: for prefix in &acc {
            for opt in opts {
                let candidate = format!("{prefix}{opt}");
                if !next.contains(&candidate) {
                    next.push(candidate);
                }
                if next.len() >= MAX_VARIANTS {
                    break 'outer;
                }
            }
        }
        acc = next;
    }
    acc.retain(|s| !s.is_empty());
    acc
}

/// Pinyin initials of every reading: 张三 → `zs`; 单志 → `dz`, `sz`, `cz`.
pub fn initials(name: &str) -> Vec<String> {
    let options: Vec<Vec<String>> = name
        .chars()
        .map(|c| {
            let mut firsts: Vec<String> = Vec::new();
            for r in readings(c) {
                let first: String = r.chars().take(1).collect();
                if !firsts.contains(&first) {
                    firsts.push(first);
                }
            }
            firsts
        })
        .collect();
    combine(&options)
}

/// Full pinyin of every reading, syllables run together: 张三 → `zhangsan`.
pub fn full(name: &str) -> Vec<String> {
    let options: Vec<Vec<String>> = name.chars().map(readings).collect();
    combine(&options)
}

/// Every suffix of `text`, longest first: 张三丰 → 张三丰, 三丰, 丰.
pub fn suffixes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .char_indices()
        .map(|(i, _)| text[i..].to_owned())
        .filter(|s| !s.trim().is_empty())
        .collect();
    out.dedup();
    out
}

/// ' ' + every initials and full-pinyin key + ' ': the text the ordered scan of a common
/// pinyin prefix tests with `instr(pinyin, ' ' || prefix)`.
pub fn pinyin_text(name: &str) -> String {
    let mut out = String::from(" ");
    for key in initials(name).into_iter().chain(full(name)) {
        out.push_str(&key);
        out.push(' ');
    }
    out
}

/// The characters of `text` in reverse order: an ID number's or phone's suffix is a
/// prefix of its reversal.
pub fn reverse(text: &str) -> String {
    text.chars().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polyphonic_surnames_have_every_reading() {
        let dz = initials("单志");
        assert!(
            dz.contains(&"dz".to_owned()) && dz.contains(&"sz".to_owned()),
            "{dz:?}"
        );
        for (name, a, b) in [
            ("曾", "z", "c"),
            ("解", "x", "j"),
            ("查", "z", "c"),
            ("仇", "q", "c"),
            ("朴", "p", "p"),
        ] {
            let keys = initials(name);
            assert!(
                keys.contains(&a.to_owned()) && keys.contains(&b.to_owned()),
                "{name}: {keys:?}"
            );
        }
        let pu = full("朴");
        assert!(
            pu.contains(&"piao".to_owned()) && pu.contains(&"pu".to_owned()),
            "{pu:?}"
        );
    }

    #[test]
    fn plain_names_and_the_variant_cap() {
        assert_eq!(initials("张三"), vec!["zs"]);
        assert_eq!(full("张三"), vec!["zhangsan"]);
        assert!(full("吕").contains(&"lv".to_owned()));
        assert!(initials("行行行行行行").len() <= MAX_VARIANTS);
        assert_eq!(suffixes("张三丰"), vec!["张三丰", "三丰", "丰"]);
        assert_eq!(reverse("1234X"), "X4321");
    }
}
