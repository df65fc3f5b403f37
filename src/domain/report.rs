//! What the organisers' dashboard and the funders' report say about a
//! cycle, worked out from counts the database has already added up: where
//! the cycle stands, days to its deadline, the outcome counts, headcounts by
//! country, kind of institution and region, and registrations per day.
//!
//! Which registrations count (the same everywhere in the reports):
//! - *registered*: every registration ever made, whatever became of it
//!   (pending, confirmed, waitlisted, cancelled, expired);
//! - *participants*: `confirmed` registrations, the only ones that can be
//!   marked present or earn the outcome (rule 6);
//! - *attended*: participants marked present at one session or more.
//!
//! Erased registrations keep their status, country, region, kind of
//! institution, registration time and attendance (see `db::privacy::erase`),
//! so they stay in every count; only their names are gone.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::eligibility::{verdict, Verdict};
use super::window::{Window, WindowState};
use super::Status;

/// A session's start and end.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// Where a cycle stands, as the dashboard names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CycleState {
    /// Not published: only organisers see it.
    Draft,
    /// Published, registration not open yet.
    Upcoming,
    /// Registration is open.
    Open,
    /// Registration closed, no session started yet.
    Closed,
    /// The first session has started, the last not ended.
    Running,
    /// The last session has ended.
    Finished,
}

impl CycleState {
    pub fn as_str(self) -> &'static str {
        match self {
            CycleState::Draft => "draft",
            CycleState::Upcoming => "upcoming",
            CycleState::Open => "open",
            CycleState::Closed => "closed",
            CycleState::Running => "running",
            CycleState::Finished => "finished",
        }
    }

    /// From whether it is published, its registration window and its
    /// sessions (start, end). Once the first session has started the
    /// cycle is running, even while registration stays open.
    pub fn of(published: bool, window: Window, sessions: &[Span], now: DateTime<Utc>) -> Self {
        if !published {
            return CycleState::Draft;
        }
        let first_start = sessions.iter().map(|(s, _)| *s).min();
        let last_end = sessions.iter().map(|(_, e)| *e).max();
        if last_end.is_some_and(|end| end <= now) {
            return CycleState::Finished;
        }
        if first_start.is_some_and(|start| start <= now) {
            return CycleState::Running;
        }
        match window.state(now) {
            WindowState::NotYetOpen => CycleState::Upcoming,
            WindowState::Open => CycleState::Open,
            WindowState::Closed => CycleState::Closed,
        }
    }
}

/// Whole days left until the registration deadline, counted in the cycle's
/// zone: 0 on the closing day itself, `None` once registration has closed.
pub fn days_to_deadline(window: Window, tz: Tz, now: DateTime<Utc>) -> Option<i64> {
    if window.state(now) == WindowState::Closed {
        return None;
    }
    let today = now.with_timezone(&tz).date_naive();
    let closing_day = window.closes.with_timezone(&tz).date_naive();
    Some((closing_day - today).num_days().max(0))
}

/// The next session: the first (in time) that has not ended yet, so a
/// session under way now is still "next".
pub fn next_session(sessions: &[Span], now: DateTime<Utc>) -> Option<usize> {
    sessions
        .iter()
        .enumerate()
        .filter(|(_, (_, end))| *end > now)
        .min_by_key(|(_, (start, _))| *start)
        .map(|(i, _)| i)
}

/// Registrations of a cycle by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub pending: u64,
    pub confirmed: u64,
    pub waitlisted: u64,
    pub cancelled: u64,
    pub expired: u64,
}

impl StatusCounts {
    pub fn add(&mut self, status: Status, n: u64) {
        match status {
            Status::Pending => self.pending += n,
            Status::Confirmed => self.confirmed += n,
            Status::Waitlisted => self.waitlisted += n,
            Status::Cancelled => self.cancelled += n,
            Status::Expired => self.expired += n,
        }
    }

