//! The registration window, read in the cycle's time zone (rules 1 and 8).

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("not a date and time (expected YYYY-MM-DDTHH:MM)")]
    Format,
    #[error("unknown time zone")]
    Zone,
}

pub fn parse_zone(name: &str) -> Result<Tz, TimeError> {
    name.trim().parse::<Tz>().map_err(|_| TimeError::Zone)
}

/// Parses "2023-11-29T23:59", "2023-11-29 23:59", with optional seconds,
/// or a bare date "2023-11-29" (read as the start of that day).
pub fn parse_local(raw: &str) -> Result<NaiveDateTime, TimeError> {
    let s = raw.trim();
    for fmt in [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(t);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.and_time(NaiveTime::MIN))
        .map_err(|_| TimeError::Format)
}

/// Like `parse_local`, but a bare date means the end of that day: "until
/// 29 November" is 29 November 23:59 (rule 1).
pub fn parse_local_end(raw: &str) -> Result<NaiveDateTime, TimeError> {
    match NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d") {
        Ok(d) => Ok(d.and_hms_opt(23, 59, 0).expect("valid time")),
        Err(_) => parse_local(raw),
    }
}

/// Which instant to take when a wall-clock time happens twice (autumn DST change).
#[derive(Debug, Clone, Copy)]
pub enum Ambiguity {
    Earlier,
    Later,
}

/// Local wall-clock time in `tz` to UTC. A time that does not exist (the spring
/// DST gap) moves forward to the first instant after the gap, as clocks do.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz, pick: Ambiguity) -> DateTime<Utc> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(a, b) => match pick {
            Ambiguity::Earlier => a.min(b).with_timezone(&Utc),
            Ambiguity::Later => a.max(b).with_timezone(&Utc),
        },
        LocalResult::None => {
            // Gaps are at most a few hours; walk forward minute by minute.
            let mut probe = local;
            for _ in 0..(24 * 60) {
                probe += Duration::minutes(1);
                if let Some(t) = tz.from_local_datetime(&probe).earliest() {
                    return t.with_timezone(&Utc);
                }
            }
            Utc.from_utc_datetime(&local)
        }
    }
}

pub fn utc_to_local(t: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}

/// When registration is open. `closes` is the last included minute: "until
/// 29 November" means 29 November 23:59, and all of that minute counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub opens: DateTime<Utc>,
    pub closes: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WindowState {
    NotYetOpen,
    Open,
    Closed,
}

impl Window {
    /// From the local times of a cycle file or form.
    pub fn from_local(opens: NaiveDateTime, closes: NaiveDateTime, tz: Tz) -> Self {
        Self {
            opens: local_to_utc(opens, tz, Ambiguity::Earlier),
            // Generous on the closing side: if 02:30 happens twice, the later one.
            closes: local_to_utc(closes, tz, Ambiguity::Later),
        }
    }

    pub fn state(&self, now: DateTime<Utc>) -> WindowState {
        if now < self.opens {
            WindowState::NotYetOpen
        } else if now < self.closes + Duration::minutes(1) {
            WindowState::Open
        } else {
            WindowState::Closed
        }
    }

    pub fn is_valid(&self) -> bool {
        self.opens <= self.closes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Riga;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn seed_window() -> Window {
        Window::from_local(
            parse_local("2023-11-01T00:00").unwrap(),
            parse_local("2023-11-29T23:59").unwrap(),
            Riga,
        )
    }

    #[test]
    fn until_29_november_means_the_whole_day_in_riga() {
        let w = seed_window();
        // Riga is UTC+2 in November: 23:59:59 local = 21:59:59 UTC.
        assert_eq!(w.state(utc("2023-11-29T21:59:59Z")), WindowState::Open);
        assert_eq!(w.state(utc("2023-11-29T22:00:00Z")), WindowState::Closed);
        assert_eq!(
            w.state(utc("2023-10-31T21:59:59Z")),
            WindowState::NotYetOpen
        );
        assert_eq!(w.state(utc("2023-10-31T22:00:00Z")), WindowState::Open);
    }

    #[test]
    fn summer_time_is_utc_plus_three() {
        let w = Window::from_local(
            parse_local("2024-06-01T09:00").unwrap(),
            parse_local_end("2024-06-10").unwrap(),
            Riga,
        );
        assert_eq!(w.opens, utc("2024-06-01T06:00:00Z"));
        assert_eq!(
            w.closes,
            utc("2024-06-10T20:59:00Z"),
            "a bare closing date is the whole day"
        );
    }

    #[test]
    fn spring_gap_moves_forward_and_autumn_repeat_is_generous_when_closing() {
        // 2024-03-31 03:30 does not exist in Riga (03:00 → 04:00).
        let t = local_to_utc(
            parse_local("2024-03-31T03:30").unwrap(),
            Riga,
            Ambiguity::Earlier,
        );
        assert_eq!(t, utc("2024-03-31T01:00:00Z"));
        // 2024-10-27 03:30 happens twice (UTC 00:30 and 01:30).
        let w = Window::from_local(
            parse_local("2024-10-01T00:00").unwrap(),
            parse_local("2024-10-27T03:30").unwrap(),
            Riga,
        );
        assert_eq!(w.closes, utc("2024-10-27T01:30:00Z"));
        assert_eq!(w.state(utc("2024-10-27T01:30:59Z")), WindowState::Open);
    }

    #[test]
    fn parses_the_formats_organisers_type() {
        assert!(parse_local("2023-11-29T23:59").is_ok());
        assert!(parse_local("2023-11-29 23:59:30").is_ok());
        assert!(parse_local("2023-11-29").is_ok());
        assert_eq!(parse_local("29.11.2023"), Err(TimeError::Format));
        assert_eq!(
            parse_local_end("2023-11-29").unwrap().to_string(),
            "2023-11-29 23:59:00"
        );
        assert_eq!(
            parse_local_end("2023-11-29T18:00").unwrap().to_string(),
            "2023-11-29 18:00:00"
        );
        assert_eq!(parse_zone("Mars/Olympus"), Err(TimeError::Zone));
        assert!(parse_zone("Europe/Riga").is_ok());
    }

    proptest! {
        #[test]
        fn window_states_are_ordered_in_time(a in 0i64..10_000_000, b in 0i64..10_000_000) {
            let w = seed_window();
            let (t1, t2) = (w.opens + Duration::seconds(a.min(b) - 5_000_000), w.opens + Duration::seconds(a.max(b) - 5_000_000));
            let rank = |s| match s { WindowState::NotYetOpen => 0, WindowState::Open => 1, WindowState::Closed => 2 };
            prop_assert!(rank(w.state(t1)) <= rank(w.state(t2)));
        }

        #[test]
        fn local_round_trip_outside_gaps(days in 0i64..3650, minutes in 0i64..1440) {
            let local = parse_local("2020-01-01T00:00").unwrap() + Duration::days(days) + Duration::minutes(minutes);
            let utc = local_to_utc(local, Riga, Ambiguity::Earlier);
            if Riga.from_local_datetime(&local).single().is_some() {
                prop_assert_eq!(utc_to_local(utc, Riga), local);
            }
        }
    }
}
