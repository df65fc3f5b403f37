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

#[cfg(test)]
mod tests {
    use super::*;

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
