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

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Larger files are refused before decoding (a real report is a few KiB).
pub const MAX_REPORT_BYTES: usize = 10 * 1024 * 1024;
/// Most participant rows accepted in one report.
pub const MAX_REPORT_ROWS: usize = 50_000;
/// Summary blocks and webinar section headers come on top of the rows.
const MAX_EXTRA_RECORDS: usize = 1_000;
/// How many lines are searched for the participant header when sniffing.
const SNIFF_LINES: usize = 1_000;
/// Zoom headers have about a dozen short columns; Excel may add empty ones.
const MAX_HEADER_CELLS: usize = 256;
const MAX_HEADER_CELL_LEN: usize = 64;

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
        match parse_row(record, cols, order) {
            Ok(Some(row)) => rows.push(row),
            Ok(None) => ignored_rows += 1,
            Err(reason) => {
                let line = record.position().map_or(0, |p| line_number(p.line()));
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

/// Minutes of one person in one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMinutes {
    /// "Name (Original Name)" as Zoom showed it, from the person's commonest row.
    pub display_name: String,
    /// Lowercased; `Some` when the person is keyed by email.
    pub email: Option<String>,
    pub minutes: u32,
    /// Report rows that make up this person.
    pub rows: usize,
    /// Grouping key: lowercased email, else the normalised name with the
    /// normalised original name in brackets when it differs.
    pub key: String,
    /// Every normalised display and original name seen, for name matching.
    pub names: Vec<String>,
    /// Sorted, disjoint join–leave intervals (kept so that two report people
    /// matched to one registration can be unioned again).
    pub intervals: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// Minutes from rows without usable times, added to the intervals.
    pub untimed_minutes: u32,
}

impl PersonMinutes {
    /// A person known only by summed minutes (no times), e.g. for a hand-made
    /// entry.
    pub fn from_minutes(display_name: &str, email: Option<&str>, minutes: u32) -> Self {
        let email = email.and_then(normalise_email);
        let name = normalise_name(display_name);
        PersonMinutes {
            display_name: collapse_whitespace(display_name),
            key: email.clone().unwrap_or_else(|| name.clone()),
            email,
            minutes,
            rows: 1,
            names: if name.is_empty() { vec![] } else { vec![name] },
            intervals: vec![],
            untimed_minutes: minutes,
        }
    }
}

/// The key `sum_by_person` groups a row under.
pub fn person_key(row: &ReportRow) -> String {
    if let Some(email) = row.email.as_deref().and_then(normalise_email) {
        return email;
    }
    let name = normalise_name(&row.name);
    match row.original_name.as_deref().map(normalise_name) {
        // Keep the original name: many people join as "iPhone (Their Name)".
        Some(original) if !original.is_empty() && original != name => {
            format!("{name} ({original})")
        }
        _ => name,
    }
}

/// One entry per person, sorted by `key`, independent of row order.
/// Rows with both times (leave ≥ join) count as the union of their intervals;
/// other rows add their Duration minutes.
pub fn sum_by_person(rows: &[ReportRow]) -> Vec<PersonMinutes> {
    let mut groups: BTreeMap<String, Vec<&ReportRow>> = BTreeMap::new();
    for row in rows {
        groups.entry(person_key(row)).or_default().push(row);
    }
    groups
        .into_iter()
        .map(|(key, rows)| {
            let mut intervals = Vec::new();
            let mut untimed: u32 = 0;
            let mut names = BTreeSet::new();
            let mut shown: BTreeMap<String, usize> = BTreeMap::new();
            for row in &rows {
                match usable_interval(row.join, row.leave) {
                    Some(interval) => intervals.push(interval),
                    None => untimed = untimed.saturating_add(row.minutes),
                }
                names.insert(normalise_name(&row.name));
                if let Some(original) = &row.original_name {
                    names.insert(normalise_name(original));
                }
                *shown.entry(shown_name(row)).or_default() += 1;
            }
            names.remove("");
            let intervals = merge_intervals(intervals);
            // Commonest shown name; ties go to the smallest, so order never matters.
            let display_name = shown
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(name, _)| name.clone())
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| key.clone());
            let email = rows
                .iter()
                .find_map(|r| r.email.as_deref().and_then(normalise_email));
            PersonMinutes {
                display_name,
                email,
                minutes: total_minutes(&intervals, untimed),
                rows: rows.len(),
                key,
                names: names.into_iter().collect(),
                intervals,
                untimed_minutes: untimed,
            }
        })
        .collect()
}

/// A registration that may be marked for the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub registration_id: i32,
    /// Already lowercased (lowercased again here anyway).
    pub email: String,
    pub full_name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    Email,
    Name,
    /// The organiser assigned the report person by hand.
    Manual,
    /// No report row matched this registration (always in `absent`).
    NotInReport,
}

