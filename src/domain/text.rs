//! "Text a person can mean": the one check every door uses before text
//! reaches storage, mail or a page.

use unicode_normalization::UnicodeNormalization;

/// Whether a text may span lines (a description) or not (a name, a link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// A character nobody types on purpose: C0/C1 controls (NUL, BEL, ESC, CR,
/// LF, NEL…) except tab, and newlines where several lines are allowed; and
/// U+FFFD, what a wrong encoding leaves behind.
pub fn is_unmeant(c: char, lines: Lines) -> bool {
    match c {
        '\t' => false,
        '\n' | '\r' => lines == Lines::One,
        '\u{FFFD}' => true,
        c => c.is_control(),
    }
}

/// Text with no character nobody types on purpose.
pub fn is_meant(s: &str, lines: Lines) -> bool {
    !s.chars().any(|c| is_unmeant(c, lines))
}

/// Characters that change how a name looks without being seen: zero-width
/// ones, the byte order mark, direction overrides and isolates, and the
/// Unicode line and paragraph separators.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
    )
}

/// A name (of a person, an institution, a place) is one line of visible text.
/// A phone number as people type it: digits, spaces, `+`, `-` and brackets
/// (empty is fine: the number is optional wherever it is asked).
pub fn is_phone(s: &str) -> bool {
    s.trim()
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

pub fn is_readable_name(s: &str) -> bool {
    is_meant(s, Lines::One) && !s.chars().any(is_invisible)
}

/// One spelling of every letter ("ē" typed as e + combining macron is "ē").
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// A typed field as every form checks it: trimmed, `required_key` is the
/// message when it is empty (`None`: optional), at most `max` characters,
/// no character nobody types on purpose; returned in one spelling (NFC).
pub fn checked_field(
    field: &str,
    value: &str,
    max: usize,
    lines: Lines,
    required_key: Option<&str>,
    errors: &mut super::FieldErrors,
) -> String {
    let value = value.trim();
    match required_key {
        Some(key) if value.is_empty() => errors.add(field, key),
        _ if value.chars().count() > max => errors.add(field, "field-too-long"),
        _ if !is_meant(value, lines) || value.chars().any(is_invisible) => {
            errors.add(field, "field-unreadable")
        }
        _ => {}
    }
    nfc(value)
}

/// Latvian alphabetical order (CLDR's Latvian collation through ICU4X): the
/// 33 letters of the alphabet, Ā after A as Č after C, so "Ābele" after
/// "Avotiņa", "Čakste" after "Celmiņa", "Ģērmane" after "Gailis" and before "Ozoliņš", "Šmits"
/// after "Sproģe", "Žagata" after "Zariņa"; case decides only ties.
/// Organisers read rosters as they read a phone book, not by code point
/// (which put every Č/Ē/Ķ/Š/Ž name after "Z").
pub fn latvian_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use icu_collator::{options::CollatorOptions, Collator, CollatorBorrowed};
    use std::sync::OnceLock;
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR
        .get_or_init(|| {
            Collator::try_new(
                icu_collator::CollatorPreferences::from(&icu_locale_core::locale!("lv")),
                CollatorOptions::default(),
            )
            .expect("the Latvian collation is compiled in")
        })
        .compare(a, b)
}

/// Sorts people by surname, then given name, in Latvian order; `key` gives
/// (last name, first name). Stable, so equal names keep their given order.
pub fn sort_by_name<T>(items: &mut [T], key: impl Fn(&T) -> (&str, &str)) {
    items.sort_by(|a, b| {
        let (al, af) = key(a);
        let (bl, bf) = key(b);
        latvian_cmp(al, bl).then_with(|| latvian_cmp(af, bf))
    });
}

/// Text as the organisers' search compares it: lower case, with accents
/// taken off Latin letters ("Bērziņa" → "berzina", "Kuldīgas" → "kuldigas"),
/// so "ozolins" finds "Ozoliņš" typed on any keyboard. Only letters of
/// Latin-1 and Latin Extended-A/B that are a base letter plus marks are
/// folded — exactly `fold_table()`, which PostgreSQL's `cohort_fold()`
/// carries — so both databases agree; ø, ł, ß and Cyrillic (й stays й)
/// stay as they are.
pub fn fold(s: &str) -> String {
    nfc(s).to_lowercase().chars().map(fold_letter).collect()
}

fn fold_letter(c: char) -> char {
    if !('\u{C0}'..='\u{24F}').contains(&c) || !c.is_alphabetic() {
        return c;
    }
    let mut parts = std::iter::once(c).nfd();
    match parts.next() {
        Some(base)
            if base.is_ascii_alphabetic()
                && parts.all(unicode_normalization::char::is_combining_mark) =>
        {
            base.to_ascii_lowercase()
        }
        _ => c,
    }
}

