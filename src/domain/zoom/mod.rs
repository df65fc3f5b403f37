//! Zoom participant reports: reading the CSV, summing minutes per person and
//! planning which registrations to mark present for one session.
//!
//! Pure: bytes in, plans out. No I/O, no clock, no database. Errors carry data
//! (`ReportError`, `RowProblem`) and the web layer words them for the organiser.
//!
//! Decisions worth knowing:
//! - A row whose minutes cannot be known (bad duration, no usable times) fails
//!   the whole file with its line number: silently skipping it could mark a
//!   participant absent, and an organiser can fix one line in a spreadsheet.
//!   Unparseable join/leave times are tolerated when the row has a duration.
//! - Rows marked "In waiting room: Yes" (newer meeting reports) and
//!   "Attended: No" (webinar reports) are not attendance and are ignored.
//! - Text that is not valid UTF-8 is read as Windows-1257 (Baltic), the code
//!   page a Latvian Excel saves in; UTF-16 with a BOM is Excel's "Unicode text".
//! - Minutes from join/leave times are the length of the union of a person's
//!   intervals, rounded up to whole minutes like Zoom's own Duration column, so
//!   two devices at once or overlapping rejoins are not counted twice.
//!
//! Layout: `decode` turns bytes into text, `header` finds the participant
//! table and its columns, `row` reads one participant row, `dates` reads the
//! join/leave times, `plan` sums minutes per person and matches people
//! to registrations, and `preview` bounds what a page shows of a plan.

mod dates;
mod decode;
mod header;
mod plan;
pub mod preview;
mod row;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod variants;

pub use plan::{
    person_key, plan_import, plan_import_with, sum_by_person, Assignment, Candidate, MatchPlan,
    Matched, MatchedBy, PersonMinutes,
};
pub use row::normalise_name;

use chrono::NaiveDateTime;

use dates::slash_order;
use decode::decode;
use header::{
    find_topic, is_blank, next_is_header, non_empty_cells, sniff_delimiter, Columns, Field,
};
use row::parse_row;

/// Larger files are refused before decoding (a real report is a few KiB).
pub const MAX_REPORT_BYTES: usize = 10 * 1024 * 1024;
/// Most participant rows accepted in one report.
pub const MAX_REPORT_ROWS: usize = 50_000;
/// Summary blocks and webinar section headers come on top of the rows.
const MAX_EXTRA_RECORDS: usize = 1_000;

/// One participant row as Zoom wrote it (one join–leave stint).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    /// Display name in the meeting, whitespace collapsed.
    pub name: String,
    /// The "(Original Name)" part, when the participant renamed themselves.
    pub original_name: Option<String>,
    /// As written in the report (only values containing '@').
    pub email: Option<String>,
    pub join: Option<NaiveDateTime>,
    pub leave: Option<NaiveDateTime>,
    /// The Duration column; without one, leave − join rounded up.
    pub minutes: u32,
    pub guest: Option<bool>,
}

/// How the bytes were decoded; a guessed code page is worth showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8, so read as the Baltic Windows code page.
    Windows1257,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoomReport {
    /// Meeting topic from the summary block, when there is one.
    pub topic: Option<String>,
    pub rows: Vec<ReportRow>,
    pub encoding: SourceEncoding,
    /// Waiting-room and "not attended" rows that were left out on purpose.
    pub ignored_rows: usize,
}

/// Why a row could not be read. `line` in `ReportError::BadRow` is 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowProblem {
    /// The CSV structure itself is broken here.
    Malformed,
    /// Neither a name nor an email.
    MissingName,
    /// The Duration cell is not a whole (or decimal) non-negative number.
    BadDuration,
    /// No duration, and the join time cannot be read.
    BadJoinTime,
    /// No duration, and the leave time cannot be read.
    BadLeaveTime,
    /// No duration, and the leave time is before the join time.
    LeaveBeforeJoin,
    /// No duration and no join/leave times at all.
    MissingMinutes,
    /// "In waiting room" or "Attended" holds something other than yes or no.
    UnknownFlag,
    /// The header has two participant email columns (line = the header's).
    AmbiguousEmail,
    /// The header has two participant duration columns.
    AmbiguousDuration,
    /// The header has two participant columns of another kind (name, times).
    AmbiguousColumns,
}

