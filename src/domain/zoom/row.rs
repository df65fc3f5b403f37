//! One participant row: its name (and "(Original Name)"), email, times and
//! minutes, and the normal form of a name that matching compares.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::dates::{parse_datetime, SlashOrder};
use super::header::{clean, Columns};
use super::plan::{ceil_minutes, usable_interval};
use super::{ReportRow, RowProblem};

/// The form of a name used for matching: lowercase, trimmed, inner whitespace
/// collapsed, Zoom/role tags such as " (Guest)" or "(Viesis)" removed.
/// Diacritics are kept ("Bērziņa" ≠ "Berzina"); decomposed input (as macOS
/// produces) is composed first so that "a\u{304}" equals "ā".
pub fn normalise_name(s: &str) -> String {
    let lower = s.to_lowercase();
    let composed = compose_marks(&lower);
    let mut out = collapse_whitespace(&composed);
    // Strip tags repeatedly: "Anna (Guest) (Viesis)".
    while let Some(body) = out.strip_suffix(')') {
        let Some(open) = body.rfind('(') else {
            break;
        };
        let inner = &body[open + 1..];
        if !inner.split(',').all(is_role_tag) {
            break;
        }
        out = body[..open].trim_end().to_string();
    }
    out
}

/// `Ok(None)` for rows that are deliberately not attendance.
pub(super) fn parse_row(
    record: &csv::StringRecord,
    cols: &Columns,
    order: SlashOrder,
) -> Result<Option<ReportRow>, RowProblem> {
    let cell = |col: Option<usize>| -> &str {
        let value = col.and_then(|i| record.get(i)).map(clean).unwrap_or("");
        // Webinar reports write "--" for "no value".
        if value.chars().all(|c| c == '-') {
            ""
        } else {
            value
        }
    };
    // A flag that is neither yes nor no (another language, a typo) would
    // count someone who waited or never came: refuse instead.
    let flag = |col: Option<usize>| -> Result<Option<bool>, RowProblem> {
        match cell(col) {
            "" => Ok(None),
            text => yes_no(text).map(Some).ok_or(RowProblem::UnknownFlag),
        }
    };
    if flag(cols.waiting_room)? == Some(true) || flag(cols.attended)? == Some(false) {
        return Ok(None);
    }

    // Webinar attendees registered with first and last name; that is who
    // they are, whatever their device was called in the meeting.
    let registered = collapse_whitespace(&format!(
        "{} {}",
        cell(cols.first_name),
        cell(cols.last_name)
    ));
    let (mut name, original_name) = match cols.name_with_original {
        _ if !registered.is_empty() => (registered, None),
        Some(col) => split_original(cell(Some(col))),
        None => (collapse_whitespace(cell(cols.name)), None),
    };
    if name.is_empty() {
        name = collapse_whitespace(cell(cols.name));
    }
    let email = Some(cell(cols.email))
        .filter(|e| e.contains('@'))
        .map(str::to_string);
    if name.is_empty() {
        name = email.clone().ok_or(RowProblem::MissingName)?;
    }

    let join_text = cell(cols.join);
    let leave_text = cell(cols.leave);
    let join = parse_datetime(join_text, order);
    let leave = parse_datetime(leave_text, order);
    let duration = match cell(cols.duration) {
        "" => None,
        text => Some(parse_minutes(text).ok_or(RowProblem::BadDuration)?),
    };
    let (minutes, join, leave) = match (duration, usable_interval(join, leave)) {
        (Some(minutes), Some(_)) => (minutes, join, leave),
        // Duration wins; times that make no sense are dropped, not trusted.
        (Some(minutes), None) if join.is_some() && leave.is_some() => (minutes, None, None),
        (Some(minutes), None) => (minutes, join, leave),
        (None, Some((j, l))) => (ceil_minutes((l - j).num_seconds()), join, leave),
        (None, None) => {
            return Err(if join.is_some() && leave.is_some() {
                RowProblem::LeaveBeforeJoin
            } else if join.is_none() && !join_text.is_empty() {
                RowProblem::BadJoinTime
            } else if leave.is_none() && !leave_text.is_empty() {
                RowProblem::BadLeaveTime
            } else {
                RowProblem::MissingMinutes
            })
        }
    };
    Ok(Some(ReportRow {
        name,
        original_name,
        email,
        join,
        leave,
        minutes,
        guest: yes_no(cell(cols.guest)),
    }))
}

