//! Issues 10 and 11: the organisers' dashboard says where each cycle stands
//! and how it is going; the funders' report gives the same numbers by
//! country, kind of institution and region, as a page with charts (and
//! their numbers as text), as CSV and as XLSX.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use cohort::db::attendance::{Change, Source};
use diesel::prelude::*;

use crate::helpers::*;
use crate::on_both_backends;

/// Open at the seed's "now" (15 November 2023): two seats, a waiting list,
/// email confirmation (so new seats are pending).
const OPEN: &str = r#"
slug = "atverts"
title = "Atvērtais cikls"
capacity = 2
registration_opens = "2023-11-01T00:00"
registration_closes = "2023-11-29T23:59"
waitlist = true
require_email_confirmation = true
min_sessions = 1
published = true

[[sessions]]
title = "Pirmā"
starts = "2023-12-04T10:00"
ends = "2023-12-04T16:00"
mode = "in_person"
location = "Rīga"
"#;

/// Registration in October; two of three sessions held by 15 November.
const RUNNING: &str = r#"
slug = "notiek"
title = "Notiekošais cikls"
capacity = 10
registration_opens = "2023-10-01T00:00"
registration_closes = "2023-10-31T23:59"
waitlist = false
require_email_confirmation = false
min_sessions = 2
certificate = true
published = true

[[sessions]]
title = "Ievads"
starts = "2023-11-06T10:00"
ends = "2023-11-06T12:00"
mode = "in_person"
location = "Rīga"

[[sessions]]
title = "Prakse"
starts = "2023-11-13T10:00"
ends = "2023-11-13T12:00"
mode = "in_person"
location = "Rīga"

[[sessions]]
title = "Noslēgums"
starts = "2023-11-20T10:00"
ends = "2023-11-20T12:00"
mode = "in_person"
location = "Rīga"
"#;

const DRAFT: &str = r#"
slug = "melnraksts"
title = "Melnraksts"
capacity = 10
registration_opens = "2023-11-01T00:00"
registration_closes = "2023-11-29T23:59"
min_sessions = 1
published = false

[[sessions]]
title = "Vienīgā"
starts = "2023-12-04T10:00"
ends = "2023-12-04T16:00"
mode = "in_person"
location = "Rīga"
"#;

const FINISHED: &str = r#"
slug = "pagajis"
title = "Pagājušais cikls"
capacity = 10
registration_opens = "2023-09-01T00:00"
registration_closes = "2023-09-20T23:59"
min_sessions = 1
published = true

[[sessions]]
title = "Vienīgā"
starts = "2023-10-02T10:00"
ends = "2023-10-02T16:00"
mode = "in_person"
location = "Rīga"
"#;

/// Registers `p` from `country`, `kind` and `region` at the clock's time.
async fn register_from(app: &TestApp, slug: &str, p: &Person, origin: (&str, &str, &str)) -> i32 {
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{slug}")).await;
    let mut form = p.form(&csrf);
    for (name, value) in form.iter_mut() {
        match *name {
            "country" => *value = origin.0,
            "institution_type" => *value = origin.1,
            "region" => *value = origin.2,
            _ => {}
        }
    }
    let res = app
        .post_form(&browser, &format!("/cycles/{slug}/register"), &form)
        .await;
    assert_eq!(res.status().as_u16(), 303, "{} registered", p.email);
    let email = p.email.to_lowercase();
    let slug = slug.to_string();
    app.db()
        .read(move |c| {
            use cohort::db::schema::{cycles, registrations};
            Ok(registrations::table
                .inner_join(cycles::table)
                .filter(cycles::slug.eq(slug))
                .filter(registrations::email_normalised.eq(email))
                .select(registrations::id)
                .first::<i32>(c)?)
        })
        .await
        .expect("registration id")
}