impl RowProblem {
    /// Stable code for translation keys and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            RowProblem::Malformed => "malformed",
            RowProblem::MissingName => "missing-name",
            RowProblem::BadDuration => "bad-duration",
            RowProblem::BadJoinTime => "bad-join-time",
            RowProblem::BadLeaveTime => "bad-leave-time",
            RowProblem::LeaveBeforeJoin => "leave-before-join",
            RowProblem::MissingMinutes => "missing-minutes",
            RowProblem::UnknownFlag => "unknown-flag",
            RowProblem::AmbiguousEmail => "ambiguous-email",
            RowProblem::AmbiguousDuration => "ambiguous-duration",
            RowProblem::AmbiguousColumns => "ambiguous-columns",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("empty report")]
    Empty,
    /// No header with a name column and a duration or join/leave column.
    #[error("no Zoom participant header found")]
    NotZoomReport,
    #[error("report larger than {} bytes", MAX_REPORT_BYTES)]
    TooLarge,
    #[error("report has more than {} rows", MAX_REPORT_ROWS)]
    TooManyRows,
    /// A participant header but not a single participant under it.
    #[error("report has no participant rows")]
    NoParticipants,
    #[error("line {line}: {}", reason.as_str())]
    BadRow { line: usize, reason: RowProblem },
}

impl ReportError {
    /// Stable code for translation keys; `BadRow` also has a line and reason.
    pub fn as_str(&self) -> &'static str {
        match self {
            ReportError::Empty => "empty",
            ReportError::NotZoomReport => "not-zoom-report",
            ReportError::TooLarge => "too-large",
            ReportError::TooManyRows => "too-many-rows",
            ReportError::NoParticipants => "no-participants",
            ReportError::BadRow { .. } => "bad-row",
        }
    }
}

/// Reads a Zoom participant report (meeting or webinar, as exported or as
/// re-saved by Excel). Never panics; see the module docs for the rules.
pub fn read_report(bytes: &[u8]) -> Result<ZoomReport, ReportError> {
    if bytes.len() > MAX_REPORT_BYTES {
        return Err(ReportError::TooLarge);
    }
    let (text, encoding) = decode(bytes);
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ReportError::Empty);
    }
    let delimiter = sniff_delimiter(text).ok_or(ReportError::NotZoomReport)?;

    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| ReportError::BadRow {
            line: e.position().map_or(0, |p| line_number(p.line())),
            reason: RowProblem::Malformed,
        })?;
        if records.len() >= MAX_REPORT_ROWS + MAX_EXTRA_RECORDS {
            return Err(ReportError::TooManyRows);
        }
        records.push(record);
    }

    let order = slash_order(&records);
    let mut topic = None;
    let mut columns: Option<Columns> = None;
    let mut rows = Vec::new();
    let mut ignored_rows = 0;
    let mut data_rows = 0;
    for (idx, record) in records.iter().enumerate() {
        if is_blank(record) {
            continue;
        }
        // Webinar reports have one header per section (host, panelists,
        // attendees); a repeated header just starts a new section.
        if let Some(found) = Columns::detect(record.iter()) {
            if let Some(field) = found.ambiguous {
                let reason = match field {
                    Field::Email => RowProblem::AmbiguousEmail,
                    Field::Duration => RowProblem::AmbiguousDuration,
                    _ => RowProblem::AmbiguousColumns,
                };
                let line = record_line(record, text);
                return Err(ReportError::BadRow { line, reason });
            }
            if columns.is_none() {
                topic = find_topic(&records[..idx]);
            }
            columns = Some(found);
            continue;
        }
        let Some(cols) = &columns else {
            continue; // summary block above the participant table
        };
        if non_empty_cells(record) == 1 && next_is_header(&records[idx + 1..]) {
            continue; // section title such as "Attendee Details"
        }
        data_rows += 1;
        if data_rows > MAX_REPORT_ROWS {
            return Err(ReportError::TooManyRows);
        }
        if topic.is_none() {
            // The flat form repeats the meeting's topic on every row.
            topic = cols
                .topic
                .and_then(|i| record.get(i))
                .map(header::clean)
                .filter(|t| !t.is_empty())
                .map(str::to_string);
        }
        match parse_row(record, cols, order) {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => ignored_rows += 1,
            Err(reason) => {
                let line = record_line(record, text);
                return Err(ReportError::BadRow { line, reason });
            }
        }
    }
    if columns.is_none() {
        return Err(ReportError::NotZoomReport);
    }
    if rows.is_empty() {
        return Err(ReportError::NoParticipants);
    }
    Ok(ZoomReport {
        topic,
        rows,
        encoding,
        ignored_rows,
    })
}