/// "Anna Bērziņa (Anna B.)" → ("Anna Bērziņa", Some("Anna B.")). The bracket
/// that balances the final ')' is the split; role tags are not original names.
fn split_original(raw: &str) -> (String, Option<String>) {
    let s = collapse_whitespace(raw);
    let Some(body) = s.strip_suffix(')') else {
        return (s, None);
    };
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in body.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                open = Some(i);
                break;
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    let Some(open) = open else {
        return (s, None);
    };
    let outer = body[..open].trim();
    let inner = body[open + 1..].trim();
    if inner.is_empty() && !outer.is_empty() {
        return (outer.to_string(), None);
    }
    if outer.is_empty() || inner.split(',').all(is_role_tag) {
        return (s, None);
    }
    (outer.to_string(), Some(inner.to_string()))
}

/// Tags Zoom or people append to names; never part of who someone is.
fn is_role_tag(tag: &str) -> bool {
    const TAGS: [&str; 11] = [
        "guest",
        "viesis",
        "viese",
        "host",
        "co-host",
        "cohost",
        "me",
        "vadītājs",
        "vadītāja",
        "līdzvadītājs",
        "līdzvadītāja",
    ];
    let tag = tag.trim().to_lowercase();
    TAGS.contains(&tag.as_str())
}

fn yes_no(value: &str) -> Option<bool> {
    match value.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "jā" | "ja" | "да" => Some(true),
        "no" | "n" | "false" | "0" | "nē" | "ne" | "nein" | "нет" => Some(false),
        _ => None,
    }
}

/// Whole minutes, or a decimal (either separator) rounded up like Zoom does.
fn parse_minutes(text: &str) -> Option<u32> {
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // Nine digits always fit in a u32.
    if whole.is_empty() || whole.len() > 9 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let round_up = fraction.bytes().any(|b| b != b'0');
    whole.checked_add(u32::from(round_up))
}

