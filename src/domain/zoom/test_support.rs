//! Fixtures, builders and invariants shared by the zoom module's tests.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use proptest::prelude::*;

use super::plan::ceil_minutes;
use super::{
    plan_import, read_report, Candidate, MatchPlan, Matched, MatchedBy, PersonMinutes, ReportError,
    ReportRow, ZoomReport,
};

pub(super) const US: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_summary_us.csv");
pub(super) const ISO: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_plain_iso.csv");
pub(super) const EU: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_semicolon_eu.csv");
pub(super) const W1257: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_windows1257.csv");
pub(super) const UTF16: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_utf16le_tab.txt");
pub(super) const FORMS: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/not_a_zoom_report.csv");
pub(super) const EXPORT_2024: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_2024_export.csv");
pub(super) const UNIQUE_USERS: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_unique_users.csv");
pub(super) const WEBINAR: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/webinar_attendee_report.csv");
pub(super) const MEETING_DATA_FLAT: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_meeting_data_flat.csv");
pub(super) const GERMAN: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_german.csv");
pub(super) const RUSSIAN: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_russian.csv");
pub(super) const BAD_DURATION: &[u8] =
    include_bytes!("../../../tests/fixtures/zoom/participants_bad_duration.csv");
pub(super) const FIXTURES: [&[u8]; 13] = [
    US,
    ISO,
    EU,
    W1257,
    UTF16,
    FORMS,
    EXPORT_2024,
    UNIQUE_USERS,
    WEBINAR,
    MEETING_DATA_FLAT,
    GERMAN,
    RUSSIAN,
    BAD_DURATION,
];

/// The fixtures' session threshold: 75 % of a three-hour session.
pub(super) const THRESHOLD: u32 = 135;

pub(super) fn candidate(id: i32, email: &str, name: &str) -> Candidate {
    Candidate {
        registration_id: id,
        email: email.to_string(),
        full_name: name.to_string(),
    }
}

pub(super) fn cohort() -> Vec<Candidate> {
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

pub(super) fn dt(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("test timestamp")
}

pub(super) fn by_key(people: &[PersonMinutes]) -> Vec<(&str, u32, usize)> {
    people
        .iter()
        .map(|p| (p.key.as_str(), p.minutes, p.rows))
        .collect()
}

pub(super) fn summary(list: &[Matched]) -> Vec<(i32, u32, MatchedBy)> {
    list.iter()
        .map(|m| (m.registration_id, m.minutes, m.matched_by))
        .collect()
}

pub(super) fn unmatched_keys(plan: &MatchPlan) -> Vec<&str> {
    plan.unmatched.iter().map(|p| p.key.as_str()).collect()
}

pub(super) fn read(text: &str) -> Result<ZoomReport, ReportError> {
    read_report(text.as_bytes())
}

pub(super) const NAMES: [&str; 8] = [
    "Anna Bērziņa",
    "anna bērziņa",
    "Jānis Ozoliņš",
    "Līga Kalniņa",
    "Māris Šķēle (Guest)",
    "Ģirts Ļaksa",
    "Inese Ūdre",
    "iPhone",
];
pub(super) const EMAILS: [&str; 5] = [
    "anna.berzina@example.lv",
    "Anna.Berzina@Example.lv",
    "janis.ozolins@example.lv",
    "girts.laksa@example.lv",
    "someone@else.lv",
];

pub(super) fn base() -> NaiveDateTime {
    dt("2026-11-21 08:00:00")
}

pub(super) fn arb_time() -> impl Strategy<Value = Option<NaiveDateTime>> {
    prop::option::weighted(
        0.85,
        (0i64..36_000).prop_map(|s| base() + chrono::Duration::seconds(s)),
    )
}

/// Any row, including contradictory times.
pub(super) fn arb_row() -> impl Strategy<Value = ReportRow> {
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
pub(super) fn arb_consistent_row() -> impl Strategy<Value = ReportRow> {
    (arb_row(), 0i64..36_000, 0i64..12_000).prop_map(|(mut row, start, length)| {
        let join = base() + chrono::Duration::seconds(start);
        let leave = join + chrono::Duration::seconds(length);
        row.join = Some(join);
        row.leave = Some(leave);
        row.minutes = ceil_minutes(length);
        row
    })
}

pub(super) fn arb_candidates() -> impl Strategy<Value = Vec<Candidate>> {
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

/// Invariants that hold for any people and candidates.
pub(super) fn check_plan(people: &[PersonMinutes], candidates: &[Candidate], threshold: u32) {
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
