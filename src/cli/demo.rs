//! `cohort demo`: the cycle of seed 002 (Latvian Museums Association, five
//! sessions, 30 seats, grant for 4 of 5) and one English example (seed 001's
//! Almaty training), with dates moved into the future so registration is open.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::config::Settings;
use crate::domain::cycle_file::parse_cycle_file;

/// The next Monday at least `days` days after `from`.
fn monday_after(from: NaiveDate, days: i64) -> NaiveDate {
    let mut d = from + Duration::days(days);
    while d.weekday() != Weekday::Mon {
        d += Duration::days(1);
    }
    d
}

pub fn latvian_cycle(today: NaiveDate) -> String {
    let first = monday_after(today, 21);
    let closes = first - Duration::days(5);
    let session = |weeks: i64| {
        (first + Duration::weeks(weeks))
            .format("%Y-%m-%d")
            .to_string()
    };
    format!(
        r#"
slug = "kopienas-{year}"
organisation = "lmb"
title = "Kopienu attīstības apmācību cikls"
description = """
Apmācību cikla mērķis ir sniegt teorētiskas zināšanas un bagātinošu pieredzi, lai iedrošinātu kultūras un atmiņas institūciju speciālistus veidot pozitīvas pārmaiņas savās kopienās, iesaistot dažādus kopienas pārstāvjus un veicinot kopienas saliedētību.

Nodarbību mērķauditorija ir reģionu muzeju, bibliotēku, arhīvu un galeriju speciālisti, kuri veido vai vēlas veidot aktīvu sadarbību ar vietējām kopienām un savas institūcijas redz kā kopienu centrus.

Nodarbības notiks latviešu valodā un būs pieejamas bez maksas. Lai pretendētu uz projektu konkursa grantu, nepieciešams piedalīties vismaz četrās nodarbībās. Dalībnieku skaits ir ierobežots."""
language = "lv"
timezone = "Europe/Riga"
capacity = 30
registration_opens = "{opens}T00:00"
registration_closes = "{closes}T23:59"
waitlist = true
require_email_confirmation = true
min_sessions = 4
published = true

[grant]
title = "Kopienu iniciatīvu projektu konkurss"
description = "Finansējums dalībnieku kopienu iniciatīvām."
apply_until = "{grant}T23:59"
max_amount = 1500

[[sessions]]
title = "Es un mana identitāte"
starts = "{s1}T10:00"
ends = "{s1}T16:00"
mode = "in_person"
location = "Latvijas Kara muzejs, Smilšu iela 20, Rīga"

[[sessions]]
title = "Es un citi"
starts = "{s2}T13:00"
ends = "{s2}T16:00"
mode = "online"
online_url = "https://zoom.us/j/0000000000"

[[sessions]]
title = "Es un kopiena"
starts = "{s3}T13:00"
ends = "{s3}T16:00"
mode = "online"
online_url = "https://zoom.us/j/0000000000"

[[sessions]]
title = "Kopienas izaicinājumi"
starts = "{s4}T13:00"
ends = "{s4}T16:00"
mode = "online"
online_url = "https://zoom.us/j/0000000000"

[[sessions]]
title = "Idejas kopienu iniciatīvām"
starts = "{s5}T13:00"
ends = "{s5}T16:00"
mode = "online"
online_url = "https://zoom.us/j/0000000000"
"#,
        year = first.year(),
        opens = (today - Duration::days(1)).format("%Y-%m-%d"),
        closes = closes.format("%Y-%m-%d"),
        grant = (first + Duration::weeks(16)).format("%Y-%m-%d"),
        s1 = session(0),
        s2 = session(1),
        s3 = session(2),
        s4 = session(5),
        s5 = session(6),
    )
}

pub fn english_cycle(today: NaiveDate) -> String {
    let first = monday_after(today, 35);
    let day = |n: i64| (first + Duration::days(n)).format("%Y-%m-%d").to_string();
    format!(
        r#"
slug = "museums-changing-world-{year}"
title = "Museums in a Changing World: museum management training"
description = """
A four-day regional training for museum professionals from Central Asia: museum management, marketing, and the museum's place in its community.

Sessions are held in English with Russian interpretation. Participants who attend at least three of the four days receive a certificate."""
language = "en"
timezone = "Asia/Almaty"
country = "KZ"
capacity = 70
registration_opens = "{opens}T09:00"
registration_closes = "{closes}T18:00"
waitlist = true
require_email_confirmation = true
min_sessions = 3
certificate = true
published = true

[[sessions]]
title = "The museum and its public"
starts = "{d1}T09:30"
ends = "{d1}T17:00"
mode = "in_person"
location = "Central State Museum, Samal-1 44, Almaty"

[[sessions]]
title = "Marketing and management"
starts = "{d2}T09:30"
ends = "{d2}T17:00"
mode = "in_person"
location = "Central State Museum, Samal-1 44, Almaty"

[[sessions]]
title = "Collections and community"
starts = "{d3}T09:30"
ends = "{d3}T17:00"
mode = "in_person"
location = "Central State Museum, Samal-1 44, Almaty"

[[sessions]]
title = "Project presentations"
starts = "{d4}T09:30"
ends = "{d4}T13:00"
mode = "online"
online_url = "https://zoom.us/j/0000000001"
"#,
        year = first.year(),
        opens = (today - Duration::days(1)).format("%Y-%m-%d"),
        closes = (first - Duration::days(10)).format("%Y-%m-%d"),
        d1 = day(0),
        d2 = day(1),
        d3 = day(2),
        d4 = day(3),
    )
}

pub fn load(settings: &Settings) -> anyhow::Result<()> {
    let services = crate::app::Services::new(
        super::commands::open(settings)?,
        std::sync::Arc::new(crate::clock::SystemClock),
    );
    let today = services.now().date_naive();
    // The Latvian seed cycle is run by the association that runs it in life.
    super::commands::run(crate::app::organisations::add(
        &services,
        "lmb",
        "Latvijas Muzeju biedrība",
    ))?
    .map_err(|p| anyhow::anyhow!("demo organisation invalid: {p:?}"))?;
    for text in [latvian_cycle(today), english_cycle(today)] {
        let spec =
            parse_cycle_file(&text).map_err(|p| anyhow::anyhow!("demo cycle invalid: {p:?}"))?;
        super::commands::save_spec(&services, &spec)?;
        println!(
            "loaded {} — {}/cycles/{}",
            spec.title,
            settings.base_url.trim_end_matches('/'),
            spec.slug
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_cycles_are_valid_and_open_today() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let now = today.and_hms_opt(12, 0, 0).unwrap().and_utc();
        for text in [latvian_cycle(today), english_cycle(today)] {
            let c = parse_cycle_file(&text).unwrap();
            assert_eq!(
                c.window.state(now),
                crate::domain::window::WindowState::Open
            );
            assert!(c.sessions.iter().all(|s| s.starts > c.window.closes));
        }
        let owner = parse_cycle_file(&latvian_cycle(today))
            .unwrap()
            .organisations
            .owner;
        assert_eq!(owner.map(|s| s.as_str().to_string()), Some("lmb".into()));
        assert_eq!(
            parse_cycle_file(&latvian_cycle(today))
                .unwrap()
                .sessions
                .len(),
            5
        );
    }
}
