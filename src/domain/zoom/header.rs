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
    /// Webinar attendee sections: the name is first + last.
    pub(super) first_name: Option<usize>,
    pub(super) last_name: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) join: Option<usize>,
    pub(super) leave: Option<usize>,
    pub(super) duration: Option<usize>,
    pub(super) guest: Option<usize>,
    pub(super) waiting_room: Option<usize>,
    pub(super) attended: Option<usize>,
    /// The meeting's topic in the "export with meeting data" flat form.
    pub(super) topic: Option<usize>,
    /// Two columns of the participant's part could hold the same value: the
    /// file is refused rather than one of them guessed.
    pub(super) ambiguous: Option<Field>,
}

/// What a header cell holds. `Meeting` columns (and `Topic`) describe the
/// meeting, not the participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    NameWithOriginal,
    Name,
    FirstName,
    LastName,
    Email,
    Join,
    Leave,
    Duration,
    Guest,
    WaitingRoom,
    Attended,
    Topic,
    Meeting,
}

/// Header cells as Zoom writes them (lowercased, whitespace collapsed), in
/// English and as a portal set to German or Russian writes them. Zoom has
/// renamed columns over the years ("User Email" → "Email") and webinar
/// reports use their own words ("Time in Session (minutes)").
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::NameWithOriginal,
        &[
            "name (original name)",
            "user name (original name)",
            "participant (original name)",
            "participant name (original name)",
            // de
            "name (ursprünglicher name)",
            "name (originalname)",
            "benutzername (ursprünglicher name)",
            "benutzername (originalname)",
            // ru
            "имя (настоящее имя)",
            "имя (исходное имя)",
            "имя (оригинальное имя)",
            "имя пользователя (настоящее имя)",
            "имя пользователя (исходное имя)",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "participant",
            "participant name",
            "user name",
            "display name",
            // de
            "benutzername",
            "anzeigename",
            // ru
            "имя",
            "имя пользователя",
            "участник",
        ],
    ),
    (Field::FirstName, &["first name", "vorname"]),
    (Field::LastName, &["last name", "nachname", "фамилия"]),
    (
        Field::Email,
        &[
            "user email",
            "email",
            "e-mail",
            "email address",
            "participant email",
            // de
            "e-mail-adresse",
            "e-mail des benutzers",
            "benutzer-e-mail",
            // ru
            "адрес электронной почты",
            "электронная почта",
            "эл. почта",
            "эл. почта пользователя",
            "электронная почта пользователя",
        ],
    ),
    (
        Field::Join,
        &[
            "join time",
            "first join time",
            // de
            "beitrittszeit",
            "zeitpunkt des beitritts",
            "uhrzeit des beitritts",
            // ru
            "время входа",
            "время подключения",
        ],
    ),
    (
        Field::Leave,
        &[
            "leave time",
            "last leave time",
            // de
            "zeit des verlassens",
            "zeitpunkt des verlassens",
            "uhrzeit des verlassens",
            "austrittszeit",
            // ru
            "время выхода",
            "время отключения",
        ],
    ),
    (
        Field::Duration,
        &[
            "duration (minutes)",
            "total duration (minutes)",
            "time in session (minutes)",
            "duration (min)",
            "duration",
            // de
            "dauer (minuten)",
            "gesamtdauer (minuten)",
            "dauer",
            // ru
            "продолжительность (минуты)",
            "общая продолжительность (минуты)",
            "длительность (минуты)",
            "продолжительность",
        ],
    ),
    (Field::Guest, &["guest", "is guest", "gast", "гость"]),
    (
        Field::WaitingRoom,
        &[
            "in waiting room",
            "im warteraum",
            "в зале ожидания",
            "в комнате ожидания",
        ],
    ),
    (
        Field::Attended,
        &["attended", "teilgenommen", "присутствовал"],
    ),
    (Field::Topic, &["topic", "thema", "тема"]),
    (
        Field::Meeting,
        &[
            "meeting id",
            "webinar id",
            "start time",
            "end time",
            "participants",
            "creation time",
            "has zoom rooms",
            "department",
            // de
            "meeting-id",
            "webinar-id",
            "startzeit",
            "endzeit",
            // ru
            "идентификатор конференции",
            "идентификатор вебинара",
            "время начала",
            "время окончания",
            "участники",
        ],
    ),
];

fn field_of(cell: &str) -> Option<Field> {
    let cell = normalise_header(cell);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&cell.as_str()))
        .map(|(field, _)| *field)
}

impl Columns {
    /// `Some` when the cells form a participant header: a name column and a
    /// duration or join+leave columns.
    ///
    /// In the "export with meeting data" flat form the meeting's columns
    /// (Meeting ID, Topic, host's User Email, meeting Duration …) come first
    /// and repeat on every row; the participant's own columns are the ones
    /// after the last meeting column. A kind found twice among the
    /// participant's columns is ambiguous (`ambiguous`), never guessed.
    pub(super) fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Columns> {
        // Real headers are short; the caps keep a hostile one-line file cheap.
        let fields: Vec<(usize, Field)> = cells
            .enumerate()
            .take(MAX_HEADER_CELLS)
            .filter(|(_, cell)| cell.len() <= MAX_HEADER_CELL_LEN)
            .filter_map(|(i, cell)| field_of(cell).map(|f| (i, f)))
            .collect();
        let is_meeting = |f: Field| matches!(f, Field::Meeting | Field::Topic);
        let participant_from = fields
            .iter()
            .filter(|(_, f)| is_meeting(*f))
            .map(|(i, _)| i + 1)
            .max()
            .unwrap_or(0);
        let mut c = Columns {
            topic: fields
                .iter()
                .find(|(_, f)| *f == Field::Topic)
                .map(|(i, _)| *i),
            ..Columns::default()
        };
        for &(i, field) in fields.iter().filter(|(i, _)| *i >= participant_from) {
            let slot = match field {
                Field::NameWithOriginal => &mut c.name_with_original,
                Field::Name => &mut c.name,
                Field::FirstName => &mut c.first_name,
                Field::LastName => &mut c.last_name,
                Field::Email => &mut c.email,
                Field::Join => &mut c.join,
                Field::Leave => &mut c.leave,
                Field::Duration => &mut c.duration,
                Field::Guest => &mut c.guest,
                Field::WaitingRoom => &mut c.waiting_room,
                Field::Attended => &mut c.attended,
                Field::Topic | Field::Meeting => continue,
            };
            if slot.is_some() {
                c.ambiguous.get_or_insert(field);
            }
            slot.get_or_insert(i);
        }
        // Russian webinar sections say "Имя, Фамилия": there "Имя" is the
        // first name, not the whole name.
        if c.last_name.is_some() && c.first_name.is_none() {
            c.first_name = c.name.take();
        }
        let has_name = c.name.is_some()
            || c.name_with_original.is_some()
            || c.first_name.is_some()
            || c.last_name.is_some();
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
