//! Finding the participant table: which delimiter the file uses, which line
//! is the participant header and what each of its columns holds, and the
//! meeting topic from the summary block above it.

use super::row::collapse_whitespace;

/// How many lines are searched for the participant header when sniffing.
const SNIFF_LINES: usize = 1_000;
/// Zoom headers have about a dozen short columns; Excel may add empty ones.
const MAX_HEADER_CELLS: usize = 256;
const MAX_HEADER_CELL_LEN: usize = 64;

#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    pub(super) name_with_original: Option<usize>,
    pub(super) name: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) join: Option<usize>,
    pub(super) leave: Option<usize>,
    pub(super) duration: Option<usize>,
    pub(super) guest: Option<usize>,
    pub(super) waiting_room: Option<usize>,
    pub(super) attended: Option<usize>,
}

impl Columns {
    /// `Some` when the cells form a participant header: a name column and a
    /// duration or join+leave columns. The first column of each kind wins.
    pub(super) fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Columns> {
        let mut c = Columns::default();
        // Real headers are short; the caps keep a hostile one-line file cheap.
        for (i, cell) in cells.enumerate().take(MAX_HEADER_CELLS) {
            if cell.len() > MAX_HEADER_CELL_LEN {
                continue;
            }
            let slot = match normalise_header(cell).as_str() {
                "name (original name)"
                | "user name (original name)"
                | "participant (original name)"
                | "participant name (original name)" => &mut c.name_with_original,
                "name" | "participant" | "participant name" | "user name" | "display name" => {
                    &mut c.name
                }
                "user email" | "email" | "e-mail" | "email address" | "participant email" => {
                    &mut c.email
                }
                "join time" | "first join time" => &mut c.join,
                "leave time" | "last leave time" => &mut c.leave,
                "duration (minutes)"
                | "total duration (minutes)"
                | "time in session (minutes)"
                | "duration (min)"
                | "duration" => &mut c.duration,
                "guest" | "is guest" => &mut c.guest,
                "in waiting room" => &mut c.waiting_room,
                "attended" => &mut c.attended,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        let has_name = c.name.is_some() || c.name_with_original.is_some();
        let has_minutes = c.duration.is_some() || (c.join.is_some() && c.leave.is_some());
        (has_name && has_minutes).then_some(c)
    }
}

fn normalise_header(cell: &str) -> String {
    collapse_whitespace(&clean(cell).trim_matches('"').to_lowercase())
}

/// The delimiter under which some early line is a participant header.
pub(super) fn sniff_delimiter(text: &str) -> Option<u8> {
    // Split on either terminator: old Mac exports use a bare '\r'.
    for line in text.split(['\r', '\n']).take(SNIFF_LINES) {
        for delimiter in [b',', b';', b'\t'] {
            if Columns::detect(line.split(char::from(delimiter))).is_some() {
                return Some(delimiter);
            }
        }
    }
    None
}

pub(super) fn find_topic(preamble: &[csv::StringRecord]) -> Option<String> {
    for (idx, record) in preamble.iter().enumerate() {
        let Some(col) = record.iter().position(|c| normalise_header(c) == "topic") else {
            continue;
        };
        // "Topic,Value" on one line (key–value layout) …
        if non_empty_cells(record) == 2 {
            if let Some(value) = record.get(col + 1).map(clean).filter(|v| !v.is_empty()) {
                return Some(value.to_string());
            }
        }
        // … or a header line with the values on the next non-blank line.
        let value = preamble[idx + 1..]
            .iter()
            .find(|r| !is_blank(r))
            .and_then(|r| r.get(col))
            .map(clean)
            .filter(|v| !v.is_empty());
        if let Some(value) = value {
            return Some(value.to_string());
        }
    }
    None
}

pub(super) fn next_is_header(rest: &[csv::StringRecord]) -> bool {
    rest.iter()
        .find(|r| !is_blank(r))
        .is_some_and(|r| Columns::detect(r.iter()).is_some())
}

pub(super) fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| clean(c).is_empty())
}