    /// Every registration ever made.
    pub fn registered(&self) -> u64 {
        self.pending + self.confirmed + self.waitlisted + self.cancelled + self.expired
    }
}

/// Participants by where they stand against the attendance rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub eligible: u64,
    pub still_possible: u64,
    pub no_longer_possible: u64,
    /// Participants marked present at one session or more.
    pub attended_any: u64,
}

impl OutcomeCounts {
    /// From (sessions attended, participants who attended that many) — one
    /// entry per confirmed participant or already grouped — the sessions
    /// still to be held and the cycle's `min_sessions`.
    pub fn tally(
        attended: impl IntoIterator<Item = (u32, u64)>,
        remaining: u32,
        min_sessions: u32,
    ) -> Self {
        let mut counts = Self::default();
        for (sessions, people) in attended {
            match verdict(sessions, remaining, min_sessions) {
                Verdict::Eligible => counts.eligible += people,
                Verdict::StillPossible => counts.still_possible += people,
                Verdict::NoLongerPossible => counts.no_longer_possible += people,
            }
            if sessions > 0 {
                counts.attended_any += people;
            }
        }
        counts
    }
}

/// People in one group (a country, a kind of institution, a region).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Headcount {
    pub registered: u64,
    pub participants: u64,
    pub attended: u64,
}

/// Headcounts by group, largest (by participants, then registered) first.
/// Groups whose names differ only in case, accents or spaces are one group
/// ("Talsu novads", "talsu novads ").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown {
    pub rows: Vec<(String, Headcount)>,
}

impl Breakdown {
    /// From (group, status, people) and (group, attended people).
    pub fn of(
        by_status: impl IntoIterator<Item = (String, Status, u64)>,
        attended: impl IntoIterator<Item = (String, u64)>,
    ) -> Self {
        // Per group: its counts and how often each spelling was used.
        let mut groups: BTreeMap<String, (BTreeMap<String, u64>, Headcount)> = BTreeMap::new();
        let mut add = |label: &str, people: u64, f: &dyn Fn(&mut Headcount)| {
            let label = label.trim();
            let key = super::text::fold(label)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let slot = groups.entry(key).or_default();
            *slot.0.entry(label.to_string()).or_default() += people;
            f(&mut slot.1);
        };
        for (label, status, n) in by_status {
            add(&label, n, &|h: &mut Headcount| {
                h.registered += n;
                if status == Status::Confirmed {
                    h.participants += n;
                }
            });
        }
        for (label, n) in attended {
            add(&label, 0, &|h: &mut Headcount| h.attended += n);
        }
        // Shown as the spelling most people used (ties: the first in code
        // point order, so capitals first), the same on every run.
        let groups = groups.into_values().map(|(spellings, counts)| {
            let label = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(spelling, _)| spelling)
                .unwrap_or_default();
            (label, counts)
        });
        let mut rows: Vec<(String, Headcount)> = groups.collect();
        rows.sort_by(|a, b| {
            (b.1.participants, b.1.registered)
                .cmp(&(a.1.participants, a.1.registered))
                .then_with(|| super::text::latvian_cmp(&a.0, &b.0))
        });
        Self { rows }
    }

    pub fn total(&self) -> Headcount {
        self.rows
            .iter()
            .fold(Headcount::default(), |sum, (_, h)| Headcount {
                registered: sum.registered + h.registered,
                participants: sum.participants + h.participants,
                attended: sum.attended + h.attended,
            })
    }
}

