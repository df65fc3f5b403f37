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

/// How many more sessions a participant must attend; zero once eligible.
pub fn sessions_still_needed(attended: u32, min_sessions: u32) -> u32 {
    min_sessions.saturating_sub(attended)
}

#[cfg(test)]
mod tests {
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
}