/// The 1-based line a record is on. The csv reader's position is where it
/// started reading, which is before any blank lines it skipped.
fn record_line(record: &csv::StringRecord, text: &str) -> usize {
    let Some(position) = record.position() else {
        return 0;
    };
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let rest = text.as_bytes().get(start..).unwrap_or_default();
    let blank: Vec<u8> = rest
        .iter()
        .copied()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .collect();
    // "\r\n", "\n" and a bare "\r" each end one line.
    let skipped = blank.windows(2).filter(|w| w == b"\r\n").count();
    let skipped = blank.len() - skipped;
    line_number(position.line()).saturating_add(skipped)
}

fn line_number(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use proptest::prelude::*;

    use MatchedBy::{Email as E, Name as N, NotInReport as X};

    // ------------------------------------------------------------ fixtures

    #[test]
    fn fixture_summary_us() {
        let report = read_report(US).expect("US fixture reads");
        assert_eq!(report.encoding, SourceEncoding::Utf8);
        assert_eq!(
            report.topic.as_deref(),
            Some("Pedagogu profesionālā pilnveide, 3. nodarbība")
        );
        assert_eq!(report.rows.len(), 12);
        let anna = &report.rows[1];
        assert_eq!(anna.join, Some(dt("2026-11-21 09:58:03")));
        assert_eq!(anna.leave, Some(dt("2026-11-21 11:02:10")));
        let inese = &report.rows[4];
        assert_eq!(inese.name, "iPhone");
        assert_eq!(inese.original_name.as_deref(), Some("Inese Ūdre"));
        assert_eq!(inese.guest, Some(true));

        let people = sum_by_person(&report.rows);
        // Anna: 09:58:03–11:02:10 and 11:05:40–13:00:02 (her phone at
        // 11:30–11:45:30 overlaps) = 10 709 s → 179, not 65+115+16.
        // Jānis: 46:45 + 30:20 = 4 625 s → 78. Māris: 2:14:55 → 135.
        assert_eq!(
            by_key(&people),
            vec![
                ("anna.berzina@example.lv", 179, 3),
                ("girts.laksa@example.lv", 167, 2),
                ("iphone (inese ūdre)", 180, 1),
                ("janis.ozolins@example.lv", 78, 2),
                ("kristine.organizatore@cohort.lv", 190, 1),
                ("līga kalniņa", 180, 1),
                ("maris.skele@example.lv", 135, 1),
                ("zane liepa", 50, 1),
            ]
        );
        assert_eq!(people[0].display_name, "Anna Bērziņa");
        assert_eq!(people[2].display_name, "iPhone (Inese Ūdre)");

        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(
            summary(&plan.present),
            vec![
                (1, 179, E),
                (3, 180, N),
                (4, 135, E),
                (5, 167, E),
                (6, 180, N)
            ]
        );
        assert_eq!(summary(&plan.absent), vec![(2, 78, E), (7, 0, X)]);
        assert_eq!(
            unmatched_keys(&plan),
            vec!["kristine.organizatore@cohort.lv", "zane liepa"]
        );
    }

    #[test]
    fn fixture_plain_iso() {
        let report = read_report(ISO).expect("ISO fixture reads");
        assert_eq!(report.topic, None);
        assert_eq!(report.ignored_rows, 1, "Anna's waiting-room row");
        assert_eq!(report.rows.len(), 10);

        let people = sum_by_person(&report.rows);
        assert_eq!(
            by_key(&people),
            vec![
                ("anna.berzina@example.lv", 181, 2),
                ("girts.laksa@example.lv", 30, 1),
                ("janis.ozolins@example.lv", 90, 1),
                ("jānis (jānis ozoliņš)", 30, 1),
                ("kristine.organizatore@cohort.lv", 192, 1),
                ("līga kalniņa", 170, 1),
                ("maris.skele@example.lv", 150, 2),
                ("pēteris kļaviņš", 120, 1),
            ]
        );

        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(
            summary(&plan.present),
            vec![(1, 181, E), (3, 170, N), (4, 150, E)]
        );
        // Jānis on laptop 10:00–11:30 and phone 11:20–11:50: union 110, not 120.
        assert_eq!(
            summary(&plan.absent),
            vec![(2, 110, E), (5, 30, E), (6, 0, X), (7, 0, X)]
        );
        assert_eq!(
            plan.absent[0].report_name,
            "Jānis Ozoliņš / Jānis (Jānis Ozoliņš)"
        );
        assert_eq!(plan.absent[0].rows, 2);
        assert_eq!(
            unmatched_keys(&plan),
            vec!["kristine.organizatore@cohort.lv", "pēteris kļaviņš"]
        );
    }

    #[test]
    fn fixture_semicolon_eu() {
        let report = read_report(EU).expect("EU fixture reads");
        assert_eq!(
            report.topic.as_deref(),
            Some("Pilnveides cikls; 5. nodarbība")
        );
        assert_eq!(report.rows.len(), 12);
        assert_eq!(report.rows[1].join, Some(dt("2026-12-05 10:00:00")));
        assert_eq!(report.rows[1].guest, Some(false));
        assert_eq!(report.rows[5].guest, Some(true));
        assert_eq!(report.rows[5].original_name.as_deref(), Some("Līga K."));

        let people = sum_by_person(&report.rows);
        // Māris on two devices 10:00–11:00 and 10:30–12:30: 150, not 180.
        assert_eq!(
            by_key(&people),
            vec![
                ("anna.berzina@example.lv", 140, 3),
                ("girts.laksa@example.lv", 180, 1),
                ("ilze zariņa", 70, 1),
                ("inese.udre@example.lv", 120, 2),
                ("janis.ozolins@example.lv", 134, 1),
                ("kristine.organizatore@cohort.lv", 193, 1),
                ("līga kalniņa (līga k.)", 182, 1),
                ("maris.skele@example.lv", 150, 2),
            ]
        );

        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(
            summary(&plan.present),
            vec![(1, 140, E), (3, 182, N), (4, 150, E), (5, 180, E)]
        );
        assert_eq!(
            summary(&plan.absent),
            vec![(2, 134, E), (6, 120, E), (7, 0, X)]
        );
        assert_eq!(
            unmatched_keys(&plan),
            vec!["ilze zariņa", "kristine.organizatore@cohort.lv"]
        );
    }

    #[test]
    fn fixture_windows_1257() {
        let report = read_report(W1257).expect("1257 fixture reads");
        assert_eq!(report.encoding, SourceEncoding::Windows1257);
        assert!(report.rows.iter().any(|r| r.name == "Ērika Žube"));
        assert_eq!(report.rows[0].join, Some(dt("2026-12-19 09:55:00")));

        let people = sum_by_person(&report.rows);
        assert_eq!(
            by_key(&people),
            vec![
                ("anna.berzina@example.lv", 55, 2),
                ("dace.puce@example.lv", 40, 1),
                ("inese.udre@example.lv", 135, 1),
                ("janis.ozolins@example.lv", 180, 1),
                ("kristine.organizatore@cohort.lv", 185, 1),
                ("līga kalniņa", 175, 2),
                ("maris.skele@example.lv", 165, 1),
                ("ērika žube", 120, 1),
            ]
        );

        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(
            summary(&plan.present),
            vec![(2, 180, E), (3, 175, N), (4, 165, E), (6, 135, E)]
        );
        assert_eq!(
            summary(&plan.absent),
            vec![(1, 55, E), (5, 0, X), (7, 40, E)]
        );
        assert_eq!(
            unmatched_keys(&plan),
            vec!["kristine.organizatore@cohort.lv", "ērika žube"]
        );
    }

    #[test]
    fn fixture_utf16_tab_without_times() {
        let report = read_report(UTF16).expect("UTF-16 fixture reads");
        assert_eq!(report.encoding, SourceEncoding::Utf16Le);
        assert!(report
            .rows
            .iter()
            .all(|r| r.join.is_none() && r.leave.is_none()));

        let people = sum_by_person(&report.rows);
        // No times: rejoins are summed from the Duration column.
        assert_eq!(
            by_key(&people),
            vec![
                ("anna.berzina@example.lv", 150, 2),
                ("girts.laksa@example.lv", 150, 1),
                ("janis.ozolins@example.lv", 100, 1),
                ("kristine.organizatore@cohort.lv", 181, 1),
                ("līga kalniņa", 170, 1),
                ("maris.skele@example.lv", 140, 2),
                ("rūta bērziņa", 90, 1),
            ]
        );
        assert_eq!(people[5].display_name, "Māris Šķēle (Māris)");

        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(
            summary(&plan.present),
            vec![(1, 150, E), (3, 170, N), (4, 140, E), (5, 150, E)]
        );
        assert_eq!(
            summary(&plan.absent),
            vec![(2, 100, E), (6, 0, X), (7, 0, X)]
        );
        assert_eq!(
            unmatched_keys(&plan),
            vec!["kristine.organizatore@cohort.lv", "rūta bērziņa"]
        );
    }

    #[test]
    fn fixture_google_forms_is_not_a_zoom_report() {
        assert_eq!(read_report(FORMS), Err(ReportError::NotZoomReport));
    }

    // -------------------------------------------------------------- reader

    #[test]
    fn empty_inputs() {
        for input in [
            &b""[..],
            b"\xEF\xBB\xBF",
            b"\r\n \n\t",
            b"\xFF\xFE",
            b"\xFF\xFE \x00\n\x00",
        ] {
            assert_eq!(read_report(input), Err(ReportError::Empty), "{input:?}");
        }
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let big = vec![b'a'; MAX_REPORT_BYTES + 1];
        assert_eq!(read_report(&big), Err(ReportError::TooLarge));
    }

    #[test]
    fn hostile_shapes_are_refused_quickly() {
        let start = std::time::Instant::now();
        let one_line = vec![b','; MAX_REPORT_BYTES];
        assert_eq!(read_report(&one_line), Err(ReportError::NotZoomReport));
        let mut wide = b"Name,Duration (Minutes)\n".to_vec();
        wide.resize(MAX_REPORT_BYTES, b',');
        assert_eq!(read_report(&wide), Err(ReportError::NoParticipants));
        let lines = "Name,Duration (Minutes)\n".to_string() + &",\n".repeat(MAX_REPORT_BYTES / 3);
        assert_eq!(read(&lines), Err(ReportError::TooManyRows));
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn row_limit() {
        let mut text = String::from("Name,Duration (Minutes)\n");
        for i in 0..MAX_REPORT_ROWS {
            text.push_str(&format!("P{i},1\n"));
        }
        assert_eq!(read(&text).map(|r| r.rows.len()), Ok(MAX_REPORT_ROWS));
        text.push_str("One too many,1\n");
        assert_eq!(read(&text), Err(ReportError::TooManyRows));
    }

    #[test]
    fn header_without_rows() {
        assert_eq!(
            read("Name (Original Name),User Email,Duration (Minutes)\n,,\n"),
            Err(ReportError::NoParticipants)
        );
        assert_eq!(
            read("Name,Duration (minutes),In waiting room\nAnna,3,Yes\n"),
            Err(ReportError::NoParticipants)
        );
    }

    #[test]
    fn errors_have_stable_codes() {
        let error = ReportError::BadRow {
            line: 7,
            reason: RowProblem::BadDuration,
        };
        assert_eq!(error.to_string(), "line 7: bad-duration");
        assert_eq!(error.as_str(), "bad-row");
        assert_eq!(
            ReportError::TooLarge.to_string(),
            "report larger than 10485760 bytes"
        );
    }

    // --------------------------------------------------------- properties

    fn check_report(report: &ZoomReport) {
        let people = sum_by_person(&report.rows);
        assert_eq!(
            people.iter().map(|p| p.rows).sum::<usize>(),
            report.rows.len()
        );
        check_plan(&people, &cohort(), THRESHOLD);
    }

    fn mutate(original: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
        const SPECIAL: [u8; 14] = [
            b',', b';', b'\t', b'"', b'\n', b'\r', b'(', b')', b'/', b':', b'.', 0xC4, 0xFF, 0,
        ];
        let mut bytes = original.to_vec();
        for &(at, kind, byte) in edits {
            let at = at % (bytes.len() + 1);
            match kind % 5 {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                3 => bytes.truncate(at),
                _ => bytes.insert(at, SPECIAL[usize::from(byte) % SPECIAL.len()]),
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            if let Ok(report) = read_report(&bytes) {
                check_report(&report);
            }
        }

        #[test]
        fn mutated_reports_never_panic(
            which in 0..FIXTURES.len(),
            edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12),
        ) {
            if let Ok(report) = read_report(&mutate(FIXTURES[which], &edits)) {
                check_report(&report);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn header_then_noise_never_panics(
            header in prop::sample::select(&[
                "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n",
                "Name;Join Time;Leave Time\n",
                "Participant\tDuration (Minutes)\tIn Waiting Room\n",
            ][..]),
            body in "[a-zA-Z0-9 ,;\t\"/:.()\\-\r\nāēīūšžģķļņ@]{0,400}",
        ) {
            if let Ok(report) = read(&format!("{header}{body}")) {
                check_report(&report);
            }
        }

        #[test]
        fn written_reports_read_back(
            rows in prop::collection::vec(arb_consistent_row(), 1..25),
            delimiter in prop::sample::select(&[b',', b';', b'\t'][..]),
            date_style in 0usize..4,
            encoding in 0usize..4,
            with_summary in any::<bool>(),
            with_duration in any::<bool>(),
        ) {
            let text = write_report(&rows, delimiter, date_style, with_summary, with_duration);
            let bytes = match encoding {
                0 => text.into_bytes(),
                1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
                2 => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
                _ => encoding_rs::WINDOWS_1257.encode(&text).0.into_owned(),
            };
            let report = read_report(&bytes).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(report.rows, rows);
        }
    }

    /// A report as Zoom (or Excel) would write it, for the round-trip property.
    fn write_report(
        rows: &[ReportRow],
        delimiter: u8,
        date_style: usize,
        with_summary: bool,
        with_duration: bool,
    ) -> String {
        let format = match date_style {
            0 => "%m/%d/%Y %I:%M:%S %p",
            1 => "%Y-%m-%d %H:%M:%S",
            2 => "%Y-%m-%dT%H:%M:%S",
            _ => "%d.%m.%Y %H:%M:%S",
        };
        let mut out = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_writer(Vec::new());
        let mut write = |record: Vec<String>| out.write_record(&record).expect("write to Vec");
        if with_summary {
            write(vec![
                "Meeting ID".into(),
                "Topic".into(),
                "Duration (Minutes)".into(),
            ]);
            write(vec![
                "81234567890".into(),
                "Pilnveide; 1, nodarbība".into(),
                "180".into(),
            ]);
            write(vec![String::new()]);
        }
        let mut header: Vec<String> = [
            "Name (Original Name)",
            "User Email",
            "Join Time",
            "Leave Time",
            "Guest",
        ]
        .map(String::from)
        .to_vec();
        if with_duration {
            header.push("Duration (Minutes)".into());
        }
        write(header);
        for row in rows {
            let name = match &row.original_name {
                Some(original) => format!("{} ({original})", row.name),
                None => row.name.clone(),
            };
            let time = |t: Option<NaiveDateTime>| {
                t.map(|t| t.format(format).to_string()).unwrap_or_default()
            };
            let guest = match row.guest {
                Some(true) => "Jā",
                Some(false) => "No",
                None => "",
            };
            let mut record = vec![
                name,
                row.email.clone().unwrap_or_default(),
                time(row.join),
                time(row.leave),
                guest.to_string(),
            ];
            if with_duration {
                record.push(row.minutes.to_string());
            }
            write(record);
        }
        String::from_utf8(out.into_inner().expect("flush to Vec")).expect("csv writes UTF-8")
    }
}