/// Marks `reg_id` present at the sessions at `positions` of `slug`.
async fn present(app: &TestApp, slug: &str, reg_id: i32, positions: &[usize]) {
    let now = app.clock.now_utc();
    let (slug, positions) = (slug.to_string(), positions.to_vec());
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, &slug)?.expect("cycle");
            let sessions = cohort::db::cycles::sessions_of(c, cycle.id)?;
            let change = Change {
                source: Source::Manual,
                by: None,
                at: now,
                note: None,
            };
            for n in positions {
                cohort::db::attendance::set(c, reg_id, sessions[n - 1].id, true, None, &change)?;
            }
            Ok(())
        })
        .await
        .expect("attendance");
}

const SCRIPT_REGION: &str = "<script>alert(1)</script>";

/// The running cycle as the tests know it: five registrations over two
/// October days, one cancelled, attendance at the first two sessions, one
/// participant's data erased afterwards (still counted).
async fn running_cycle_with_people(app: &TestApp) {
    app.import_cycle(RUNNING).await;
    app.clock.set(utc("2023-10-10T09:00:00Z"));
    let p1 = register_from(
        app,
        "notiek",
        &Person::numbered(1),
        ("LV", "museum", "Talsu novads"),
    )
    .await;
    let p2 = register_from(
        app,
        "notiek",
        &Person::numbered(2),
        ("LV", "library", "talsu novads "),
    )
    .await;
    app.clock.set(utc("2023-10-12T09:00:00Z"));
    let p3 = register_from(
        app,
        "notiek",
        &Person::numbered(3),
        ("EE", "archive", SCRIPT_REGION),
    )
    .await;
    register_from(
        app,
        "notiek",
        &Person::numbered(4),
        ("LT", "museum", "Vilnius"),
    )
    .await;
    let p5 = register_from(
        app,
        "notiek",
        &Person::numbered(5),
        ("LV", "museum", "Cēsis"),
    )
    .await;
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| cohort::db::registrations::cancel(c, p5, now))
        .await
        .expect("cancel");
    app.clock.set(seed_now());
    present(app, "notiek", p1, &[1, 2]).await;
    present(app, "notiek", p2, &[1]).await;
    present(app, "notiek", p3, &[1]).await;
    // The participant who attended two sessions takes the certificate,
    // then has their data erased: both stay in the numbers.
    let reg = app
        .db()
        .read(move |c| cohort::db::registrations::by_id(c, p1))
        .await
        .unwrap()
        .unwrap();
    let token = app.state.keys.issue(
        cohort::tokens::Purpose::Participant,
        reg.id,
        &reg.token_nonce,
    );
    assert_eq!(
        app.get(&format!("/r/{token}/certificate"))
            .await
            .status()
            .as_u16(),
        200
    );
    cohort::app::privacy::erase(&app.state.services, p1)
        .await
        .unwrap()
        .expect("erased");
}

