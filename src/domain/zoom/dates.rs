//! Join and leave times as Zoom and re-saving spreadsheets write them.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::header::clean;

/// Whether "05/11/2026" is 5 November or 11 May in this file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SlashOrder {
    MonthFirst,
    DayFirst,
}

/// Zoom writes month first; a file re-saved in a day-first locale shows
/// itself by a first number above 12, and then the whole file is day-first.
pub(super) fn slash_order(records: &[csv::StringRecord]) -> SlashOrder {
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
pub(super) fn parse_datetime(raw: &str, order: SlashOrder) -> Option<NaiveDateTime> {
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
    use super::super::test_support::{dt, read};
    use super::*;

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
}
