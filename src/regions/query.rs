//! What a typed search query is, once normalised, and how well a name matches it.

use crate::domain::text::normalize_text;

/// A search query as typed into a picker.
#[derive(Debug)]
pub(crate) struct Query {
    /// Normalised (full-width → half-width, whitespace collapsed) and lowercased.
    pub text: String,
    /// The query as pinyin when it is made only of Latin letters, spaces and apostrophes
    /// ("wu han", "xi'an"): lowercase letters only.
    pub pinyin: Option<String>,
    /// The query when it is made only of digits (a code or its beginning).
    pub digits: Option<String>,
}

impl Query {
    pub fn new(raw: &str) -> Option<Query> {
        let text = normalize_text(raw).to_lowercase();
        if text.is_empty() {
            return None;
        }
        let pinyin = text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '\'')
            .then(|| text.chars().filter(char::is_ascii_lowercase).collect())
            .filter(|p: &String| !p.is_empty());
        let digits = text
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| text.clone());
        Some(Query {
            text,
            pinyin,
            digits,
        })
    }
}

/// How well something matches, best first. Ordering is what search ranks by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// The whole name, code, full pinyin or initials.
    Exact,
    /// The name or the full pinyin begins with the query.
    Prefix,
    /// The initials begin with the query, or a later word of an English name does.
    Partial,
    /// The query is somewhere inside the name.
    Inside,
}

/// Matches a Chinese name by the query text.
pub(crate) fn name_tier(name: &str, query: &str) -> Option<Tier> {
    if name == query {
        Some(Tier::Exact)
    } else if name.starts_with(query) {
        Some(Tier::Prefix)
    } else if name.contains(query) {
        Some(Tier::Inside)
    } else {
        None
    }
}

/// Matches precomputed pinyin (full, and initials) by a pinyin query.
pub(crate) fn pinyin_tier(full: &str, initials: &str, query: &str) -> Option<Tier> {
    if full == query || initials == query {
        Some(Tier::Exact)
    } else if full.starts_with(query) {
        Some(Tier::Prefix)
    } else if initials.starts_with(query) {
        Some(Tier::Partial)
    } else {
        None
    }
}

/// Matches lowercase English names by the query text: whole name, its beginning, or the
/// beginning of a later word ("korea" finds "south korea").
pub(crate) fn english_tier(names: &[String], query: &str) -> Option<Tier> {
    names
        .iter()
        .filter_map(|name| {
            if name == query {
                Some(Tier::Exact)
            } else if name.starts_with(query) {
                Some(Tier::Prefix)
            } else if name
                .match_indices(query)
                .any(|(i, _)| name[..i].ends_with([' ', '-', '(', ',']))
            {
                Some(Tier::Partial)
            } else {
                None
            }
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_normalised() {
        let q = Query::new("  ＷＵ Han ").expect("not empty");
        assert_eq!(q.text, "wu han");
        assert_eq!(q.pinyin.as_deref(), Some("wuhan"));
        assert_eq!(q.digits, None);

        let q = Query::new("xi'an").expect("not empty");
        assert_eq!(q.pinyin.as_deref(), Some("xian"));

        let q = Query::new("4201").expect("not empty");
        assert_eq!(q.digits.as_deref(), Some("4201"));
        assert_eq!(q.pinyin, None);

        let q = Query::new("武汉").expect("not empty");
        assert_eq!((q.pinyin, q.digits), (None, None));

        assert!(Query::new(" \u{3000} ").is_none());
        assert_eq!(Query::new("'").and_then(|q| q.pinyin), None);
    }

    #[test]
    fn tiers() {
        assert_eq!(name_tier("武汉市", "武汉市"), Some(Tier::Exact));
        assert_eq!(name_tier("武汉市", "武汉"), Some(Tier::Prefix));
        assert_eq!(name_tier("武汉市", "汉"), Some(Tier::Inside));
        assert_eq!(name_tier("武汉市", "汉口"), None);

        assert_eq!(pinyin_tier("wuhanshi", "whs", "whs"), Some(Tier::Exact));
        assert_eq!(pinyin_tier("wuhanshi", "whs", "wuhan"), Some(Tier::Prefix));
        assert_eq!(pinyin_tier("wuhanshi", "whs", "wh"), Some(Tier::Partial));
        assert_eq!(pinyin_tier("wuhanshi", "whs", "han"), None);

        let names = vec!["south korea".to_owned(), "korea, republic of".to_owned()];
        assert_eq!(english_tier(&names, "korea"), Some(Tier::Prefix));
        let names = vec!["south korea".to_owned()];
        assert_eq!(english_tier(&names, "korea"), Some(Tier::Partial));
        assert_eq!(english_tier(&names, "orea"), None);
    }
}
