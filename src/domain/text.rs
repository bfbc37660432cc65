//! Text normalisation shared by every validator.
//!
//! Text reaches the core from Chinese input methods, Excel cells and WeChat messages, so the
//! same ID number can arrive as "１１０１０５…", with an ideographic space (U+3000), a
//! non-breaking space or a zero-width character pasted along. Every validator first runs
//! its input through [`normalize_text`] so that the rules themselves only ever see plain
//! half-width ASCII punctuation and digits, single spaces and no padding.

/// Normalises text from the boundary: trims it, maps full-width ASCII (U+FF01–U+FF5E) to
/// half-width, maps the ideographic space (U+3000) and every other whitespace character to
/// a plain space, collapses runs of whitespace into one space, and drops zero-width
/// characters (U+200B–U+200D, U+2060, U+FEFF byte-order mark) that copy-and-paste leaves
/// behind.
///
/// Chinese characters and other text are kept as they are.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_zero_width(c) {
            continue;
        }
        let c = to_half_width(c);
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Maps one full-width ASCII character (U+FF01–U+FF5E) to its half-width form and the
/// ideographic space (U+3000) to a space; any other character is returned unchanged.
pub fn to_half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_collapses_whitespace() {
        assert_eq!(normalize_text("  a \t b\n\nc  "), "a b c");
        assert_eq!(normalize_text(""), "");
        assert_eq!(normalize_text("   "), "");
        assert_eq!(normalize_text("\u{3000}\u{3000}"), "");
    }

    #[test]
    fn converts_full_width_ascii() {
        assert_eq!(normalize_text("１１０１０５"), "110105");
        assert_eq!(normalize_text("ＡＢｃ！～"), "ABc!~");
        assert_eq!(normalize_text("３６．５"), "36.5");
        assert_eq!(normalize_text("２０２０／１／２１"), "2020/1/21");
    }

    #[test]
    fn converts_ideographic_and_other_spaces() {
        assert_eq!(
            normalize_text("\u{3000}张三\u{3000}\u{3000}李四\u{3000}"),
            "张三 李四"
        );
        assert_eq!(normalize_text("a\u{00A0}b"), "a b");
    }

    #[test]
    fn drops_zero_width_characters() {
        assert_eq!(normalize_text("\u{FEFF}110\u{200B}105"), "110105");
        assert_eq!(normalize_text("a \u{200B} b"), "a b");
    }

    #[test]
    fn keeps_chinese_text() {
        assert_eq!(normalize_text("幸福社区 3栋"), "幸福社区 3栋");
        assert_eq!(normalize_text("36.5℃"), "36.5℃");
    }

    #[test]
    fn half_width_mapping_bounds() {
        assert_eq!(to_half_width('\u{FF01}'), '!');
        assert_eq!(to_half_width('\u{FF5E}'), '~');
        assert_eq!(to_half_width('\u{FF5F}'), '\u{FF5F}');
        assert_eq!(to_half_width('\u{FF00}'), '\u{FF00}');
        assert_eq!(to_half_width('。'), '。');
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(s in any::<String>()) {
            let once = normalize_text(&s);
            prop_assert_eq!(normalize_text(&once), once.clone());
        }

        #[test]
        fn normalized_has_no_padding_or_double_spaces(s in any::<String>()) {
            let n = normalize_text(&s);
            prop_assert_eq!(n.trim(), n.as_str());
            prop_assert!(!n.contains("  "));
            prop_assert!(!n.chars().any(|c| c.is_whitespace() && c != ' '));
            let full_width = n.chars().any(|c| to_half_width(c) != c);
            prop_assert!(!full_width, "full-width character left in {:?}", n);
        }
    }
}
