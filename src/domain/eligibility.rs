//! Who may apply for the follow-up grant (rule 6).

/// "only those who attend at least four of the five sessions may apply"
/// — grant rule of the 2023/24 cycle (seed 002); `min_sessions` per cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Eligible,
    /// Enough sessions remain to reach the minimum.
    StillPossible,
    NoLongerPossible,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::StillPossible => "still-possible",
            Verdict::NoLongerPossible => "no-longer-possible",
        }
    }
}

/// `attended`: sessions marked present; `remaining`: sessions not yet held
/// (their attendance cannot be known yet).
pub fn verdict(attended: u32, remaining: u32, min_sessions: u32) -> Verdict {
    if attended >= min_sessions {
        Verdict::Eligible
    } else if attended + remaining >= min_sessions {
        Verdict::StillPossible
    } else {
        Verdict::NoLongerPossible
    }
}

/// Sessions that have not ended by `now`: the ones still to be attended.
pub fn sessions_remaining(
    ends: impl Iterator<Item = chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> u32 {
    ends.filter(|end| *end > now).count() as u32
}

/// Doors open an hour before a session: from then on its attendance may be
/// recorded. A mark before that is almost always the wrong session chosen,
/// so it needs an organiser's stated reason.
pub const DOORS_OPEN_MINUTES: i64 = 60;

/// When attendance of a session starting at `starts` may first be marked.
pub fn marking_opens(starts: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    starts - chrono::Duration::minutes(DOORS_OPEN_MINUTES)
}

/// Marking a session too early: when it becomes possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooEarly {
    pub opens: chrono::DateTime<chrono::Utc>,
}

/// Whether attendance of a session starting at `starts` may be marked at
/// `now`; before the doors open only with a reason (which the audit keeps).
pub fn may_mark(
    starts: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    reason: Option<&str>,
) -> Result<(), TooEarly> {
    let opens = marking_opens(starts);
    let has_reason = reason.is_some_and(|r| !r.trim().is_empty());
    if now >= opens || has_reason {
        Ok(())
    } else {
        Err(TooEarly { opens })
    }
}

/// How many more sessions a participant must attend; zero once eligible.
pub fn sessions_still_needed(attended: u32, min_sessions: u32) -> u32 {
    min_sessions.saturating_sub(attended)
}

/// A session as a participant's record shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Present,
    Absent,
    /// Not held yet: its attendance cannot be known.
    NotHeldYet,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Absent => "absent",
            Mark::NotHeldYet => "upcoming",
        }
    }
}

/// Where one participant stands: what every page, list and email about
/// eligibility renders, worked out in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// One mark per session, in session order (empty when built from a count).
    pub marks: Vec<Mark>,
    pub attended: u32,
    pub total: u32,
    /// Sessions not held yet.
    pub remaining: u32,
    pub still_needed: u32,
    pub verdict: Verdict,
}

impl Standing {
    /// From the sessions (id, end) and the ids of those attended.
    pub fn of(
        sessions: &[(i32, chrono::DateTime<chrono::Utc>)],
        present: &[i32],
        min_sessions: u32,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        let marks: Vec<Mark> = sessions
            .iter()
            .map(|(id, ends)| {
                if present.contains(id) {
                    Mark::Present
                } else if *ends > now {
                    Mark::NotHeldYet
                } else {
                    Mark::Absent
                }
            })
            .collect();
        let attended = marks.iter().filter(|m| **m == Mark::Present).count() as u32;
        let remaining = sessions_remaining(sessions.iter().map(|(_, ends)| *ends), now);
        Self {
            total: sessions.len() as u32,
            ..Self::from_count(attended, remaining, min_sessions)
        }
        .with_marks(marks)
    }

    /// From a count of sessions attended (the eligibility list's query).
    pub fn from_count(attended: u32, remaining: u32, min_sessions: u32) -> Self {
        Self {
            marks: Vec::new(),
            attended,
            total: 0,
            remaining,
            still_needed: sessions_still_needed(attended, min_sessions),
            verdict: verdict(attended, remaining, min_sessions),
        }
    }

    /// Only confirmed participants can earn the outcome; for anyone else it
    /// is no longer possible, whatever they attended.
    pub fn for_status(mut self, confirmed: bool) -> Self {
        if !confirmed {
            self.verdict = Verdict::NoLongerPossible;
        }
        self
    }