pub(super) fn collapse_whitespace(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Composes letters typed as base letter plus combining mark (the form macOS
/// file names and some keyboards produce) into their precomposed form (NFC), so
/// that "a\u{304}" equals "ā".
fn compose_marks(s: &str) -> Cow<'_, str> {
    let s = latvian_comma_as_cedilla(s);
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    Cow::Owned(s.nfc().collect())
}

/// Latvian ģ, ķ, ļ and ņ are drawn with a comma below, and some keyboards type
/// them with that mark (U+0326), but Unicode composes these letters only from
/// the cedilla (U+0327); NFC alone would leave "k\u{326}" apart from "ķ".
fn latvian_comma_as_cedilla(s: &str) -> Cow<'_, str> {
    const COMMA_BELOW: char = '\u{326}';
    const CEDILLA: char = '\u{327}';
    if !s.contains(COMMA_BELOW) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut previous = None;
    for c in s.chars() {
        let after_latvian_letter = matches!(previous, Some('g' | 'k' | 'l' | 'n'));
        out.push(if c == COMMA_BELOW && after_latvian_letter {
            CEDILLA
        } else {
            c
        });
        previous = Some(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::read;
    use super::super::ReportError;
    use super::*;

    #[test]
    fn bad_rows_name_their_line() {
        let text = "Meeting ID,Topic,Duration (Minutes)\n1,T,60\n\nName,Duration (Minutes)\nAnna,60\nJānis,sešdesmit\n";
        assert_eq!(
            read(text),
            Err(ReportError::BadRow {
                line: 6,
                reason: RowProblem::BadDuration
            })
        );
        let cases = [
            (
                "Name,Join Time,Leave Time\nAnna,yesterday,2026-11-21 10:00\n",
                RowProblem::BadJoinTime,
            ),
            (
                "Name,Join Time,Leave Time\nAnna,2026-11-21 10:00,soon\n",
                RowProblem::BadLeaveTime,
            ),
            (
                "Name,Join Time,Leave Time\nAnna,2026-11-21 10:00,2026-11-21 09:00\n",
                RowProblem::LeaveBeforeJoin,
            ),
            (
                "Name,Join Time,Leave Time\nAnna,,\n",
                RowProblem::MissingMinutes,
            ),
            (
                "Name,Duration (Minutes),Guest\n,5,No\n",
                RowProblem::MissingName,
            ),
            (
                "Name,Duration (Minutes)\nAnna,-5\n",
                RowProblem::BadDuration,
            ),
            (
                "Name,Duration (Minutes)\nAnna,99999999999\n",
                RowProblem::BadDuration,
            ),
            (
                "Name,Duration,Join Time\nAnna,,10:00\n",
                RowProblem::BadJoinTime,
            ),
        ];
        for (text, reason) in cases {
            assert_eq!(
                read(text),
                Err(ReportError::BadRow { line: 2, reason }),
                "{text}"
            );
        }
    }

    #[test]
    fn duration_makes_times_optional() {
        let report = read(
            "Name,Join Time,Leave Time,Duration (Minutes)\n\
             Anna,garbage,,30\n\
             Jānis,2026-11-21 10:00,2026-11-21 09:00,40\n\
             Līga,,,\"12,5\"\n\
             Māris,2026-11-21 10:00,2026-11-21 11:00,\n",
        )
        .expect("reads");
        let r = &report.rows;
        assert_eq!((r[0].join, r[0].leave, r[0].minutes), (None, None, 30));
        // Times contradicting each other are dropped; the duration stands.
        assert_eq!((r[1].join, r[1].leave, r[1].minutes), (None, None, 40));
        assert_eq!(r[2].minutes, 13);
        // Empty duration cell: computed from the times.
        assert_eq!(r[3].minutes, 60);
    }

    #[test]
    fn name_falls_back_to_email() {
        let report = read("Name,Email,Duration (Minutes)\n,Anna@Example.lv,5\n").expect("reads");
        assert_eq!(report.rows[0].name, "Anna@Example.lv");
        assert_eq!(report.rows[0].email.as_deref(), Some("Anna@Example.lv"));
    }

    #[test]
    fn emails_without_at_sign_are_ignored() {
        let report =
            read("Name,Email,Duration (Minutes)\nAnna,--,5\nJānis,n/a,5\n").expect("reads");
        assert!(report.rows.iter().all(|r| r.email.is_none()));
    }

    #[test]
    fn original_names_are_split() {
        assert_eq!(
            split_original("Anna Bērziņa (Anna B.)"),
            ("Anna Bērziņa".into(), Some("Anna B.".into()))
        );
        assert_eq!(
            split_original("Anna (LU) (Anna Bērziņa)"),
            ("Anna (LU)".into(), Some("Anna Bērziņa".into()))
        );
        assert_eq!(
            split_original("Anna (Bērziņa (dz. Ozola))"),
            ("Anna".into(), Some("Bērziņa (dz. Ozola)".into()))
        );
        assert_eq!(
            split_original("  Jānis   Ozoliņš "),
            ("Jānis Ozoliņš".into(), None)
        );
        assert_eq!(
            split_original("Jānis (Guest)"),
            ("Jānis (Guest)".into(), None)
        );
        assert_eq!(split_original("(Anna)"), ("(Anna)".into(), None));
        assert_eq!(split_original("Anna)"), ("Anna)".into(), None));
        assert_eq!(split_original("Anna ( )"), ("Anna".into(), None));
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalise_name("  Anna   Bērziņa  "), "anna bērziņa");
        assert_eq!(normalise_name("ĢIRTS ĻAKSA"), "ģirts ļaksa");
        assert_eq!(normalise_name("Māris Šķēle (Guest)"), "māris šķēle");
        assert_eq!(normalise_name("Inese Ūdre(Viesis)"), "inese ūdre");
        assert_eq!(normalise_name("Inese Ūdre (Host, Me)"), "inese ūdre");
        assert_eq!(normalise_name("Inese Ūdre (Viesis) (Guest)"), "inese ūdre");
        assert_eq!(normalise_name("Līga Kalniņa (LU)"), "līga kalniņa (lu)");
        assert_eq!(normalise_name("Anna\u{a0}Bērziņa\u{200b}"), "anna bērziņa");
        // Decomposed (macOS) input equals the composed form.
        assert_eq!(
            normalise_name("A\u{304}nna Be\u{304}rzin\u{327}a"),
            "ānna bērziņa"
        );
        assert_eq!(normalise_name("S\u{30c}k\u{326}e\u{304}le"), "šķēle");
        // Diacritics are kept.
        assert_ne!(
            normalise_name("Anna Berzina"),
            normalise_name("Anna Bērziņa")
        );
        assert_eq!(normalise_name("(Guest)"), "");
    }

    #[test]
    fn decomposed_letters_compose() {
        // Baltic and neighbouring letters as macOS or a keyboard may send them:
        // base letter, then combining mark.
        let letters = [
            ("a\u{304}", "ā"),
            ("e\u{304}", "ē"),
            ("i\u{304}", "ī"),
            ("o\u{304}", "ō"),
            ("u\u{304}", "ū"),
            ("c\u{30c}", "č"),
            ("s\u{30c}", "š"),
            ("z\u{30c}", "ž"),
            ("g\u{327}", "ģ"),
            ("k\u{327}", "ķ"),
            ("l\u{327}", "ļ"),
            ("n\u{327}", "ņ"),
            ("g\u{326}", "ģ"),
            ("k\u{326}", "ķ"),
            ("l\u{326}", "ļ"),
            ("n\u{326}", "ņ"),
            ("c\u{327}", "ç"),
            ("a\u{328}", "ą"),
            ("e\u{328}", "ę"),
            ("i\u{328}", "į"),
            ("u\u{328}", "ų"),
            ("e\u{307}", "ė"),
            ("a\u{308}", "ä"),
            ("o\u{308}", "ö"),
            ("u\u{308}", "ü"),
            ("o\u{303}", "õ"),
            ("e\u{301}", "é"),
            ("G\u{326}", "ģ"),
            ("N\u{327}", "ņ"),
        ];
        for (decomposed, composed) in letters {
            assert_eq!(normalise_name(decomposed), composed, "{decomposed:?}");
        }
        // Only after g, k, l and n is a comma below read as a cedilla; other
        // letters compose with the mark that was typed.
        assert_eq!(normalise_name("s\u{326}"), "ș");
        assert_eq!(normalise_name("c\u{326}"), "c\u{326}");
        assert_eq!(normalise_name("Jo\u{308}rg Cre\u{300}me"), "jörg crème");
    }

    #[test]
    fn minutes_parse() {
        assert_eq!(parse_minutes("0"), Some(0));
        assert_eq!(parse_minutes("135"), Some(135));
        assert_eq!(parse_minutes("12.0"), Some(12));
        assert_eq!(parse_minutes("12,01"), Some(13));
        assert_eq!(parse_minutes("999999999"), Some(999_999_999));
        for bad in [
            "",
            "-1",
            "+1",
            "1e3",
            "abc",
            ".5",
            "1.2.3",
            "1 000",
            "9999999999",
        ] {
            assert_eq!(parse_minutes(bad), None, "{bad}");
        }
    }
}