/// Registrations per day in the cycle's zone, every day from the first to
/// the last with a registration (quiet days as 0), from counts per UTC
/// quarter hour: every zone's midnight falls on one (India's +5:30, Nepal's
/// +5:45 included), so no quarter straddles two local days.
pub fn per_day(quarters: &[(NaiveDateTime, u64)], tz: Tz) -> Vec<(NaiveDate, u64)> {
    let mut days: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (quarter, n) in quarters {
        let day = quarter.and_utc().with_timezone(&tz).date_naive();
        *days.entry(day).or_default() += n;
    }
    let (Some(first), Some(last)) = (
        days.keys().next().copied(),
        days.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| (d, days.get(&d).copied().unwrap_or(0)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    /// Seed 002: registration 1–29 November, sessions 4 December – 15 January.
    fn seed() -> (Window, Vec<Span>) {
        let window = Window {
            opens: at("2023-10-31T22:00:00Z"),
            closes: at("2023-11-29T21:59:00Z"),
        };
        let sessions = vec![
            (at("2023-12-04T08:00:00Z"), at("2023-12-04T14:00:00Z")),
            (at("2023-12-11T11:00:00Z"), at("2023-12-11T14:00:00Z")),
            (at("2024-01-15T11:00:00Z"), at("2024-01-15T14:00:00Z")),
        ];
        (window, sessions)
    }

    #[test]
    fn a_cycle_goes_from_draft_to_finished() {
        let (w, s) = seed();
        let state = |published, now| CycleState::of(published, w, &s, at(now));
        assert_eq!(state(false, "2023-11-15T10:00:00Z"), CycleState::Draft);
        assert_eq!(state(true, "2023-10-20T10:00:00Z"), CycleState::Upcoming);
        assert_eq!(state(true, "2023-11-15T10:00:00Z"), CycleState::Open);
        assert_eq!(
            state(true, "2023-11-29T21:59:30Z"),
            CycleState::Open,
            "all of the last minute counts"
        );
        assert_eq!(state(true, "2023-11-29T22:00:00Z"), CycleState::Closed);
        assert_eq!(state(true, "2023-12-04T08:00:00Z"), CycleState::Running);
        assert_eq!(state(true, "2023-12-20T08:00:00Z"), CycleState::Running);
        assert_eq!(state(true, "2024-01-15T14:00:00Z"), CycleState::Finished);
        assert_eq!(
            state(false, "2024-02-01T00:00:00Z"),
            CycleState::Draft,
            "a draft stays a draft"
        );
        // Registration open while sessions run: running wins.
        let late = Window {
            opens: w.opens,
            closes: at("2023-12-31T21:59:00Z"),
        };
        assert_eq!(
            CycleState::of(true, late, &s, at("2023-12-05T00:00:00Z")),
            CycleState::Running
        );
        // No sessions yet: the window alone decides.
        assert_eq!(
            CycleState::of(true, w, &[], at("2024-06-01T00:00:00Z")),
            CycleState::Closed
        );
    }

    #[test]
    fn days_to_the_deadline_are_counted_in_the_cycles_zone() {
        let (w, _) = seed();
        let riga = chrono_tz::Europe::Riga;
        assert_eq!(
            days_to_deadline(w, riga, at("2023-11-15T10:00:00Z")),
            Some(14)
        );
        // 28 November 23:30 in Riga is 21:30 UTC: one day left, not zero.
        assert_eq!(
            days_to_deadline(w, riga, at("2023-11-28T21:30:00Z")),
            Some(1)
        );
        // 29 November 00:30 in Riga is still 28 November in UTC: the last day.
        assert_eq!(
            days_to_deadline(w, riga, at("2023-11-28T22:30:00Z")),
            Some(0)
        );
        assert_eq!(days_to_deadline(w, riga, at("2023-11-29T22:00:00Z")), None);
        assert_eq!(
            days_to_deadline(w, riga, at("2023-10-01T10:00:00Z")),
            Some(59),
            "before opening: days to the deadline all the same"
        );
    }

    #[test]
    fn the_next_session_is_the_first_not_ended() {
        let (_, s) = seed();
        assert_eq!(next_session(&s, at("2023-11-15T10:00:00Z")), Some(0));
        assert_eq!(
            next_session(&s, at("2023-12-04T09:00:00Z")),
            Some(0),
            "under way"
        );
        assert_eq!(next_session(&s, at("2023-12-04T14:00:00Z")), Some(1));
        assert_eq!(next_session(&s, at("2024-02-01T00:00:00Z")), None);
    }

    #[test]
    fn outcome_counts_follow_the_rule() {
        // Four of five: 2 sessions left.
        let counts = OutcomeCounts::tally([(4, 1), (3, 2), (2, 1), (1, 1), (0, 3)], 2, 4);
        assert_eq!(counts.eligible, 1);
        assert_eq!(counts.still_possible, 3, "3 + 2 and 2 + 2 reach 4");
        assert_eq!(counts.no_longer_possible, 4);
        assert_eq!(counts.attended_any, 5);
        assert_eq!(OutcomeCounts::tally([], 5, 4), OutcomeCounts::default());
    }

    #[test]
    fn a_breakdown_merges_spellings_and_counts_honestly() {
        // "Riga" by most people: the group is shown so.
        let rows = Breakdown::of(
            [
                ("Talsu novads".to_string(), Status::Confirmed, 3),
                ("talsu  novads ".to_string(), Status::Cancelled, 1),
                ("Rīga".to_string(), Status::Confirmed, 1),
                ("Riga".to_string(), Status::Waitlisted, 2),
                ("Cēsis".to_string(), Status::Pending, 1),
            ],
            [("Talsu novads".to_string(), 2)],
        );
        assert_eq!(
            rows.rows,
            vec![
                (
                    "Talsu novads".to_string(),
                    Headcount {
                        registered: 4,
                        participants: 3,
                        attended: 2
                    }
                ),
                (
                    "Riga".to_string(),
                    Headcount {
                        registered: 3,
                        participants: 1,
                        attended: 0
                    }
                ),
                (
                    "Cēsis".to_string(),
                    Headcount {
                        registered: 1,
                        participants: 0,
                        attended: 0
                    }
                ),
            ]
        );
        assert_eq!(
            rows.total(),
            Headcount {
                registered: 8,
                participants: 4,
                attended: 2
            }
        );
    }

    #[test]
    fn registrations_per_day_are_local_days_with_quiet_days_filled() {
        let hour = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        let riga = chrono_tz::Europe::Riga;
        let days = per_day(
            &[
                (hour("2023-11-01 08:00:00"), 2),
                // 22:00 UTC is midnight in Riga: the next day there.
                (hour("2023-11-01 22:00:00"), 1),
                (hour("2023-11-04 10:00:00"), 3),
            ],
            riga,
        );
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            days,
            vec![
                (d("2023-11-01"), 2),
                (d("2023-11-02"), 1),
                (d("2023-11-03"), 0),
                (d("2023-11-04"), 3),
            ]
        );
        assert!(per_day(&[], riga).is_empty());
    }

    #[test]
    fn quarter_hours_put_each_registration_on_its_local_day_in_half_hour_zones() {
        let quarter = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Kolkata is +5:30: 18:15 UTC is 23:45 there, 18:30 UTC is midnight.
        let kolkata = chrono_tz::Asia::Kolkata;
        let days = per_day(
            &[
                (quarter("2023-11-01 18:15:00"), 2),
                (quarter("2023-11-01 18:30:00"), 5),
            ],
            kolkata,
        );
        assert_eq!(days, vec![(d("2023-11-01"), 2), (d("2023-11-02"), 5)]);
        // Kathmandu is +5:45: 18:00 UTC is 23:45, 18:15 UTC is midnight.
        let kathmandu = chrono_tz::Asia::Kathmandu;
        let days = per_day(
            &[
                (quarter("2023-11-01 18:00:00"), 1),
                (quarter("2023-11-01 18:15:00"), 4),
            ],
            kathmandu,
        );
        assert_eq!(days, vec![(d("2023-11-01"), 1), (d("2023-11-02"), 4)]);
    }
}