/// Each row matching `css`, its cells' texts joined by a space.
pub(crate) fn cells(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let rows = scraper::Selector::parse(css).expect("selector");
    let cell = scraper::Selector::parse("th, td").expect("selector");
    doc.select(&rows)
        .map(|row| {
            row.select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn card(html: &str, slug: &str, css: &str) -> Vec<String> {
    texts(html, &format!("#cycle-{slug} {css}"))
}

async fn the_dashboard_tells_each_cycles_state_and_numbers(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(DRAFT).await;
    app.import_cycle(FINISHED).await;
    running_cycle_with_people(&app).await;
    app.import_cycle(OPEN).await;
    app.clock.set(utc("2023-11-03T09:00:00Z"));
    for n in 11..=12 {
        register_from(
            &app,
            "atverts",
            &Person::numbered(n),
            ("LV", "museum", "Rīga"),
        )
        .await;
    }
    app.clock.set(seed_now());
    register_from(
        &app,
        "atverts",
        &Person::numbered(13),
        ("LV", "museum", "Rīga"),
    )
    .await;

    let organiser = app.login_as_organiser().await;
    let html = organiser
        .get(app.url("/admin?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    // Open: both seats held but not confirmed, one waiting, 14 days left.
    assert_eq!(
        card(&html, "atverts", ".dash-state"),
        ["State: Registration open"]
    );
    assert_eq!(card(&html, "atverts", ".dash-seats"), ["2 / 2"]);
    assert_eq!(card(&html, "atverts", ".dash-pending"), ["2"]);
    assert_eq!(card(&html, "atverts", ".dash-waitlisted"), ["1"]);
    let deadline = card(&html, "atverts", ".dash-deadline").join("");
    assert!(
        deadline.starts_with("Registration closes in 14 days"),
        "{deadline}"
    );
    assert!(card(&html, "atverts", ".dash-next")[0].contains("1. Pirmā"));
    // Registrations per day: a chart named by its title, and its numbers
    // as a table, every day from the first to the last (quiet days as 0).
    let chart = card(&html, "atverts", "svg[role=img] title");
    assert_eq!(
        chart.first().map(String::as_str),
        Some("Registrations per day")
    );
    let days = cells(&html, "#cycle-atverts .chart-numbers tbody tr");
    assert_eq!(days.len(), 13, "3 to 15 November: {days:?}");
    assert_eq!(days[0], "2023-11-03 2");
    assert_eq!(days[1], "2023-11-04 0");
    assert_eq!(days[12], "2023-11-15 1");

    // Running: attendance of the two sessions held, where people stand.
    assert_eq!(card(&html, "notiek", ".dash-state"), ["State: Running"]);
    assert_eq!(card(&html, "notiek", ".dash-seats"), ["4 / 10"]);
    assert_eq!(card(&html, "notiek", ".dash-participants"), ["4"]);
    assert_eq!(
        card(&html, "notiek", ".dash-attendance li"),
        ["1. Ievads: present: 3", "2. Prakse: present: 1"]
    );
    assert_eq!(card(&html, "notiek", ".dash-eligible"), ["1"]);
    assert_eq!(card(&html, "notiek", ".dash-still-possible"), ["2"]);
    assert_eq!(card(&html, "notiek", ".dash-no-longer-possible"), ["1"]);
    assert!(card(&html, "notiek", ".dash-next")[0].contains("3. Noslēgums"));
    assert!(card(&html, "notiek", ".dash-deadline")[0].starts_with("Registration closed on"));

    assert_eq!(card(&html, "melnraksts", ".dash-state"), ["State: Draft"]);
    assert_eq!(card(&html, "pagajis", ".dash-state"), ["State: Finished"]);
    assert!(card(&html, "pagajis", ".dash-next").is_empty());

    // Later the open cycle closes, and later still it runs.
    app.clock.set(utc("2023-11-30T08:00:00Z"));
    let html = organiser
        .get(app.url("/admin?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        card(&html, "atverts", ".dash-state"),
        ["State: Registration closed"]
    );
    app.clock.set(utc("2023-12-04T09:00:00Z"));
    let html = organiser
        .get(app.url("/admin?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(card(&html, "atverts", ".dash-state"), ["State: Running"]);
}

async fn download(organiser: &reqwest::Client, app: &TestApp, path: &str) -> Vec<u8> {
    let res = organiser.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.bytes().await.unwrap().to_vec()
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("XLSX");
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

fn row_of<'a>(rows: &'a [Vec<Data>], first: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r[0] == Data::String(first.into()))
        .unwrap_or_else(|| panic!("no row {first} in {rows:?}"))
}

async fn the_report_counts_people_by_origin_attendance_and_outcome(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    running_cycle_with_people(&app).await;
    let organiser = app.login_as_organiser().await;

    // The page: tables with the numbers, a chart beside each.
    let html = organiser
        .get(app.url("/admin/cycles/notiek/report?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&html, ".total-registered"), ["5"]);
    assert_eq!(texts(&html, ".total-participants"), ["4"]);
    assert_eq!(texts(&html, ".total-attended"), ["3"]);
    assert_eq!(
        cells(&html, "#table-country tbody tr"),
        ["LV 3 2 2", "EE 1 1 1", "LT 1 1 0"],
        "registered, participants, attended; the erased one still counted"
    );
    assert_eq!(cells(&html, "#table-country tfoot tr"), ["Total 5 4 3"]);
    assert_eq!(
        cells(&html, "#table-institution-type tbody tr"),
        ["Museum 3 2 1", "Archive 1 1 1", "Library 1 1 1"]
    );
    let regions = cells(&html, "#table-region tbody tr");
    assert_eq!(
        regions[0], "Talsu novads 2 2 2",
        "spellings merged: {regions:?}"
    );
    assert!(
        regions.contains(&format!("{SCRIPT_REGION} 1 1 1")),
        "{regions:?}"
    );
    assert!(regions.contains(&"Cēsis 1 0 0".to_string()), "{regions:?}");
    assert_eq!(
        cells(&html, "#table-sessions tbody tr"),
        ["1. Ievads 3", "2. Prakse 1", "3. Noslēgums 0"]
    );
    assert_eq!(
        cells(&html, "#table-outcomes tbody tr"),
        [
            "Eligible 1",
            "Still possible 2",
            "No longer possible 1",
            "Certificates issued 1"
        ]
    );
    assert_eq!(
        cells(&html, "#table-per-day tbody tr"),
        ["2023-10-10 2", "2023-10-11 0", "2023-10-12 3"]
    );
    let titles = texts(&html, "svg[role=img] > title");
    for title in [
        "Participants by country",
        "Participants by type of institution",
        "Participants by region or municipality",
        "Attendance per session",
        "Outcomes",
        "Registrations per day",
    ] {
        assert!(titles.contains(&title.to_string()), "{title} in {titles:?}");
    }
    // A region typed as markup is text, in the table and in the chart.
    assert!(!html.contains("<script>alert"), "never markup");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "escaped in the chart"
    );

    // The CSV: a byte-order mark, then one number a line.
    let csv = download(&organiser, &app, "/admin/cycles/notiek/report.csv").await;
    assert!(csv.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "section,item,measure,count");
    for expected in [
        "total,all,registered,5",
        "total,all,participants,4",
        "total,all,attended,3",
        "total,all,cancelled,1",
        "country,LV,registered,3",
        "country,LV,participants,2",
        "country,LT,attended,0",
        "institution_type,museum,participants,2",
        "region,Talsu novads,attended,2",
        "region,<script>alert(1)</script>,participants,1",
        "session,1. Ievads,present,3",
        "outcome,eligible,participants,1",
        "outcome,still_possible,participants,2",
        "outcome,no_longer_possible,participants,1",
        "outcome,certificate_issued,participants,1",
        "day,2023-10-11,registered,0",
        "day,2023-10-12,registered,3",
    ] {
        assert!(lines.contains(&expected), "{expected} in\n{text}");
    }

    // The XLSX: the same long table, and a readable sheet per section.
    let xlsx = download(&organiser, &app, "/admin/cycles/notiek/report.xlsx").await;
    let report = sheet(&xlsx, "report");
    assert_eq!(report.len(), lines.len(), "the CSV's twin");
    let countries = sheet(&xlsx, "countries");
    assert_eq!(
        countries[0],
        ["country", "registered", "participants", "attended"].map(|h| Data::String(h.into()))
    );
    assert_eq!(
        row_of(&countries, "LV")[1..],
        [Data::Float(3.0), Data::Float(2.0), Data::Float(2.0)]
    );
    let sessions = sheet(&xlsx, "sessions");
    assert_eq!(sessions[1][1], Data::String("Ievads".into()));
    assert_eq!(sessions[1][2], Data::Float(3.0));
    let outcomes = sheet(&xlsx, "outcomes");
    assert_eq!(row_of(&outcomes, "certificate_issued")[1], Data::Float(1.0));
    let days = sheet(&xlsx, "days");
    assert_eq!(row_of(&days, "2023-10-12")[1], Data::Float(3.0));
}

async fn the_report_across_cycles_has_a_row_per_cycle(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(DRAFT).await;
    running_cycle_with_people(&app).await;
    let organiser = app.login_as_organiser().await;
    let csv = download(&organiser, &app, "/admin/report.csv").await;
    assert!(csv.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "slug,title,state,capacity,registered,participants,attended,pending,waitlisted,\
         cancelled,expired,sessions,eligible,still_possible,no_longer_possible,certificate_issued"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines.contains(&"notiek,Notiekošais cikls,running,10,5,4,3,0,0,1,0,3,1,2,1,1"),
        "{text}"
    );
    assert!(
        lines.contains(&"melnraksts,Melnraksts,draft,10,0,0,0,0,0,0,0,1,0,0,0,0"),
        "{text}"
    );
    let xlsx = download(&organiser, &app, "/admin/report.xlsx").await;
    let rows = sheet(&xlsx, "report");
    assert_eq!(row_of(&rows, "notiek")[5], Data::Float(4.0));

    let html = organiser
        .get(app.url("/admin/report?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts(&html, "svg[role=img] > title"),
        ["Participants per cycle"]
    );
    assert!(html.contains("/admin/cycles/notiek/report"));
}

async fn reports_are_for_organisers_only(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(RUNNING).await;
    for path in [
        "/admin/report",
        "/admin/report.csv",
        "/admin/report.xlsx",
        "/admin/cycles/notiek/report",
        "/admin/cycles/notiek/report.csv",
        "/admin/cycles/notiek/report.xlsx",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 303, "{path} without a login");
    }
    let organiser = app.login_as_organiser().await;
    let res = organiser
        .get(app.url("/admin/cycles/no-such-cycle/report"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
}

/// The database counts registrations per UTC quarter hour, so that the
/// day of each is right in zones half or three quarters of an hour off UTC
/// (`report::per_day` turns quarters into local days).
async fn registrations_are_counted_per_utc_quarter_hour(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    for n in 1..=4 {
        app.register("kopienas-2023", &Person::numbered(n)).await;
    }
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
    let times = [
        at("2023-11-01 18:14:59"),
        at("2023-11-01 18:15:00"),
        at("2023-11-01 18:44:59"),
        at("2023-11-01 18:45:00"),
    ];
    let counted = app
        .db()
        .write(move |c| {
            use cohort::db::schema::{cycles, registrations};
            for (id, time) in (1..).zip(times) {
                let changed = diesel::update(registrations::table.find(id))
                    .set(registrations::registered_at.eq(time))
                    .execute(c)?;
                assert_eq!(changed, 1, "registration {id} exists");
            }
            let cycle: i32 = cycles::table.select(cycles::id).first(c)?;
            cohort::db::reports::registrations_per_quarter_hour(c, &[cycle])
        })
        .await
        .unwrap();
    let mut quarters: Vec<_> = counted
        .into_iter()
        .map(|(_, quarter, n)| (quarter, n))
        .collect();
    quarters.sort();
    assert_eq!(
        quarters,
        [
            (at("2023-11-01 18:00:00"), 1),
            (at("2023-11-01 18:15:00"), 1),
            (at("2023-11-01 18:30:00"), 1),
            (at("2023-11-01 18:45:00"), 1),
        ]
    );
}

on_both_backends!(
    registrations_are_counted_per_utc_quarter_hour,
    the_dashboard_tells_each_cycles_state_and_numbers,
    the_report_counts_people_by_origin_attendance_and_outcome,
    the_report_across_cycles_has_a_row_per_cycle,
    reports_are_for_organisers_only,
);