impl MatchedBy {
    /// The strongest reason wins when several report people merge.
    fn strength(self) -> u8 {
        match self {
            MatchedBy::Manual => 3,
            MatchedBy::Email => 2,
            MatchedBy::Name => 1,
            MatchedBy::NotInReport => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub registration_id: i32,
    pub minutes: u32,
    pub matched_by: MatchedBy,
    /// Display names of the report people merged here, joined by " / ";
    /// empty for `NotInReport`.
    pub report_name: String,
    /// Report rows counted for this registration.
    pub rows: usize,
}

/// Every distinct candidate is in exactly one of `present` and `absent`
/// (each sorted by registration id); `unmatched` is sorted by person key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchPlan {
    pub present: Vec<Matched>,
    pub absent: Vec<Matched>,
    pub unmatched: Vec<PersonMinutes>,
}

/// An organiser's decision that a report person is a given registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub person_key: String,
    pub registration_id: i32,
}

/// Matches report people to registrations: email first (case-insensitive),
/// then exact normalised name (display or original); a name that fits two or
/// more candidates is ambiguous and left unmatched. Present means at least
/// `threshold_minutes` for a registration with at least one report row.
pub fn plan_import(
    people: &[PersonMinutes],
    candidates: &[Candidate],
    threshold_minutes: u32,
) -> MatchPlan {
    plan_import_with(people, candidates, threshold_minutes, &[])
}

/// `plan_import` with the organiser's manual assignments applied first
/// (assignments to unknown registrations are ignored; the first one for a
/// person key wins).
pub fn plan_import_with(
    people: &[PersonMinutes],
    candidates: &[Candidate],
    threshold_minutes: u32,
    assignments: &[Assignment],
) -> MatchPlan {
    let mut by_id: BTreeMap<i32, &Candidate> = BTreeMap::new();
    for candidate in candidates {
        by_id.entry(candidate.registration_id).or_insert(candidate);
    }
    let mut by_email: HashMap<String, BTreeSet<i32>> = HashMap::new();
    let mut by_name: HashMap<String, BTreeSet<i32>> = HashMap::new();
    for (&id, candidate) in &by_id {
        if let Some(email) = normalise_email(&candidate.email) {
            by_email.entry(email).or_default().insert(id);
        }
        let name = normalise_name(&candidate.full_name);
        if !name.is_empty() {
            by_name.entry(name).or_default().insert(id);
        }
    }
    let mut manual: HashMap<&str, i32> = HashMap::new();
    for assignment in assignments {
        if by_id.contains_key(&assignment.registration_id) {
            manual
                .entry(assignment.person_key.as_str())
                .or_insert(assignment.registration_id);
        }
    }

    // Sorted so that merged names and the unmatched list never depend on input order.
    let mut ordered: Vec<&PersonMinutes> = people.iter().collect();
    ordered.sort_by(|a, b| {
        (&a.key, &a.display_name, &a.email, a.minutes, a.rows).cmp(&(
            &b.key,
            &b.display_name,
            &b.email,
            b.minutes,
            b.rows,
        ))
    });

    let mut matched: BTreeMap<i32, (MatchedBy, Vec<&PersonMinutes>)> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for person in ordered {
        let found = match manual.get(person.key.as_str()) {
            Some(&id) => Some((id, MatchedBy::Manual)),
            None => find_match(person, &by_email, &by_name),
        };
        match found {
            Some((id, by)) => {
                let entry = matched.entry(id).or_insert((by, Vec::new()));
                if by.strength() > entry.0.strength() {
                    entry.0 = by;
                }
                entry.1.push(person);
            }
            None => unmatched.push(person.clone()),
        }
    }

    let mut present = Vec::new();
    let mut absent = Vec::new();
    for &id in by_id.keys() {
        match matched.get(&id) {
            Some((by, group)) => {
                let mut names: Vec<&str> = Vec::new();
                for person in group {
                    if !names.contains(&person.display_name.as_str()) {
                        names.push(&person.display_name);
                    }
                }
                let entry = Matched {
                    registration_id: id,
                    minutes: merged_minutes(group),
                    matched_by: *by,
                    report_name: names.join(" / "),
                    rows: group.iter().map(|p| p.rows).sum(),
                };
                if entry.minutes >= threshold_minutes {
                    present.push(entry);
                } else {
                    absent.push(entry);
                }
            }
            None => absent.push(Matched {
                registration_id: id,
                minutes: 0,
                matched_by: MatchedBy::NotInReport,
                report_name: String::new(),
                rows: 0,
            }),
        }
    }
    MatchPlan {
        present,
        absent,
        unmatched,
    }
}

fn find_match(
    person: &PersonMinutes,
    by_email: &HashMap<String, BTreeSet<i32>>,
    by_name: &HashMap<String, BTreeSet<i32>>,
) -> Option<(i32, MatchedBy)> {
    if let Some(ids) = person
        .email
        .as_deref()
        .and_then(normalise_email)
        .and_then(|email| by_email.get(&email))
    {
        if let Some(id) = only(ids) {
            return Some((id, MatchedBy::Email));
        }
    }
    // Email unknown (or shared by two registrations): fall back to names.
    let mut ids = BTreeSet::new();
    let names = person
        .names
        .iter()
        .map(|n| normalise_name(n))
        .chain(std::iter::once(normalise_name(&person.display_name)));
    for name in names {
        if let Some(found) = by_name.get(&name) {
            ids.extend(found.iter().copied());
        }
    }
    only(&ids).map(|id| (id, MatchedBy::Name))
}

fn only(ids: &BTreeSet<i32>) -> Option<i32> {
    match ids.len() {
        1 => ids.iter().next().copied(),
        _ => None,
    }
}