    fn with_marks(mut self, marks: Vec<Mark>) -> Self {
        self.marks = marks;
        self
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_session_is_marked_from_an_hour_before_or_with_a_reason() {
        let starts = chrono::DateTime::parse_from_rfc3339("2023-12-18T11:00:00Z")
            .unwrap()
            .to_utc();
        let hour = chrono::Duration::hours(1);
        let opens = starts - hour;
        assert_eq!(
            super::may_mark(starts, opens - chrono::Duration::seconds(1), None),
            Err(super::TooEarly { opens })
        );
        assert_eq!(super::may_mark(starts, opens, None), Ok(()));
        assert_eq!(super::may_mark(starts, starts + hour, None), Ok(()));
        assert_eq!(
            super::may_mark(starts, starts - chrono::Duration::hours(24), Some("  ")),
            Err(super::TooEarly { opens }),
            "a blank reason is no reason"
        );
        assert_eq!(
            super::may_mark(
                starts,
                starts - chrono::Duration::hours(24),
                Some("recorded from the paper list")
            ),
            Ok(())
        );
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seed_cycle_four_of_five() {
        assert_eq!(verdict(4, 0, 4), Verdict::Eligible);
        assert_eq!(verdict(5, 0, 4), Verdict::Eligible);
        assert_eq!(verdict(3, 0, 4), Verdict::NoLongerPossible);
        assert_eq!(verdict(3, 1, 4), Verdict::StillPossible);
        assert_eq!(verdict(0, 5, 4), Verdict::StillPossible);
        assert_eq!(verdict(0, 3, 4), Verdict::NoLongerPossible);
        assert_eq!(sessions_still_needed(3, 4), 1);
        assert_eq!(sessions_still_needed(5, 4), 0);
        let day = |d: u32| {
            chrono::NaiveDate::from_ymd_opt(2023, 12, d)
                .unwrap()
                .and_hms_opt(14, 0, 0)
                .unwrap()
                .and_utc()
        };
        let ends = [day(4), day(11), day(18)];
        assert_eq!(
            sessions_remaining(ends.into_iter(), day(11)),
            1,
            "a session ending now is over"
        );
        assert_eq!(sessions_remaining(ends.into_iter(), day(1)), 3);
    }

    proptest! {
        #[test]
        fn eligibility_is_monotone_in_attendance(a in 0u32..20, r in 0u32..20, m in 0u32..20) {
            let rank = |v: Verdict| match v { Verdict::NoLongerPossible => 0, Verdict::StillPossible => 1, Verdict::Eligible => 2 };
            prop_assert!(rank(verdict(a + 1, r, m)) >= rank(verdict(a, r, m)));
            // Holding one more session and attending it never makes things worse.
            prop_assert!(rank(verdict(a + 1, r.saturating_sub(1), m)) >= rank(verdict(a, r, m)));
        }

        #[test]
        fn eligible_exactly_when_minimum_reached(a in 0u32..20, r in 0u32..20, m in 0u32..20) {
            prop_assert_eq!(verdict(a, r, m) == Verdict::Eligible, a >= m);
        }
    }

    #[test]
    fn a_standing_tells_present_absent_and_not_held_yet() {
        let at = |h: i64| {
            chrono::DateTime::parse_from_rfc3339("2023-12-04T00:00:00Z")
                .unwrap()
                .with_timezone(&chrono::Utc)
                + chrono::Duration::hours(h)
        };
        let sessions = [(1, at(1)), (2, at(2)), (3, at(3)), (4, at(4)), (5, at(5))];
        let standing = Standing::of(&sessions, &[1, 3], 4, at(3));
        assert_eq!(
            standing.marks,
            [
                Mark::Present,
                Mark::Absent,
                Mark::Present,
                Mark::NotHeldYet,
                Mark::NotHeldYet
            ]
        );
        assert_eq!(
            (standing.attended, standing.total, standing.remaining),
            (2, 5, 2)
        );
        assert_eq!(standing.still_needed, 2);
        assert_eq!(standing.verdict, Verdict::StillPossible);
        assert_eq!(
            standing.clone().for_status(false).verdict,
            Verdict::NoLongerPossible
        );
        let all = Standing::of(&sessions, &[1, 2, 3, 4], 4, at(5));
        assert_eq!(all.verdict, Verdict::Eligible);
        assert_eq!(all.still_needed, 0);
    }
}
