//! When a session's reminder goes out (issue 9). A cycle either keeps the
//! default — the day before, at 10:00 on the cycle's clock, which is when
//! people read mail about tomorrow — or names a number of hours before the
//! start, or turns reminders off (0).

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;

use super::window::{local_to_utc, Ambiguity};

/// The most hours before a session a reminder may be set: two weeks.
pub const MAX_HOURS_BEFORE: u32 = 14 * 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderRule {
    /// The day before the session, at 10:00 in the cycle's zone.
    DayBefore,
    HoursBefore(u32),
    Off,
}

impl ReminderRule {
    /// From the stored setting: none = the default, 0 = off.
    pub fn from_setting(hours_before: Option<i32>) -> Self {
        match hours_before {
            None => ReminderRule::DayBefore,
            Some(hours) if hours <= 0 => ReminderRule::Off,
            Some(hours) => ReminderRule::HoursBefore(hours.unsigned_abs().min(MAX_HOURS_BEFORE)),
        }
    }

    /// The stored setting for this rule.
    pub fn setting(self) -> Option<i32> {
        match self {
            ReminderRule::DayBefore => None,
            ReminderRule::Off => Some(0),
            ReminderRule::HoursBefore(hours) => Some(hours as i32),
        }
    }

    /// When the reminder of a session starting at `starts` is due, or `None`
    /// when reminders are off. The day before is a calendar day in `tz`, so
    /// a session after a change to summer time is still reminded at 10:00.
    pub fn due_at(self, starts: DateTime<Utc>, tz: Tz) -> Option<DateTime<Utc>> {
        match self {
            ReminderRule::Off => None,
            ReminderRule::HoursBefore(hours) => Some(starts - Duration::hours(i64::from(hours))),
            ReminderRule::DayBefore => {
                let day_before = starts.with_timezone(&tz).date_naive().pred_opt()?;
                let ten = NaiveTime::from_hms_opt(10, 0, 0).expect("a valid time");
                Some(local_to_utc(
                    day_before.and_time(ten),
                    tz,
                    Ambiguity::Earlier,
                ))
            }
        }
    }

    /// Whether the reminder should go out at `now`: due, and the session has
    /// not started (a reminder after the start helps nobody).
    pub fn is_due(self, starts: DateTime<Utc>, tz: Tz, now: DateTime<Utc>) -> bool {
        self.due_at(starts, tz)
            .is_some_and(|due| due <= now && now < starts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const RIGA: Tz = chrono_tz::Europe::Riga;

    #[test]
    fn by_default_the_day_before_at_ten_riga_time() {
        // 4 December 2023, 10:00 Riga (08:00 UTC): reminded 3 December 10:00 Riga.
        let starts = utc("2023-12-04T08:00:00Z");
        let rule = ReminderRule::from_setting(None);
        assert_eq!(rule.due_at(starts, RIGA), Some(utc("2023-12-03T08:00:00Z")));
        assert!(!rule.is_due(starts, RIGA, utc("2023-12-03T07:59:59Z")));
        assert!(rule.is_due(starts, RIGA, utc("2023-12-03T08:00:00Z")));
        assert!(rule.is_due(starts, RIGA, utc("2023-12-04T07:59:59Z")));
        assert!(
            !rule.is_due(starts, RIGA, starts),
            "never once the session started"
        );
    }

    #[test]
    fn the_day_before_follows_the_change_to_summer_time() {
        // Riga moves to summer time on 31 March 2024 at 03:00. A session on
        // 1 April at 10:00 (07:00 UTC) is reminded 31 March at 10:00 summer
        // time, 07:00 UTC — not 08:00 UTC as winter time would give.
        let starts = utc("2024-04-01T07:00:00Z");
        assert_eq!(
            ReminderRule::DayBefore.due_at(starts, RIGA),
            Some(utc("2024-03-31T07:00:00Z"))
        );
        // And the session on 31 March itself: 30 March 10:00 winter time.
        let starts = utc("2024-03-31T07:00:00Z");
        assert_eq!(
            ReminderRule::DayBefore.due_at(starts, RIGA),
            Some(utc("2024-03-30T08:00:00Z"))
        );
    }

    #[test]
    fn the_day_before_is_a_day_in_the_cycles_zone_not_in_utc() {
        // 00:30 in Almaty on 2 March is 1 March 18:30 UTC: the day before is 1 March.
        let almaty: Tz = chrono_tz::Asia::Almaty;
        let starts = utc("2026-03-01T19:30:00Z");
        assert_eq!(starts.with_timezone(&almaty).format("%d").to_string(), "02");
        let due = ReminderRule::DayBefore.due_at(starts, almaty).unwrap();
        assert_eq!(
            due.with_timezone(&almaty)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            "2026-03-01 10:00"
        );
    }

    #[test]
    fn hours_before_and_off() {
        let starts = utc("2023-12-11T11:00:00Z");
        assert_eq!(
            ReminderRule::from_setting(Some(2)).due_at(starts, RIGA),
            Some(utc("2023-12-11T09:00:00Z"))
        );
        assert_eq!(ReminderRule::from_setting(Some(0)), ReminderRule::Off);
        assert_eq!(ReminderRule::Off.due_at(starts, RIGA), None);
        assert!(!ReminderRule::Off.is_due(starts, RIGA, starts - Duration::hours(1)));
    }

    proptest! {
        #[test]
        fn a_reminder_is_never_due_after_its_session_starts(
            start_secs in 1_600_000_000i64..1_900_000_000,
            offset in -3_000_000i64..3_000_000,
            hours in proptest::option::of(0i32..400),
        ) {
            let starts = DateTime::from_timestamp(start_secs, 0).unwrap();
            let now = starts + Duration::seconds(offset);
            let rule = ReminderRule::from_setting(hours);
            if rule.is_due(starts, RIGA, now) {
                prop_assert!(now < starts);
                prop_assert!(starts - now <= Duration::hours(i64::from(MAX_HOURS_BEFORE)) + Duration::days(2));
            }
            prop_assert_eq!(ReminderRule::from_setting(rule.setting()), rule);
        }
    }
}