/// Union of all intervals when every person's parts add up to its minutes;
/// otherwise (a hand-made `PersonMinutes`) a plain sum.
fn merged_minutes(group: &[&PersonMinutes]) -> u32 {
    if let [person] = group {
        return person.minutes;
    }
    let consistent = group.iter().all(|p| {
        let intervals = merge_intervals(
            p.intervals
                .iter()
                .filter_map(|&(s, e)| usable_interval(Some(s), Some(e)))
                .collect(),
        );
        total_minutes(&intervals, p.untimed_minutes) == p.minutes
    });
    if consistent {
        let intervals = group
            .iter()
            .flat_map(|p| p.intervals.iter().copied())
            .collect();
        let untimed = group
            .iter()
            .fold(0u32, |acc, p| acc.saturating_add(p.untimed_minutes));
        total_minutes(&merge_intervals(intervals), untimed)
    } else {
        group
            .iter()
            .fold(0u32, |acc, p| acc.saturating_add(p.minutes))
    }
}

fn usable_interval(
    join: Option<NaiveDateTime>,
    leave: Option<NaiveDateTime>,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    match (join, leave) {
        (Some(j), Some(l)) if l >= j => Some((j, l)),
        _ => None,
    }
}

fn merge_intervals(
    mut intervals: Vec<(NaiveDateTime, NaiveDateTime)>,
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    intervals.retain(|(s, e)| s <= e);
    intervals.sort();
    let mut out: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::with_capacity(intervals.len());
    for (start, end) in intervals {
        if let Some(last) = out.last_mut() {
            if start <= last.1 {
                last.1 = last.1.max(end);
                continue;
            }
        }
        out.push((start, end));
    }
    out
}

/// Disjoint intervals rounded up as a whole, plus minutes without times.
fn total_minutes(intervals: &[(NaiveDateTime, NaiveDateTime)], untimed: u32) -> u32 {
    // Bounded by chrono's date range (~1.6e16 s), so no i64 overflow.
    let seconds: i64 = intervals.iter().map(|(s, e)| (*e - *s).num_seconds()).sum();
    ceil_minutes(seconds).saturating_add(untimed)
}

fn ceil_minutes(seconds: i64) -> u32 {
    let seconds = u64::try_from(seconds).unwrap_or(0);
    u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX)
}

fn line_number(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    email.contains('@').then_some(email)
}

fn shown_name(row: &ReportRow) -> String {
    let name = collapse_whitespace(&row.name);
    match row.original_name.as_deref().map(collapse_whitespace) {
        Some(original) if !original.is_empty() && original != name => {
            format!("{name} ({original})")
        }
        _ => name,
    }
}

// ---------------------------------------------------------------- decoding

fn decode(bytes: &[u8]) -> (Cow<'_, str>, SourceEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), SourceEncoding::Utf8);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        return (text, SourceEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        return (text, SourceEncoding::Utf16Be);
    }
    // UTF-16LE without a BOM: ASCII header letters followed by NUL bytes.
    if let [a, 0, b, 0, ..] = bytes {
        if *a != 0 && *b != 0 {
            let (text, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            return (text, SourceEncoding::Utf16Le);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), SourceEncoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1257.decode_without_bom_handling(bytes);
            (text, SourceEncoding::Windows1257)
        }
    }
}

// ------------------------------------------------------------------ header

#[derive(Debug, Clone, Default)]
struct Columns {
    name_with_original: Option<usize>,
    name: Option<usize>,
    email: Option<usize>,
    join: Option<usize>,
    leave: Option<usize>,
    duration: Option<usize>,
    guest: Option<usize>,
    waiting_room: Option<usize>,
    attended: Option<usize>,
}