pub(super) fn non_empty_cells(record: &csv::StringRecord) -> usize {
    record.iter().filter(|c| !clean(c).is_empty()).count()
}

pub(super) fn clean(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{dt, read};
    use super::*;

    #[test]
    fn header_variants_are_recognised() {
        let headers = [
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
            "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room",
            "\"NAME (ORIGINAL NAME)\",\"USER EMAIL\",\"TOTAL DURATION (MINUTES)\"",
            "  Participant , Email ,  Duration   (Minutes)  ",
            "Name,Join Time,Leave Time",
            "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest",
        ];
        for header in headers {
            let cells: Vec<&str> = header.split(',').collect();
            assert!(Columns::detect(cells.into_iter()).is_some(), "{header}");
        }
        let not_headers = [
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
            "Timestamp,Email address,Full name",
            "Name,Email,Join Time",
            "Name,Email,Guest",
        ];
        for header in not_headers {
            assert!(Columns::detect(header.split(',')).is_none(), "{header}");
        }
    }

    #[test]
    fn delimiter_is_sniffed_from_the_header() {
        let tab = "Name (Original Name)\tUser Email\tDuration (Minutes)\n\
                   \"Bērziņa, Anna\"\tanna@example.lv\t30\n\
                   Ozoliņš, Jānis\t\t20\n";
        let report = read(tab).expect("tab reads");
        assert_eq!(report.rows[0].name, "Bērziņa, Anna");
        assert_eq!(report.rows[1].name, "Ozoliņš, Jānis");

        let comma = "Name,Duration (Minutes)\n\"Bērziņa, Anna\",30\n";
        assert_eq!(read(comma).expect("reads").rows[0].name, "Bērziņa, Anna");

        let mac = "Name;Duration (Minutes)\rAnna;30\rJānis;20\r";
        assert_eq!(read(mac).expect("reads").rows.len(), 2);

        // European Excel sometimes writes a "sep=" hint line first.
        let hinted = "sep=;\r\nName;Duration (Minutes)\r\nAnna;30\r\n";
        assert_eq!(read(hinted).expect("reads").rows[0].minutes, 30);
    }

    #[test]
    fn webinar_sections_and_attendance_flags() {
        let text = "Attendee Report,\n\
            Report Generated:,\"11/21/2026 02:00 PM\"\n\
            Topic,Webinar ID,Actual Start Time,Actual Duration (minutes)\n\
            \"Pilnveides vebinārs\",812 3456 7890,11/21/2026 09:58 AM,185\n\
            Host Details,\n\
            Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest\n\
            Yes,Kristīne Organizatore,kristine@cohort.lv,11/21/2026 09:58 AM,11/21/2026 01:03 PM,185,No\n\
            \n\
            Attendee Details,\n\
            Attended,User Name (Original Name),First Name,Last Name,Email,Registration Time,Join Time,Leave Time,Time in Session (minutes),Is Guest\n\
            Yes,Anna Bērziņa,Anna,Bērziņa,anna@example.lv,11/01/2026 08:00 PM,11/21/2026 10:00 AM,11/21/2026 12:00 PM,120,Yes\n\
            No,Jānis Ozoliņš,Jānis,Ozoliņš,janis@example.lv,11/02/2026 09:00 AM,--,--,--,--\n";
        let report = read(text).expect("webinar reads");
        assert_eq!(report.topic.as_deref(), Some("Pilnveides vebinārs"));
        assert_eq!(report.ignored_rows, 1);
        let names: Vec<_> = report.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Kristīne Organizatore", "Anna Bērziņa"]);
        assert_eq!(report.rows[1].join, Some(dt("2026-11-21 10:00:00")));
        assert_eq!(report.rows[1].minutes, 120);
    }

    #[test]
    fn topic_in_key_value_layout() {
        let text = "Topic,Pilnveide 4\nMeeting ID,81234567890\n\nName,Duration (Minutes)\nAnna,5\n";
        assert_eq!(
            read(text).expect("reads").topic.as_deref(),
            Some("Pilnveide 4")
        );
    }
}
