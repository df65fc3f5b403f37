//! After each session, participants who have not yet earned the cycle's
//! outcome hear where they stand (issue 9): how many sessions they still
//! need and whether that is still possible. When it goes out, and who hears
//! what, is decided here.

use chrono::{DateTime, Duration, Utc};

use super::eligibility::Verdict;

/// Time after a session ends for the organisers to finish its roster or
/// import its Zoom report, so the email does not speak too soon.
pub const GRACE_HOURS: i64 = 2;

/// Past this after the end (the attendance was recorded very late), the
/// email is no longer news: nothing is sent for that session.
pub const STALE_DAYS: i64 = 7;

/// Whether the progress emails of a session that ended at `ends` are due at
/// `now`: its attendance is recorded, the grace has passed, and neither the
/// next session has started (its news would be out of date) nor a week gone.
pub fn is_due(
    ends: DateTime<Utc>,
    next_starts: Option<DateTime<Utc>>,
    attendance_recorded: bool,
    now: DateTime<Utc>,
) -> bool {
    attendance_recorded
        && now >= ends + Duration::hours(GRACE_HOURS)
        && now < ends + Duration::days(STALE_DAYS)
        && next_starts.is_none_or(|next| now < next)
}

/// What one participant hears after a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tell {
    /// Earned already (or never can be asked of them): nothing.
    Nothing,
    /// Sessions still to go, and enough of them: how many more to attend.
    StillPossible,
    /// Too many missed: told once, not after every later session.
    NoLongerPossible,
}

/// Who hears what: only people who have not yet earned the outcome of a
/// cycle that has one.
pub fn tell(has_outcome: bool, verdict: Verdict) -> Tell {
    match (has_outcome, verdict) {
        (false, _) | (true, Verdict::Eligible) => Tell::Nothing,
        (true, Verdict::StillPossible) => Tell::StillPossible,
        (true, Verdict::NoLongerPossible) => Tell::NoLongerPossible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::verdict;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn due_two_hours_after_the_end_once_attendance_is_recorded() {
        let ends = utc("2023-12-11T14:00:00Z");
        let next = Some(utc("2023-12-18T11:00:00Z"));
        assert!(!is_due(ends, next, true, utc("2023-12-11T15:59:59Z")));
        assert!(is_due(ends, next, true, utc("2023-12-11T16:00:00Z")));
        assert!(!is_due(ends, next, false, utc("2023-12-12T09:00:00Z")));
        // Recorded three days later: told then.
        assert!(is_due(ends, next, true, utc("2023-12-14T09:00:00Z")));
    }

    #[test]
    fn not_once_the_next_session_started_or_a_week_passed() {
        let ends = utc("2023-12-11T14:00:00Z");
        let next = Some(utc("2023-12-12T07:00:00Z"));
        assert!(!is_due(ends, next, true, utc("2023-12-12T07:00:00Z")));
        assert!(!is_due(ends, None, true, utc("2023-12-18T14:00:00Z")));
        assert!(is_due(ends, None, true, utc("2023-12-18T13:59:00Z")));
    }

    #[test]
    fn the_seed_rule_four_of_five() {
        // After session 2 with one attended: 3 remain, 3 more needed.
        assert_eq!(tell(true, verdict(1, 3, 4)), Tell::StillPossible);
        // After session 2 with none attended: 0 + 3 < 4.
        assert_eq!(tell(true, verdict(0, 3, 4)), Tell::NoLongerPossible);
        assert_eq!(tell(true, verdict(4, 1, 4)), Tell::Nothing);
        // A cycle that earns nothing says nothing.
        assert_eq!(tell(false, verdict(0, 3, 4)), Tell::Nothing);
    }

    proptest! {
        /// Someone who met the rule never hears it, someone who can never
        /// meet it never hears "still possible".
        #[test]
        fn words_follow_the_verdict(attended in 0u32..10, remaining in 0u32..10, min in 1u32..10) {
            let told = tell(true, verdict(attended, remaining, min));
            prop_assert_eq!(told == Tell::Nothing, attended >= min);
            prop_assert_eq!(told == Tell::StillPossible, attended < min && attended + remaining >= min);
        }

        /// Never before the grace, never after the next start.
        #[test]
        fn due_window(end_min in 0i64..100_000, gap_min in 0i64..20_000, now_min in 0i64..200_000) {
            let base = utc("2023-12-01T00:00:00Z");
            let ends = base + Duration::minutes(end_min);
            let next = ends + Duration::minutes(gap_min);
            let now = base + Duration::minutes(now_min);
            if is_due(ends, Some(next), true, now) {
                prop_assert!(now >= ends + Duration::hours(GRACE_HOURS));
                prop_assert!(now < next);
            }
        }
    }
}
