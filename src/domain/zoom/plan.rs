//! From report rows to a plan: minutes per person (the union of their
//! join–leave intervals), then which registrations those people are and
//! which of them reach the session's threshold.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDateTime;

use super::row::{collapse_whitespace, normalise_name};
use super::ReportRow;

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

pub(super) fn usable_interval(
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

pub(super) fn ceil_minutes(seconds: i64) -> u32 {
    let seconds = u64::try_from(seconds).unwrap_or(0);
    u32::try_from(seconds.div_ceil(60)).unwrap_or(u32::MAX)
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

#[cfg(test)]
mod tests {
    use super::super::read_report;
    use super::super::test_support::*;
    use super::*;
    use proptest::prelude::*;

    use MatchedBy::{Email as E, Name as N, NotInReport as X};

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

    fn ids(list: &[Matched]) -> BTreeSet<i32> {
        list.iter().map(|m| m.registration_id).collect()
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

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

    }
}