impl Columns {
    /// `Some` when the cells form a participant header: a name column and a
    /// duration or join+leave columns. The first column of each kind wins.
    fn detect<'a>(cells: impl Iterator<Item = &'a str>) -> Option<Columns> {
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
fn sniff_delimiter(text: &str) -> Option<u8> {
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

fn find_topic(preamble: &[csv::StringRecord]) -> Option<String> {
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

fn next_is_header(rest: &[csv::StringRecord]) -> bool {
    rest.iter()
        .find(|r| !is_blank(r))
        .is_some_and(|r| Columns::detect(r.iter()).is_some())
}

fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|c| clean(c).is_empty())
}

fn non_empty_cells(record: &csv::StringRecord) -> usize {
    record.iter().filter(|c| !clean(c).is_empty()).count()
}

fn clean(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

// -------------------------------------------------------------------- rows

/// `Ok(None)` for rows that are deliberately not attendance.
fn parse_row(
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
    if yes_no(cell(cols.waiting_room)) == Some(true) || yes_no(cell(cols.attended)) == Some(false) {
        return Ok(None);
    }

    let (mut name, original_name) = match cols.name_with_original {
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
        "yes" | "y" | "true" | "1" | "jā" | "ja" => Some(true),
        "no" | "n" | "false" | "0" | "nē" | "ne" => Some(false),
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

fn collapse_whitespace(s: &str) -> String {
    let visible: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Composes lowercase Baltic (and a few other) letters written as base letter
/// plus combining mark, the form macOS file names and some keyboards produce.
fn compose_marks(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let composed = out.chars().next_back().and_then(|prev| compose(prev, c));
        match composed {
            Some(letter) => {
                out.pop();
                out.push(letter);
            }
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn compose(base: char, mark: char) -> Option<char> {
    let letter = match (base, mark) {
        ('a', '\u{304}') => 'ā',
        ('e', '\u{304}') => 'ē',
        ('i', '\u{304}') => 'ī',
        ('o', '\u{304}') => 'ō',
        ('u', '\u{304}') => 'ū',
        ('c', '\u{30c}') => 'č',
        ('s', '\u{30c}') => 'š',
        ('z', '\u{30c}') => 'ž',
        ('g', '\u{327}' | '\u{326}') => 'ģ',
        ('k', '\u{327}' | '\u{326}') => 'ķ',
        ('l', '\u{327}' | '\u{326}') => 'ļ',
        ('n', '\u{327}' | '\u{326}') => 'ņ',
        ('c', '\u{327}') => 'ç',
        ('a', '\u{328}') => 'ą',
        ('e', '\u{328}') => 'ę',
        ('i', '\u{328}') => 'į',
        ('u', '\u{328}') => 'ų',
        ('e', '\u{307}') => 'ė',
        ('a', '\u{308}') => 'ä',
        ('o', '\u{308}') => 'ö',
        ('u', '\u{308}') => 'ü',
        ('o', '\u{303}') => 'õ',
        ('e', '\u{301}') => 'é',
        _ => return None,
    };
    Some(letter)
}

// ------------------------------------------------------------------- dates

/// Whether "05/11/2026" is 5 November or 11 May in this file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlashOrder {
    MonthFirst,
    DayFirst,
}

/// Zoom writes month first; a file re-saved in a day-first locale shows
/// itself by a first number above 12, and then the whole file is day-first.
fn slash_order(records: &[csv::StringRecord]) -> SlashOrder {
    let mut day_first = false;
    for cell in records.iter().flat_map(|r| r.iter()) {
        let mut parts = clean(cell).splitn(3, '/');
        let (Some(a), Some(b), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            continue;
        };
        if b > 12 && a <= 12 {
            return SlashOrder::MonthFirst;
        }
        day_first |= a > 12 && a <= 31 && b <= 12;
    }
    if day_first {
        SlashOrder::DayFirst
    } else {
        SlashOrder::MonthFirst
    }
}

/// "11/21/2026 01:02:03 PM", "11/21/2026 13:02", "2026-11-21 13:02:03",
/// "2026-11-21T13:02:03", "21.11.2026 13:02", "21.11.2026. 13:02" (Latvian).
fn parse_datetime(raw: &str, order: SlashOrder) -> Option<NaiveDateTime> {
    let s = raw.trim();
    let date_len = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(s.len());
    let (date, rest) = s.split_at(date_len);
    let date = parse_date(date, order)?;
    let rest = rest.trim_start_matches(|c: char| c == 'T' || c == ',' || c.is_whitespace());
    Some(date.and_time(parse_time(rest)?))
}

fn parse_date(text: &str, order: SlashOrder) -> Option<NaiveDate> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    let mut parts: Vec<&str> = text.split(separator).collect();
    if parts.last() == Some(&"") {
        parts.pop(); // "21.11.2026."
    }
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let number = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (a, b, c) = (number(first)?, number(second)?, number(third)?);
    let (year, month, day) = if first.len() == 4 {
        (a, b, c)
    } else {
        let year = match third.len() {
            4 => c,
            2 => 2000 + c,
            _ => return None,
        };
        let day_first = match (separator, order) {
            ('/', SlashOrder::MonthFirst) => a > 12 && b <= 12,
            ('/', SlashOrder::DayFirst) => !(b > 12 && a <= 12),
            _ => true,
        };
        if day_first {
            (year, b, a)
        } else {
            (year, a, b)
        }
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, pm) = if let Some(c) = lower.strip_suffix("pm").or(lower.strip_suffix("p.m.")) {
        (c.trim_end(), Some(true))
    } else if let Some(c) = lower.strip_suffix("am").or(lower.strip_suffix("a.m.")) {
        (c.trim_end(), Some(false))
    } else {
        (lower.trim_end_matches('z'), None)
    };
    let mut parts = clock.split(':');
    let hour = parts.next()?;
    let minute = parts.next()?;
    let second = parts.next().map(|s| s.split('.').next().unwrap_or(s));
    if parts.next().is_some() {
        return None;
    }
    let field = |p: &str, max_len: usize| -> Option<u32> {
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let mut hour = field(hour, 2)?;
    let minute = field(minute, 2)?;
    let second = match second {
        Some(s) => field(s, 2)?,
        None => 0,
    };
    if let Some(pm) = pm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    NaiveTime::from_hms_opt(hour, minute, second)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const US: &[u8] = include_bytes!("../../tests/fixtures/zoom/participants_summary_us.csv");
    const ISO: &[u8] = include_bytes!("../../tests/fixtures/zoom/participants_plain_iso.csv");
    const EU: &[u8] = include_bytes!("../../tests/fixtures/zoom/participants_semicolon_eu.csv");
    const W1257: &[u8] = include_bytes!("../../tests/fixtures/zoom/participants_windows1257.csv");
    const UTF16: &[u8] = include_bytes!("../../tests/fixtures/zoom/participants_utf16le_tab.txt");
    const FORMS: &[u8] = include_bytes!("../../tests/fixtures/zoom/not_a_zoom_report.csv");
    const FIXTURES: [&[u8]; 6] = [US, ISO, EU, W1257, UTF16, FORMS];

    /// The fixtures' session threshold: 75 % of a three-hour session.
    const THRESHOLD: u32 = 135;

    fn candidate(id: i32, email: &str, name: &str) -> Candidate {
        Candidate {
            registration_id: id,
            email: email.to_string(),
            full_name: name.to_string(),
        }
    }

    fn cohort() -> Vec<Candidate> {
        vec![
            candidate(1, "anna.berzina@example.lv", "Anna Bērziņa"),
            candidate(2, "janis.ozolins@example.lv", "Jānis Ozoliņš"),
            candidate(3, "liga.kalnina@gmail.com", "Līga Kalniņa"),
            candidate(4, "maris.skele@example.lv", "Māris Šķēle"),
            candidate(5, "girts.laksa@example.lv", "Ģirts Ļaksa"),
            candidate(6, "inese.udre@example.lv", "Inese Ūdre"),
            candidate(7, "dace.puce@example.lv", "Dace Pūce"),
        ]
    }

    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("test timestamp")
    }

    fn row(name: &str, email: Option<&str>, join: &str, leave: &str, minutes: u32) -> ReportRow {
        ReportRow {
            name: name.to_string(),
            original_name: None,
            email: email.map(str::to_string),
            join: Some(dt(join)),
            leave: Some(dt(leave)),
            minutes,
            guest: None,
        }
    }

    fn by_key(people: &[PersonMinutes]) -> Vec<(&str, u32, usize)> {
        people
            .iter()
            .map(|p| (p.key.as_str(), p.minutes, p.rows))
            .collect()
    }

    fn summary(list: &[Matched]) -> Vec<(i32, u32, MatchedBy)> {
        list.iter()
            .map(|m| (m.registration_id, m.minutes, m.matched_by))
            .collect()
    }

    fn unmatched_keys(plan: &MatchPlan) -> Vec<&str> {
        plan.unmatched.iter().map(|p| p.key.as_str()).collect()
    }

    fn read(text: &str) -> Result<ZoomReport, ReportError> {
        read_report(text.as_bytes())
    }

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

    #[test]
    fn decodings() {
        let text = "Name,Duration (Minutes)\nĢirts Ļaksa,40\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let le_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let (w1257, _, unmappable) = encoding_rs::WINDOWS_1257.encode(text);
        assert!(!unmappable);
        let cases = [
            (le, SourceEncoding::Utf16Le),
            (be, SourceEncoding::Utf16Be),
            (le_no_bom, SourceEncoding::Utf16Le),
            (w1257.into_owned(), SourceEncoding::Windows1257),
            (text.as_bytes().to_vec(), SourceEncoding::Utf8),
        ];
        for (bytes, encoding) in cases {
            let report = read_report(&bytes).expect("decodes");
            assert_eq!(report.encoding, encoding);
            assert_eq!(report.rows[0].name, "Ģirts Ļaksa", "{encoding:?}");
        }
    }

    #[test]
    fn date_formats() {
        let expect = Some(dt("2026-11-21 13:02:03"));
        let minute = Some(dt("2026-11-21 13:02:00"));
        let m = SlashOrder::MonthFirst;
        assert_eq!(parse_datetime("11/21/2026 01:02:03 PM", m), expect);
        assert_eq!(parse_datetime("11/21/2026 1:02:03 pm", m), expect);
        assert_eq!(parse_datetime("11/21/2026 13:02:03", m), expect);
        assert_eq!(parse_datetime("11/21/2026 13:02", m), minute);
        assert_eq!(parse_datetime("11/21/26 1:02 PM", m), minute);
        assert_eq!(parse_datetime("2026-11-21 13:02:03", m), expect);
        assert_eq!(parse_datetime("2026-11-21T13:02:03", m), expect);
        assert_eq!(parse_datetime("2026-11-21T13:02:03.250Z", m), expect);
        assert_eq!(parse_datetime("21.11.2026 13:02", m), minute);
        assert_eq!(parse_datetime("21.11.2026. 13:02:03", m), expect);
        assert_eq!(parse_datetime("21/11/2026 13:02:03", m), expect);
        assert_eq!(
            parse_datetime("11/21/2026 12:00:00 AM", m),
            Some(dt("2026-11-21 00:00:00"))
        );
        assert_eq!(
            parse_datetime("11/21/2026 12:30:00 PM", m),
            Some(dt("2026-11-21 12:30:00"))
        );
        // Ambiguous slashes follow the file's order.
        assert_eq!(
            parse_datetime("05/11/2026 10:00", m),
            Some(dt("2026-05-11 10:00:00"))
        );
        let d = SlashOrder::DayFirst;
        assert_eq!(
            parse_datetime("05/11/2026 10:00", d),
            Some(dt("2026-11-05 10:00:00"))
        );
        for bad in [
            "",
            "13:02",
            "2026-11-21",
            "11/21/2026 13:02 PM",
            "31.02.2026 10:00",
            "2026-11-21 24:00",
            "2026-11-21 10:00+02:00",
            "21.11 10:00",
            "1/2/3/4 10:00",
            "11/21/2026 10:00:00:00",
        ] {
            assert_eq!(parse_datetime(bad, m), None, "{bad}");
        }
    }

    #[test]
    fn day_first_files_are_detected() {
        let text = "Name,Join Time,Leave Time\n\
                    Anna,05/12/2026 10:00,05/12/2026 11:00\n\
                    Jānis,21/12/2026 10:00,21/12/2026 10:30\n";
        let report = read(text).expect("reads");
        assert_eq!(report.rows[0].join, Some(dt("2026-12-05 10:00:00")));
        assert_eq!(report.rows[1].minutes, 30);
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

    // ---------------------------------------------------------- summation

    #[test]
    fn union_of_intervals_not_sum() {
        let rows = [
            row(
                "Anna",
                Some("A@x.lv"),
                "2026-11-21 10:00:00",
                "2026-11-21 11:00:00",
                60,
            ),
            row(
                "Anna",
                Some("a@x.lv"),
                "2026-11-21 10:30:00",
                "2026-11-21 11:30:00",
                60,
            ),
            row(
                "Anna phone",
                Some("a@X.lv"),
                "2026-11-21 10:40:00",
                "2026-11-21 10:50:00",
                10,
            ),
            row(
                "Anna",
                Some("a@x.lv"),
                "2026-11-21 12:00:00",
                "2026-11-21 12:00:30",
                1,
            ),
        ];
        let people = sum_by_person(&rows);
        assert_eq!(people.len(), 1);
        assert_eq!((people[0].minutes, people[0].rows), (91, 4));
        assert_eq!(people[0].email.as_deref(), Some("a@x.lv"));
        assert_eq!(people[0].display_name, "Anna");
        assert_eq!(people[0].names, vec!["anna", "anna phone"]);
    }

    #[test]
    fn rows_without_times_add_their_duration() {
        let mut untimed = row(
            "Anna",
            None,
            "2026-11-21 10:00:00",
            "2026-11-21 10:00:00",
            25,
        );
        untimed.join = None;
        let rows = [
            row(
                "Anna",
                None,
                "2026-11-21 10:00:00",
                "2026-11-21 10:30:00",
                30,
            ),
            untimed,
            // Leave before join: the times are not trusted, the duration is.
            row(
                "Anna",
                None,
                "2026-11-21 12:00:00",
                "2026-11-21 11:00:00",
                7,
            ),
        ];
        let people = sum_by_person(&rows);
        assert_eq!((people[0].minutes, people[0].untimed_minutes), (62, 32));
    }

    #[test]
    fn display_name_is_the_commonest() {
        let rows = [
            row(
                "Anna B.",
                None,
                "2026-11-21 10:00:00",
                "2026-11-21 10:01:00",
                1,
            ),
            row(
                "anna b.",
                None,
                "2026-11-21 10:00:00",
                "2026-11-21 10:01:00",
                1,
            ),
            row(
                "anna b.",
                None,
                "2026-11-21 10:00:00",
                "2026-11-21 10:01:00",
                1,
            ),
        ];
        assert_eq!(sum_by_person(&rows)[0].display_name, "anna b.");
    }

    // ----------------------------------------------------------- matching

    fn person(name: &str, email: Option<&str>, minutes: u32) -> PersonMinutes {
        PersonMinutes::from_minutes(name, email, minutes)
    }

    #[test]
    fn email_first_then_name() {
        let people = [
            // Email says Anna even though the name says Jānis.
            person("Jānis Ozoliņš", Some("ANNA.BERZINA@example.lv"), 150),
            // Unknown email falls back to the name.
            person("Ģirts Ļaksa", Some("girts@work.lv"), 150),
        ];
        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(summary(&plan.present), vec![(1, 150, E), (5, 150, N)]);
    }

    #[test]
    fn ambiguous_names_stay_unmatched() {
        let mut candidates = cohort();
        candidates.push(candidate(8, "anna.berzina@school.lv", "ANNA  BĒRZIŅA"));
        let people = [person("Anna Bērziņa", None, 170)];
        let plan = plan_import(&people, &candidates, THRESHOLD);
        assert!(plan.present.is_empty());
        assert_eq!(plan.unmatched.len(), 1);

        // Display name fits one registration, original name another.
        let rows = [ReportRow {
            name: "Anna Bērziņa".into(),
            original_name: Some("Jānis Ozoliņš".into()),
            email: None,
            join: None,
            leave: None,
            minutes: 170,
            guest: None,
        }];
        let plan = plan_import(&sum_by_person(&rows), &cohort(), THRESHOLD);
        assert_eq!(plan.unmatched.len(), 1);
    }

    #[test]
    fn shared_email_falls_back_to_name() {
        let candidates = [
            candidate(1, "family@example.lv", "Anna Bērziņa"),
            candidate(2, "family@example.lv", "Jānis Bērziņš"),
        ];
        let people = [person("Jānis Bērziņš", Some("family@example.lv"), 140)];
        let plan = plan_import(&people, &candidates, THRESHOLD);
        assert_eq!(summary(&plan.present), vec![(2, 140, N)]);
    }

    #[test]
    fn one_registration_is_never_counted_twice() {
        let rows = [
            row(
                "Anna Bērziņa",
                Some("anna.berzina@example.lv"),
                "2026-11-21 10:00:00",
                "2026-11-21 11:30:00",
                90,
            ),
            row(
                "Anna Bērziņa",
                None,
                "2026-11-21 11:00:00",
                "2026-11-21 12:00:00",
                60,
            ),
        ];
        let people = sum_by_person(&rows);
        assert_eq!(people.len(), 2);
        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(summary(&plan.absent)[0], (1, 120, E));
        assert_eq!(plan.absent[0].rows, 2);

        // Without times the merge can only sum.
        let people = [
            person("Anna Bērziņa", Some("anna.berzina@example.lv"), 90),
            person("Anna Bērziņa", None, 60),
        ];
        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(summary(&plan.present), vec![(1, 150, E)]);
        assert_eq!(plan.present[0].report_name, "Anna Bērziņa");
    }

    #[test]
    fn hand_made_people_merge_by_sum() {
        let mut odd = person("Anna Bērziņa", None, 100);
        odd.untimed_minutes = 0; // parts no longer add up to the minutes
        let people = [odd, person("Anna", Some("anna.berzina@example.lv"), 50)];
        let plan = plan_import(&people, &cohort(), THRESHOLD);
        assert_eq!(summary(&plan.present), vec![(1, 150, E)]);
    }

    #[test]
    fn threshold_is_inclusive_and_absent_have_zero() {
        let people = [
            person("Jānis Ozoliņš", None, 135),
            person("Inese Ūdre", None, 134),
        ];
        let plan = plan_import(&people, &cohort(), 135);
        assert_eq!(summary(&plan.present), vec![(2, 135, N)]);
        assert_eq!(
            summary(&plan.absent),
            vec![
                (1, 0, X),
                (3, 0, X),
                (4, 0, X),
                (5, 0, X),
                (6, 134, N),
                (7, 0, X)
            ]
        );
        // Even at threshold zero, a registration with no row is not present.
        let plan = plan_import(&[], &cohort(), 0);
        assert!(plan.present.is_empty());
        assert_eq!(plan.absent.len(), 7);
    }

    #[test]
    fn duplicate_candidates_appear_once() {
        let candidates = [
            candidate(1, "anna.berzina@example.lv", "Anna Bērziņa"),
            candidate(1, "anna.berzina@example.lv", "Anna Bērziņa"),
        ];
        let plan = plan_import(&[person("Anna Bērziņa", None, 150)], &candidates, THRESHOLD);
        assert_eq!(summary(&plan.present), vec![(1, 150, N)]);
        assert!(plan.absent.is_empty());
    }

    #[test]
    fn manual_assignments_come_first() {
        let people = sum_by_person(&read_report(US).expect("reads").rows);
        let assignments = [
            Assignment {
                person_key: "zane liepa".into(),
                registration_id: 7,
            },
            Assignment {
                person_key: "zane liepa".into(),
                registration_id: 1,
            },
            Assignment {
                person_key: "kristine.organizatore@cohort.lv".into(),
                registration_id: 99,
            },
        ];
        let plan = plan_import_with(&people, &cohort(), THRESHOLD, &assignments);
        assert!(plan.absent.iter().any(|m| m.registration_id == 7
            && m.minutes == 50
            && m.matched_by == MatchedBy::Manual
            && m.report_name == "Zane Liepa"));
        assert_eq!(
            unmatched_keys(&plan),
            vec!["kristine.organizatore@cohort.lv"]
        );
    }

    // --------------------------------------------------------- properties

    const NAMES: [&str; 8] = [
        "Anna Bērziņa",
        "anna bērziņa",
        "Jānis Ozoliņš",
        "Līga Kalniņa",
        "Māris Šķēle (Guest)",
        "Ģirts Ļaksa",
        "Inese Ūdre",
        "iPhone",
    ];
    const EMAILS: [&str; 5] = [
        "anna.berzina@example.lv",
        "Anna.Berzina@Example.lv",
        "janis.ozolins@example.lv",
        "girts.laksa@example.lv",
        "someone@else.lv",
    ];

    fn base() -> NaiveDateTime {
        dt("2026-11-21 08:00:00")
    }

    fn arb_time() -> impl Strategy<Value = Option<NaiveDateTime>> {
        prop::option::weighted(
            0.85,
            (0i64..36_000).prop_map(|s| base() + chrono::Duration::seconds(s)),
        )
    }

    /// Any row, including contradictory times.
    fn arb_row() -> impl Strategy<Value = ReportRow> {
        (
            prop::sample::select(&NAMES[..]),
            prop::option::of(prop::sample::select(&NAMES[..])),
            prop::option::of(prop::sample::select(&EMAILS[..])),
            arb_time(),
            arb_time(),
            0u32..400,
            prop::option::of(any::<bool>()),
        )
            .prop_map(
                |(name, original, email, join, leave, minutes, guest)| ReportRow {
                    name: name.to_string(),
                    original_name: original.map(str::to_string),
                    email: email.map(str::to_string),
                    join,
                    leave,
                    minutes,
                    guest,
                },
            )
    }

    /// A row as Zoom writes it: the duration is the stint rounded up.
    fn arb_consistent_row() -> impl Strategy<Value = ReportRow> {
        (arb_row(), 0i64..36_000, 0i64..12_000).prop_map(|(mut row, start, length)| {
            let join = base() + chrono::Duration::seconds(start);
            let leave = join + chrono::Duration::seconds(length);
            row.join = Some(join);
            row.leave = Some(leave);
            row.minutes = ceil_minutes(length);
            row
        })
    }

    fn arb_candidates() -> impl Strategy<Value = Vec<Candidate>> {
        prop::collection::vec(
            (
                1i32..12,
                prop::sample::select(&EMAILS[..]),
                prop::sample::select(&NAMES[..]),
            ),
            0..10,
        )
        .prop_map(|list| {
            list.into_iter()
                .map(|(id, email, name)| candidate(id, &email.to_lowercase(), name))
                .collect()
        })
    }

    fn ids(list: &[Matched]) -> BTreeSet<i32> {
        list.iter().map(|m| m.registration_id).collect()
    }

    /// Invariants that hold for any people and candidates.
    fn check_plan(people: &[PersonMinutes], candidates: &[Candidate], threshold: u32) {
        let plan = plan_import(people, candidates, threshold);
        let distinct: BTreeSet<i32> = candidates.iter().map(|c| c.registration_id).collect();
        let mut seen: Vec<i32> = plan
            .present
            .iter()
            .chain(&plan.absent)
            .map(|m| m.registration_id)
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, distinct.into_iter().collect::<Vec<_>>());
        assert!(plan
            .present
            .iter()
            .all(|m| m.minutes >= threshold && m.rows > 0));
        assert!(plan
            .absent
            .iter()
            .all(|m| m.minutes < threshold || m.rows == 0));
        // Each report person lands in exactly one place.
        let placed: usize = plan
            .present
            .iter()
            .chain(&plan.absent)
            .map(|m| m.rows)
            .sum::<usize>()
            + plan.unmatched.iter().map(|p| p.rows).sum::<usize>();
        assert_eq!(placed, people.iter().map(|p| p.rows).sum::<usize>());
    }

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
        fn summed_minutes_ignore_row_order(
            (rows, shuffled) in prop::collection::vec(arb_row(), 0..40)
                .prop_flat_map(|rows| (Just(rows.clone()), Just(rows).prop_shuffle())),
            candidates in arb_candidates(),
            threshold in 0u32..300,
        ) {
            let people = sum_by_person(&rows);
            prop_assert_eq!(&people, &sum_by_person(&shuffled));
            let mut reversed = people.clone();
            reversed.reverse();
            prop_assert_eq!(
                plan_import(&people, &candidates, threshold),
                plan_import(&reversed, &candidates, threshold)
            );
        }

        #[test]
        fn a_person_is_never_counted_twice(
            rows in prop::collection::vec(arb_row(), 0..40),
            candidates in arb_candidates(),
            threshold in 0u32..300,
        ) {
            let people = sum_by_person(&rows);
            let keys: BTreeSet<&str> = people.iter().map(|p| p.key.as_str()).collect();
            prop_assert_eq!(keys.len(), people.len());
            prop_assert_eq!(people.iter().map(|p| p.rows).sum::<usize>(), rows.len());
            check_plan(&people, &candidates, threshold);
        }

        #[test]
        fn union_is_bounded_by_the_rows(rows in prop::collection::vec(arb_consistent_row(), 1..30)) {
            for person in sum_by_person(&rows) {
                let own: Vec<&ReportRow> = rows.iter().filter(|r| person_key(r) == person.key).collect();
                let sum = own.iter().map(|r| r.minutes).sum::<u32>();
                let max = own.iter().map(|r| r.minutes).max().unwrap_or(0);
                prop_assert!(person.minutes <= sum, "{} > {}", person.minutes, sum);
                prop_assert!(person.minutes >= max, "{} < {}", person.minutes, max);
            }
        }

        #[test]
        fn present_is_monotone_in_threshold(
            rows in prop::collection::vec(arb_row(), 0..40),
            candidates in arb_candidates(),
            low in 0u32..300,
            extra in 0u32..300,
        ) {
            let people = sum_by_person(&rows);
            let lower = ids(&plan_import(&people, &candidates, low).present);
            let higher = ids(&plan_import(&people, &candidates, low + extra).present);
            prop_assert!(higher.is_subset(&lower));
        }

        #[test]
        fn every_candidate_exactly_once(
            rows in prop::collection::vec(arb_row(), 0..20),
            candidates in arb_candidates(),
            threshold in 0u32..300,
        ) {
            let people = sum_by_person(&rows);
            let plan = plan_import(&people, &candidates, threshold);
            let present = ids(&plan.present);
            let absent = ids(&plan.absent);
            prop_assert!(present.is_disjoint(&absent));
            prop_assert_eq!(present.len() + absent.len(), plan.present.len() + plan.absent.len());
            let all: BTreeSet<i32> = present.union(&absent).copied().collect();
            let expected: BTreeSet<i32> = candidates.iter().map(|c| c.registration_id).collect();
            prop_assert_eq!(all, expected);
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