/// The letters PostgreSQL's `cohort_fold()` maps with `translate()`, both
/// cases, with what `fold` makes of each. SQLite calls `fold` itself; the
/// PostgreSQL migration carries this table, and a test checks they agree.
pub fn fold_table() -> (String, String) {
    let (mut from, mut to) = (String::new(), String::new());
    for c in '\u{C0}'..='\u{24F}' {
        let f = fold_letter(c);
        if f != c {
            from.push(c);
            to.push(f);
        }
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latvian_order_puts_accented_letters_after_their_base_letter() {
        let mut names = vec![
            "Žagata",
            "Ozoliņš",
            "Šmits",
            "Ģērmane",
            "Zariņa",
            "Čakste",
            "Celmiņa",
            "Gailis",
            "Ēvalds",
            "Ķēniņš",
            "Kalniņa",
            "Sproģe",
            "Bērziņa",
            "Eglīte",
            "Ābele",
            "Lūse",
            "Ļaviņa",
            "Avotiņa",
        ];
        names.sort_by(|a, b| latvian_cmp(a, b));
        assert_eq!(
            names,
            [
                "Avotiņa",
                "Ābele",
                "Bērziņa",
                "Celmiņa",
                "Čakste",
                "Eglīte",
                "Ēvalds",
                "Gailis",
                "Ģērmane",
                "Kalniņa",
                "Ķēniņš",
                "Lūse",
                "Ļaviņa",
                "Ozoliņš",
                "Sproģe",
                "Šmits",
                "Zariņa",
                "Žagata",
            ]
        );
    }

    #[test]
    fn sort_by_name_uses_the_first_name_for_equal_surnames() {
        let mut people = vec![("Ozola", "Zane"), ("Ozola", "Čaba"), ("Ozola", "Anna")];
        sort_by_name(&mut people, |p| (p.0, p.1));
        assert_eq!(
            people,
            [("Ozola", "Anna"), ("Ozola", "Čaba"), ("Ozola", "Zane")]
        );
    }

    #[test]
    fn fold_takes_marks_off_latvian_and_neighbouring_letters() {
        assert_eq!(fold("Bērziņa"), "berzina");
        assert_eq!(fold("KULDĪGAS"), "kuldigas");
        assert_eq!(fold("Ozoliņš"), "ozolins");
        assert_eq!(
            fold("Ģērmane Ķēniņa Ļaviņa Ŗ Žagata Čakste"),
            "germane kenina lavina r zagata cakste"
        );
        assert_eq!(
            fold("Šiaulių Žemaitė Põltsamaa Łódź"),
            "siauliu zemaite poltsamaa łodz"
        );
        assert_eq!(fold("Анна Андрей"), "анна андрей");
        assert_eq!(fold("Be\u{304}rzin\u{327}a"), "berzina");
        let (from, to) = fold_table();
        for c in "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽõäöüąęėįų".chars() {
            assert!(from.contains(c), "{c}");
        }
        assert_eq!(from.chars().count(), to.chars().count());
    }

    #[test]
    fn postgres_fold_function_carries_the_same_table() {
        let sql = include_str!("../../migrations/postgres/2026-12-05-000031_search_fold/up.sql");
        let (from, to) = fold_table();
        assert!(
            sql.contains(&format!("'{from}'")),
            "regenerate the table from fold_table()"
        );
        assert!(
            sql.contains(&format!("'{to}'")),
            "regenerate the table from fold_table()"
        );
    }

    #[test]
    fn controls_are_refused_but_tabs_and_wanted_newlines_pass() {
        for bad in [
            "a\0b",
            "a\u{7}",
            "a\u{1b}[31m",
            "a\u{85}",
            "a\u{9f}",
            "B\u{FFFD}rzi",
        ] {
            assert!(!is_meant(bad, Lines::Many), "{bad:?}");
        }
        assert!(is_meant("Rīga\tLV", Lines::One));
        assert!(is_meant("one\r\ntwo", Lines::Many));
        assert!(!is_meant("one\r\ntwo", Lines::One));
    }

    #[test]
    fn names_refuse_invisible_and_direction_changing_characters() {
        for bad in [
            "Anna\u{202E}",
            "An\u{200B}na",
            "An\u{200D}na",
            "An\u{2060}na",
            "\u{FEFF}Anna",
            "Anna\u{2028}",
            "Anna\u{2029}",
            "a\u{2066}b\u{2069}",
        ] {
            assert!(!is_readable_name(bad), "{bad:?}");
        }
        assert!(is_readable_name("Anna Bērziņa-Ozola"));
        assert!(is_readable_name("Анна Берзиня"));
        assert_eq!(nfc("Be\u{304}rzin\u{327}a"), "Bērziņa");
    }
}
