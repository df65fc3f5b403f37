//! Issue 3: registration rules, email and the rush (the waitlist is in
//! `waitlist`).

use std::time::Duration;

use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;

pub(crate) const SLUG: &str = "kopienas-2023";

pub(crate) fn small_cycle(capacity: u32, waitlist: bool) -> String {
    SEED_CYCLE
        .replace("capacity = 30", &format!("capacity = {capacity}"))
        .replace("waitlist = true", &format!("waitlist = {waitlist}"))
}

async fn count_registrations(app: &TestApp) -> usize {
    app.db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            cohort::db::registrations::list(c, cy.id, &Default::default())
        })
        .await
        .unwrap()
        .len()
}

pub(crate) fn participant_path(mail: &crate::smtp::ReceivedMail) -> String {
    let text = mail.text_body();
    let start = text.find("/r/").expect("link in the text part");
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    link
}

async fn a_registration_holds_a_seat_and_sends_the_email(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let res = app
        .register_with(
            &browser,
            SLUG,
            &Person::new("Anna", "Bērziņa", "Anna.Berzina@Muzejs.lv"),
        )
        .await;
    assert_redirect_to(&res, "/cycles/kopienas-2023/registered?outcome=pending");
    let page = browser
        .get(app.url("/cycles/kopienas-2023/registered?outcome=pending"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Vieta jums ir rezervēta"), "{page}");
    // A reload in another language still says what happened.
    let en = app
        .browser()
        .get(app.url("/cycles/kopienas-2023/registered?outcome=pending&lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("Your seat is held"), "{en}");

    let mails = app.emails(1).await;
    let m = &mails[0];
    assert_eq!(m.rcpt_to, vec!["Anna.Berzina@Muzejs.lv".to_string()]);
    assert!(
        m.subject().contains("Kopienu attīstības apmācību cikls"),
        "{}",
        m.subject()
    );
    let text = m.text_body();
    assert!(text.contains("Labdien, Anna!"), "{text}");
    assert!(
        text.contains("pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00 (Latvijas laiks)"),
        "{text}"
    );
    assert!(m.html_body().contains("Es un mana identitāte"));
    let attachments = m.attachments();
    let ics = attachments
        .iter()
        .find(|(ct, _, _)| ct == "text/calendar")
        .expect("an .ics attachment");
    let ics = String::from_utf8_lossy(&ics.2);
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 5);
    assert!(ics.contains("DTSTART:20231204T080000Z"), "{ics}");
    // The door check-in code, as an inline PNG the HTML part shows.
    let parts = m.parts();
    let qr = parts
        .iter()
        .find(|(ct, _)| ct == "image/png")
        .unwrap_or_else(|| {
            panic!(
                "the check-in QR code: {:?}",
                parts.iter().map(|p| p.0.clone()).collect::<Vec<_>>()
            )
        });
    assert_eq!(&qr.1[..8], b"\x89PNG\r\n\x1a\n");
    assert!(m.html_body().contains("cid:checkin-qr"));
    assert_eq!(
        m.checkin_code(),
        Some(
            app.state
                .composer
                .checkin_link(&registration(&app, 1).await)
        ),
        "the code opens this participant's check-in"
    );

    // The link opens the participant's page; a GET changes nothing.
    let path = participant_path(m);
    let token = path.trim_start_matches("/r/");
    assert!(token.len() >= 45, "long, random token: {token}");
    let html = app.get_html(&path).await;
    assert!(
        html.contains("Vieta rezervēta, e-pasts nav apstiprināts"),
        "{html}"
    );
    assert!(
        !html.contains("zoom.us/j/1111111111") || html.contains("Pievienoties"),
        "join links only with a seat"
    );
    assert_eq!(registration(&app, 1).await.status, "pending");
    // Confirm with the button.
    let reader = app.browser();
    let csrf = app.csrf(&reader, &path).await;
    assert_redirect_to(
        &app.post_form(
            &reader,
            &format!("{path}/confirm"),
            &[("csrf_token", &csrf)],
        )
        .await,
        &path,
    );
    assert_eq!(registration(&app, 1).await.status, "confirmed");
    let html = reader
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("https://zoom.us/j/1111111111"),
        "join link once the seat is held"
    );
    // A wrong token is a plain 404.
    let forged = format!("/r/1.{}", "A".repeat(43));
    assert_eq!(app.get(&forged).await.status().as_u16(), 404);
    let cal = app.get(&format!("{path}/calendar.ics")).await;
    assert_eq!(
        cal.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
}

async fn registering_twice_changes_nothing_and_resends_the_link(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register(SLUG, &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"))
        .await;
    let again = Person {
        first_name: "Hacker".into(),
        ..Person::new("Anna", "Bērziņa", "ANNA@MUZEJS.LV")
    };
    // Answered exactly as a newcomer is at this moment (rule 5): the same
    // page, so the answer does not say whether the address is registered.
    let browser = app.browser();
    let repeat = redirect_target(&app.register_with(&browser, SLUG, &again).await);
    let page = app.page(&browser, &repeat).await;
    assert!(
        !page.contains("Anna") && !page.contains("Hacker"),
        "shows nothing of the registration: {page}"
    );
    assert_eq!(count_registrations(&app).await, 1);
    let newcomer = app.browser();
    let new = app
        .register_with(&newcomer, SLUG, &Person::numbered(7))
        .await;
    assert_eq!(redirect_target(&new), repeat);
    let new_page = app.page(&newcomer, &repeat).await;
    assert_eq!(texts(&page, "h1, p.big"), texts(&new_page, "h1, p.big"));
    assert_eq!(count_registrations(&app).await, 2);
    assert_eq!(registration(&app, 1).await.first_name, "Anna");
    let mails = app.emails(3).await;
    let annas: Vec<_> = mails
        .iter()
        .filter(|m| m.rcpt_to == ["anna@muzejs.lv"])
        .collect();
    assert_eq!(annas.len(), 2, "the link again, to the registered address");
    assert_eq!(
        participant_path(annas[0]),
        participant_path(annas[1]),
        "the same link"
    );
}

async fn outside_the_window_full_and_invalid_store_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, false)).await;
    // Invalid: 422, messages beside fields and in the summary, typed values kept.
    let browser = app.browser();
    let csrf = app.csrf(&browser, "/cycles/kopienas-2023").await;
    let long = "x".repeat(5000);
    let res = app
        .post_form(
            &browser,
            "/cycles/kopienas-2023/register",
            &[
                ("csrf_token", &csrf),
                ("first_name", ""),
                ("last_name", "<script>alert(1)</script>"),
                ("email", "anna@"),
                ("institution", &long),
                ("institution_type", "zoo"),
                ("position", "Vadītāja"),
                ("region", "Rīga"),
                ("country", "Latvia"),
                ("language", "lv"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let summary = texts(&html, ".error-summary li a");
    assert_eq!(summary.len(), 6, "{summary:?}");
    assert_eq!(texts(&html, ".error-message").len(), 6);
    // Kept as typed, and escaped: the page holds no script element at all.
    let doc = scraper::Html::parse_document(&html);
    let input = doc
        .select(&scraper::Selector::parse("input#last_name").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        input.value().attr("value"),
        Some("<script>alert(1)</script>")
    );
    assert_eq!(
        doc.select(&scraper::Selector::parse("script").unwrap())
            .count(),
        0
    );
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("value=\"Vadītāja\""));
    assert_eq!(count_registrations(&app).await, 0);

    // Full with no waitlist: 409.
    assert_eq!(
        app.register(SLUG, &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        app.register(SLUG, &Person::numbered(2))
            .await
            .status()
            .as_u16(),
        409
    );
    assert_eq!(count_registrations(&app).await, 1);

    // After the deadline (30 November 00:00 in Riga): no form, and POST is 403.
    app.clock.set(utc("2023-11-29T21:59:59Z"));
    let page = app.get_html("/cycles/kopienas-2023").await;
    assert!(
        !page.contains("slēgta") && page.contains("Visas vietas ir aizņemtas"),
        "still open (but full) at 23:59:59 Riga"
    );
    assert_eq!(
        app.register(SLUG, &Person::numbered(3))
            .await
            .status()
            .as_u16(),
        409
    );
    app.clock.set(utc("2023-11-29T22:00:00Z"));
    let page = app.get_html("/cycles/kopienas-2023").await;
    assert!(!page.contains("action=\"/cycles/kopienas-2023/register\""));
    assert!(page.contains("slēgta"));
    assert_eq!(
        app.register(SLUG, &Person::numbered(3))
            .await
            .status()
            .as_u16(),
        403
    );
    assert_eq!(count_registrations(&app).await, 1);
}

async fn bots_and_floods_are_kept_out(b: Backend) {
    let options = Options {
        smtp: false,
        tweak: Box::new(|s| s.registrations_per_ip_per_minute = 3),
    };
    let Some(app) = TestApp::spawn_with(b, options).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, "/cycles/kopienas-2023").await;
    let res = app
        .post_form(
            &browser,
            "/cycles/kopienas-2023/register",
            &[
                ("csrf_token", &csrf),
                ("first_name", "Bot"),
                ("last_name", "Bot"),
                ("email", "bot@spam.example.com"),
                ("institution", "X"),
                ("institution_type", "museum"),
                ("position", "X"),
                ("region", "X"),
                ("country", "LV"),
                ("language", "lv"),
                ("consent", "on"),
                ("website", "http://spam.example.com"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "the bot learns nothing");
    assert_eq!(
        count_registrations(&app).await,
        0,
        "the honeypot stores nothing"
    );
    let mut statuses = vec![];
    for n in 0..4 {
        statuses.push(
            app.register(SLUG, &Person::numbered(n))
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(
        statuses,
        vec![303, 303, 429, 429],
        "the honeypot attempt counted too"
    );
    assert_eq!(count_registrations(&app).await, 2);
}

async fn organisers_manage_registrations_and_capacity(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(2, true)).await;
    app.register(SLUG, &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"))
        .await;
    app.register(
        SLUG,
        &Person {
            institution: "Rīgas Centrālā bibliotēka".into(),
            ..Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv")
        },
    )
    .await;
    app.register(SLUG, &Person::new("Līga", "Kalniņa", "liga@arhivs.lv"))
        .await;
    let o = app.login_as_organiser().await;
    let page = |q: &'static str| {
        let o = o.clone();
        let url = app.url(&format!("/admin/cycles/kopienas-2023{q}"));
        async move { o.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let searched = page("?q=biblioteka").await;
    assert_eq!(texts(&searched, "table.table tbody tr").len(), 1);
    let doc = scraper::Html::parse_document(&searched);
    let english = doc
        .select(&scraper::Selector::parse("a[hreflang=en]").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        english.value().attr("href"),
        Some("/admin/cycles/kopienas-2023?q=biblioteka&lang=en"),
        "language links keep the search"
    );
    assert_eq!(
        texts(&page("?status=waitlisted").await, "table.table tbody tr").len(),
        1
    );
    assert_eq!(
        texts(&page("?q=OZOL").await, "table.table tbody tr").len(),
        1
    );
    // Lowering below the seats taken is refused with a message.
    let csrf = app.csrf(&o, "/admin/cycles/kopienas-2023").await;
    assert_redirect_to(
        &app.post_form(
            &o,
            "/admin/cycles/kopienas-2023/capacity",
            &[("csrf_token", &csrf), ("capacity", "1")],
        )
        .await,
        "/admin/cycles/kopienas-2023",
    );
    let html = page("").await;
    assert!(html.contains("nevar būt mazāks"), "{html}");
    // Raising promotes the waitlisted.
    app.post_form(
        &o,
        "/admin/cycles/kopienas-2023/capacity",
        &[("csrf_token", &csrf), ("capacity", "3")],
    )
    .await;
    assert_eq!(registration(&app, 3).await.status, "pending");
    // Cancel and restore.
    app.post_form(
        &o,
        "/admin/registrations/1/cancel",
        &[("csrf_token", &csrf), ("confirmed", "yes")],
    )
    .await;
    assert_eq!(registration(&app, 1).await.status, "cancelled");
    app.post_form(
        &o,
        "/admin/registrations/1/restore",
        &[("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(registration(&app, 1).await.status, "pending");
    // The CSV.
    let csv = o
        .get(app.url("/admin/cycles/kopienas-2023/registrations.csv"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // A download for Excel: the byte-order mark, then the SPEC header.
    let csv = csv.strip_prefix('\u{FEFF}').expect("a byte-order mark");
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("id,first_name,last_name,email,institution,institution_type,position,region,country,language,status,registered_at"));
    assert_eq!(lines.count(), 3);
    assert!(csv.contains("Jānis,Ozoliņš,janis@biblioteka.lv,Rīgas Centrālā bibliotēka,museum"));
}

/// 200 people press "Register" at once for 30 seats.
async fn rush(app: &TestApp, servers: &[&TestApp], n: usize) {
    let mut tasks = vec![];
    // Everyone opens the page first (to get a form token), then all submit together.
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(n));
    for i in 0..n {
        let server = servers[i % servers.len()];
        let browser = server.browser();
        let csrf = server.csrf(&browser, "/cycles/kopienas-2023").await;
        let url = server.url("/cycles/kopienas-2023/register");
        let barrier = barrier.clone();
        let p = Person::numbered(i);
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let res = browser
                .post(url)
                .form(&[
                    ("csrf_token", csrf.as_str()),
                    ("first_name", &p.first_name),
                    ("last_name", &p.last_name),
                    ("email", &p.email),
                    ("institution", &p.institution),
                    ("institution_type", "library"),
                    ("position", "Bibliotekāre"),
                    ("region", "Kurzeme"),
                    ("country", "LV"),
                    ("language", "lv"),
                    ("consent", "on"),
                ])
                .send()
                .await
                .unwrap();
            res.status().as_u16()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), 303);
    }
    let regs = app
        .db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            Ok((
                cohort::db::registrations::list(c, cy.id, &Default::default())?,
                cy,
            ))
        })
        .await
        .unwrap();
    let (regs, cycle) = regs;
    let seated = regs.iter().filter(|r| r.status == "pending").count();
    let waiting: Vec<_> = regs.iter().filter(|r| r.status == "waitlisted").collect();
    assert_eq!(seated, 30, "exactly the capacity holds seats");
    assert_eq!(cycle.seats_taken, 30);
    assert_eq!(waiting.len(), n - 30);
    // Arrival order: every seated registration arrived before every waitlisted one.
    let last_seated = regs
        .iter()
        .filter(|r| r.status == "pending")
        .map(|r| (r.registered_at, r.id))
        .max()
        .unwrap();
    let first_waiting = waiting
        .iter()
        .map(|r| (r.registered_at, r.id))
        .min()
        .unwrap();
    assert!(last_seated.1 < first_waiting.1);
    for (i, r) in waiting.iter().enumerate() {
        let r = (*r).clone();
        assert_eq!(
            app.db()
                .read(move |c| cohort::db::registrations::waitlist_position(c, &r))
                .await
                .unwrap(),
            i as u32 + 1
        );
    }
}

async fn a_rush_of_200_never_overbooks(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    rush(&app, &[&app], 200).await;
    let mails = app.emails(200).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mails_after = app.smtp.as_ref().unwrap().messages();
    assert_eq!(mails_after.len(), 200, "exactly one email each");
    let mut to: Vec<_> = mails.iter().map(|m| m.rcpt_to[0].clone()).collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rush_on_two_servers_sharing_postgres_never_overbooks() {
    let Some(app) = TestApp::spawn_with_smtp(Backend::Postgres).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let second = app.another_server().await;
    rush(&app, &[&app, &second], 200).await;
    app.emails(200).await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(
        app.smtp.as_ref().unwrap().messages().len(),
        200,
        "both outbox workers together sent each email once"
    );
}

async fn email_survives_an_smtp_outage(b: Backend) {
    let Some(mut app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.smtp.as_mut().unwrap().stop().await;
    assert_eq!(
        app.register(SLUG, &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    // The worker tries, fails, and schedules a retry.
    let db = app.db().clone();
    let mut failed = false;
    for _ in 0..100 {
        let rows = db
            .read(|c| cohort::db::outbox::for_registration(c, 1))
            .await
            .unwrap();
        if rows
            .first()
            .is_some_and(|m| m.attempts >= 1 && m.sent_at.is_none())
        {
            failed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(failed, "a failed attempt is recorded");
    app.smtp.as_mut().unwrap().restart().await;
    app.clock.advance(chrono::Duration::minutes(5));
    let mails = app.emails(1).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.smtp.as_ref().unwrap().messages().len(),
        1,
        "arrives exactly once"
    );
    assert_eq!(mails[0].rcpt_to, vec!["dalibnieks1@muzejs.lv".to_string()]);
}

async fn names_cannot_inject_mail_headers(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    // A control character in a name is refused outright...
    let evil = Person::new(
        "Anna\r\nBcc: victim@example.com",
        "Bērziņa",
        "anna@muzejs.lv",
    );
    assert_eq!(app.register(SLUG, &evil).await.status().as_u16(), 422);
    // ...and a name full of header syntax is only ever a display name.
    let tricky = Person::new(
        "Anna\" <evil@example.com>, Bcc:",
        "victim@example.com",
        "anna@muzejs.lv",
    );
    assert_eq!(app.register(SLUG, &tricky).await.status().as_u16(), 303);
    let mails = app.emails(1).await;
    assert_eq!(mails[0].rcpt_to, vec!["anna@muzejs.lv".to_string()]);
    assert!(mails[0].header("Bcc").is_none());
    let to = mails[0].header("To").unwrap();
    assert!(to.trim_end().ends_with("<anna@muzejs.lv>"), "{to}");
}

on_both_backends!(
    a_registration_holds_a_seat_and_sends_the_email,
    registering_twice_changes_nothing_and_resends_the_link,
    outside_the_window_full_and_invalid_store_nothing,
    bots_and_floods_are_kept_out,
    organisers_manage_registrations_and_capacity,
    a_rush_of_200_never_overbooks,
    email_survives_an_smtp_outage,
    names_cannot_inject_mail_headers,
);

/// A known address on a full cycle without a waitlist gets the same answer as
/// a new one; the link still goes to the address, at most every ten minutes.
async fn a_repeat_registration_reveals_nothing(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, false)).await;
    app.register(SLUG, &Person::numbered(1)).await;
    let new = app
        .register(SLUG, &Person::numbered(2))
        .await
        .status()
        .as_u16();
    let known = app
        .register(SLUG, &Person::numbered(1))
        .await
        .status()
        .as_u16();
    assert_eq!((new, known), (409, 409));
    app.register(SLUG, &Person::numbered(1)).await;
    let mails = app.emails(2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        app.smtp.as_ref().unwrap().messages().len(),
        2,
        "the seat email and one reminder"
    );
    assert!(mails.iter().all(|m| m.rcpt_to == ["dalibnieks1@muzejs.lv"]));
}

on_both_backends!(a_repeat_registration_reveals_nothing,);

/// What a careless or hostile client sends gets a clear answer and stores nothing.
async fn hostile_input_is_refused_cleanly(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, "/cycles/kopienas-2023").await;
    let url = app.url("/cycles/kopienas-2023/register");
    let post = |body: String| {
        let (browser, url) = (browser.clone(), url.clone());
        async move {
            browser
                .post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let rest = "last_name=B&email=a%40muzejs.lv&institution=M&institution_type=museum&position=P&region=R&country=LV&language=lv&consent=on";
    // A body far larger than any form: 413, with a page.
    let huge = post(format!(
        "csrf_token={csrf}&first_name={}&{rest}",
        "A".repeat(200_000)
    ))
    .await;
    assert_eq!(huge.status().as_u16(), 413);
    assert!(huge.text().await.unwrap().contains("<h1>"));
    // Far beyond any limit (3 MB): still 413, not a misleading answer.
    let enormous = post(format!(
        "csrf_token={csrf}&first_name={}&{rest}",
        "A".repeat(3_000_000)
    ))
    .await;
    assert_eq!(enormous.status().as_u16(), 413);
    // Bytes that are not UTF-8 (a form sent in windows-1257): 422 beside the field.
    let latin = post(format!("csrf_token={csrf}&first_name=B%E7rzi%F2a&{rest}")).await;
    assert_eq!(latin.status().as_u16(), 422);
    let html = latin.text().await.unwrap();
    assert!(
        texts(&html, "#first_name-error")
            .iter()
            .any(|t| t.contains("nevar nolasīt")),
        "{html}"
    );
    // The same field twice, and garbage: 400, not a crash.
    let twice = post(format!(
        "csrf_token={csrf}&first_name=A&first_name=B&{rest}"
    ))
    .await;
    assert_eq!(twice.status().as_u16(), 400);
    let garbage = post(format!("csrf_token={csrf}&%%%%=&&&=&{rest}")).await;
    assert!(garbage.status().is_client_error());
    // A replayed form from an old session: 403.
    let stranger = app.browser();
    let replay = stranger
        .post(url.clone())
        .form(&[("csrf_token", csrf.as_str()), ("first_name", "A")])
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status().as_u16(), 403);
    assert_eq!(count_registrations(&app).await, 0);
}

on_both_backends!(hostile_input_is_refused_cleanly);

/// Search ignores letter case in Latvian too (SQLite's own lower() is ASCII-only).
async fn search_folds_latvian_letters(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let p = Person {
        institution: "Ēdoles pils muzejs".into(),
        ..Person::new("Inese", "Ūdre", "inese@edole.lv")
    };
    app.register(SLUG, &p).await;
    app.register(SLUG, &Person::numbered(1)).await;
    let o = app.login_as_organiser().await;
    for q in ["%C5%AB%64re", "%C4%92DOLES"] {
        // "ūdre", "ĒDOLES"
        let html = o
            .get(app.url(&format!("/admin/cycles/{SLUG}?q={q}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(texts(&html, "table.table tbody tr").len(), 1, "q={q}");
    }
}

on_both_backends!(search_folds_latvian_letters);

/// The decision under the cycle's lock applies the closing time in Riga
/// itself, whatever the page checked before (an organiser may have moved
/// the deadline meanwhile).
async fn the_locked_decision_keeps_the_deadline_in_riga_time(b: Backend) {
    use cohort::domain::registration::{Applicant, Registered};
    use cohort::domain::seats::Refusal;
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let cycle_id = app
        .db()
        .read(|c| cohort::db::cycles::by_slug(c, SLUG))
        .await
        .unwrap()
        .unwrap()
        .id;
    let applicant = |n: usize| Applicant {
        first_name: "Dalībnieks".into(),
        last_name: format!("Nr{n}"),
        email: cohort::domain::Email::parse(&format!("d{n}@muzejs.lv")).unwrap(),
        phone: String::new(),
        institution: "Muzejs".into(),
        institution_type: cohort::domain::InstitutionType::Museum,
        position: "Glabātāja".into(),
        region: "Rīga".into(),
        country: "LV".into(),
        language: cohort::domain::Language::Lv,
        consent_version: "2026-11".into(),
        answers: Vec::new(),
    };
    // "until 29 November 23:59" in Riga (UTC+2): the last minute is in, the next is out.
    // The app's clock moves with the test, so the mail worker sees the
    // seated notice as due.
    let register = |n: usize, at: &str| {
        app.clock.set(utc(at));
        let (who, at) = (applicant(n), utc(at));
        app.db().write(move |c| {
            cohort::db::registrations::register(c, cycle_id, None, &who, "nonce", at)
        })
    };
    assert!(matches!(
        register(1, "2023-11-29T21:59:59Z").await.unwrap(),
        Registered::Seated { .. }
    ));
    assert_eq!(
        register(2, "2023-11-29T22:00:00Z").await.unwrap(),
        Registered::Refused(Refusal::Closed)
    );
    assert_eq!(
        count_registrations(&app).await,
        1,
        "the refused one stored nothing"
    );
    // The lock takes a free seat with it; the refusal gives it back.
    let seats_taken = app
        .db()
        .read(move |c| cohort::db::cycles::by_slug(c, SLUG))
        .await
        .unwrap()
        .unwrap()
        .seats_taken;
    assert_eq!(seats_taken, 1, "the refused one holds no seat");
}

on_both_backends!(the_locked_decision_keeps_the_deadline_in_riga_time);
