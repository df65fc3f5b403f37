//! Issue 13, the doors: an address whose domain only looks like a real one
//! is refused at every form that takes an email.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// `muzejs.lv` with a Cyrillic "ѕ" (U+0455), and `latvija.lv` with a Cyrillic "а".
const LOOK_ALIKES: [&str; 2] = ["anna@muzej\u{0455}.lv", "anna@l\u{0430}tvija.lv"];
const MIXED_LV: &str = "sajauktas latīņu un kirilicas";

async fn registrations(app: &TestApp) -> Vec<cohort::db::models::Registration> {
    app.db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            cohort::db::registrations::list(c, cy.id, &Default::default())
        })
        .await
        .unwrap()
}

async fn look_alike_domains_are_refused_at_every_form(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;

    // Registration: the message beside the email field, the address kept
    // as typed so it can be corrected, nothing stored.
    for spoofed in LOOK_ALIKES {
        let res = app
            .register(SLUG, &Person::new("Anna", "Bērziņa", spoofed))
            .await;
        assert_eq!(res.status().as_u16(), 422, "{spoofed}");
        let html = res.text().await.unwrap();
        assert!(
            texts(&html, "#email-error")
                .iter()
                .any(|t| t.contains(MIXED_LV)),
            "{spoofed}: {html}"
        );
        assert!(html.contains(spoofed), "the form keeps what was typed");
    }
    assert!(registrations(&app).await.is_empty());
    // The real address, and a domain wholly in Cyrillic, are welcome.
    for good in ["anna@muzejs.lv", "anna@пример.рф"] {
        let res = app
            .register(SLUG, &Person::new("Anna", "Bērziņa", good))
            .await;
        assert_eq!(res.status().as_u16(), 303, "{good}");
    }
    let stored: Vec<String> = registrations(&app)
        .await
        .into_iter()
        .map(|r| r.email)
        .collect();
    assert_eq!(stored.len(), 2, "{stored:?}");
    assert!(stored.contains(&"anna@пример.рф".to_string()));

    // The organiser-account form.
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/organisers").await;
    let account = |email: &'static str| {
        [
            ("csrf_token", csrf.clone()),
            ("name", "Inese".to_string()),
            ("email", email.to_string()),
            ("password", "a long enough password".to_string()),
            ("password_again", "a long enough password".to_string()),
        ]
    };
    for spoofed in LOOK_ALIKES {
        let res = admin
            .post(app.url("/admin/organisers"))
            .form(&account(spoofed))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422, "{spoofed}");
        let html = res.text().await.unwrap();
        assert!(
            texts(&html, "#email-error")
                .iter()
                .any(|t| t.contains(MIXED_LV)),
            "{spoofed}: {html}"
        );
    }
    let organisers = || async { app.db().read(cohort::db::organisers::all).await.unwrap() };
    assert_eq!(organisers().await.len(), 1, "only the admin");

    // `cohort organiser add`, password on standard input.
    for spoofed in LOOK_ALIKES {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(["organiser", "add", "--email", spoofed, "--name", "Inese"])
            .env("DATABASE_URL", app.state.settings.database_url())
            .env("COHORT_DATA_DIR", &app.state.settings.data_dir)
            .env(
                "COHORT_SECRET_KEY",
                "a test secret that is long enough to use",
            )
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("cohort runs");
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"a long enough password\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{spoofed}: {stderr}");
        assert!(
            stderr.contains("mixes Latin letters with Cyrillic or Greek"),
            "{spoofed}: {stderr}"
        );
    }
    assert_eq!(organisers().await.len(), 1, "still only the admin");
}

on_both_backends!(look_alike_domains_are_refused_at_every_form);

/// Six confirmed participants, named as in the Zoom fixtures.
async fn confirmed_participants(app: &TestApp) {
    let people = [
        ("Anna", "Bērziņa", "anna.berzina@example.lv"),
        ("Jānis", "Ozoliņš", "janis.ozolins@example.lv"),
        ("Māris", "Šķēle", "maris.skele@example.lv"),
        ("Ģirts", "Ļaksa", "girts.laksa@example.lv"),
        ("Līga", "Kalniņa", "liga.kalnina@example.lv"),
        ("Inese", "Ūdre", "inese.udre@example.lv"),
    ];
    for (i, (first, last, email)) in people.iter().enumerate() {
        let res = app.register(SLUG, &Person::new(first, last, email)).await;
        assert_eq!(res.status().as_u16(), 303);
        let (id, now) = (i as i32 + 1, app.clock.now_utc());
        app.db()
            .write(move |c| cohort::db::registrations::confirm(c, id, now))
            .await
            .unwrap();
    }
}

/// Uploads `report` through the session's form; returns the preview's path.
async fn upload(app: &TestApp, o: &reqwest::Client, report: Vec<u8>) -> String {
    let csrf = app
        .csrf(o, &format!("/admin/cycles/{SLUG}/sessions/2/attendance"))
        .await;
    let form = reqwest::multipart::Form::new().part(
        "report",
        reqwest::multipart::Part::bytes(report).file_name("participants.csv"),
    );
    let res = o
        .post(app.url(&format!(
            "/admin/cycles/{SLUG}/sessions/2/import?csrf_token={csrf}"
        )))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    assert!(preview.contains("/import/"), "{preview}");
    preview
}

fn fixture() -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/zoom/participants_plain_iso.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

async fn stored_uploads(app: &TestApp) -> i64 {
    app.db()
        .read(cohort::db::attendance::stored_import_count)
        .await
        .unwrap()
}

/// The seed's session 2 report with 10,000 guests added, three 5-minute
/// stints each: 30,011 rows, 2.3 MB.
fn huge_report() -> Vec<u8> {
    let mut csv = fixture();
    for guest in 0..10_000 {
        for stint in 0..3 {
            let start = 10 * 60 + stint * 10;
            csv.push_str(&format!(
                "Viesis Nr{guest:05},viesis{guest:05}@example.org,2026-11-28 {:02}:{:02}:00,2026-11-28 {:02}:{:02}:00,5,Yes,No\n",
                start / 60,
                start % 60,
                (start + 5) / 60,
                (start + 5) % 60
            ));
        }
    }
    csv.into_bytes()
}

/// A 30,000-row report gives a page of tens of kilobytes that still counts
/// everything; an applied upload is forgotten at once, an unapplied one
/// after a day.
async fn a_huge_zoom_report_gives_a_small_preview_and_uploads_do_not_linger(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    confirmed_participants(&app).await;
    app.clock.set(utc("2023-12-11T15:00:00Z")); // session 2 is on
    let o = app.login_as_organiser().await;

    let report = huge_report();
    assert!(report.len() > 2 * 1024 * 1024, "{} bytes", report.len());
    let preview = upload(&app, &o, report).await;
    let html = o
        .get(app.url(&preview))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // The bounds (300 rows per table, at most 6,000 choices) keep any
    // preview under about 0.7 MB; with six registrations it is far less.
    eprintln!("preview of a 30,011-row report: {} bytes", html.len());
    assert!(html.len() < 1024 * 1024, "{} bytes", html.len());
    assert!(html.len() < 150 * 1024, "{} bytes", html.len());

    // Counts are of everything, not of what is listed.
    assert_eq!(texts(&html, "#present tbody tr").len(), 4);
    assert!(texts(&html, "#present-heading")[0].contains('4'));
    assert!(
        texts(&html, "#unmatched-heading")[0].contains("10002"),
        "10,000 guests, the organiser and a guest: {:?}",
        texts(&html, "#unmatched-heading")
    );
    // Fifty entries to choose for, most minutes first, grouped per person
    // (15 minutes, 3 rows).
    let unmatched = texts(&html, "#unmatched tbody tr");
    assert_eq!(unmatched.len(), 50);
    assert!(
        unmatched[0].starts_with("Kristīne Organizatore"),
        "{unmatched:?}"
    );
    assert!(unmatched[1].starts_with("Pēteris Kļaviņš"), "{unmatched:?}");
    assert!(
        unmatched[2].contains("Viesis Nr") && unmatched[2].contains("example.org153"),
        "{}",
        unmatched[2]
    );
    assert_eq!(
        html.matches("<select").count(),
        50,
        "one choice per listed entry"
    );
    // The rest: 9,952 entries of 3 rows and 15 minutes each.
    let rest = texts(&html, "#not-assignable");
    assert_eq!(rest.len(), 1, "{html}");
    for figure in ["9952", "29856", "149280"] {
        assert!(rest[0].contains(figure), "{figure}: {rest:?}");
    }

    // Assigning still works: Pēteris is Inese (6) on a borrowed laptop.
    let doc = scraper::Html::parse_document(&html);
    let row = doc
        .select(&scraper::Selector::parse("#unmatched tbody tr").unwrap())
        .nth(1)
        .unwrap();
    let select = row
        .select(&scraper::Selector::parse("select").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("name")
        .unwrap()
        .to_string();
    let mut fields = form_fields(&html, "form[action$='/import/apply']");
    set_field(&mut fields, &select, "6");
    set_field(&mut fields, "min_minutes", "90");
    set_field(&mut fields, "checked", "yes");
    assert_eq!(stored_uploads(&app).await, 1);
    let res = o
        .post(app.url(&format!("/admin/cycles/{SLUG}/sessions/2/import/apply")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let roster = format!("/admin/cycles/{SLUG}/sessions/2/attendance");
    assert_redirect_to(&res, &roster);
    let present = app
        .db()
        .read(|c| cohort::db::attendance::present_sessions_of_session(c, 2))
        .await
        .unwrap();
    assert_eq!(present.len(), 5, "four matched and Inese: {present:?}");
    assert!(present.contains(&6));

    // Applied: the upload is gone; its preview (Back, a second Apply) says so.
    assert_eq!(stored_uploads(&app).await, 0);
    let res = o.get(app.url(&preview)).send().await.unwrap();
    assert_redirect_to(&res, &roster);
    let res = o
        .post(app.url(&format!("/admin/cycles/{SLUG}/sessions/2/import/apply")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &roster);
    let page = o
        .get(app.url(&roster))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("vairs netiek glabāta"), "{page}");

    // Uploaded and never applied: kept for a day, then forgotten by the
    // server's minute task.
    let preview = upload(&app, &o, fixture().into_bytes()).await;
    app.clock.set(utc("2023-12-12T14:59:00Z"));
    assert_eq!(app.state.forget_old_imports().await.unwrap(), 0);
    assert_eq!(o.get(app.url(&preview)).send().await.unwrap().status(), 200);
    app.clock.set(utc("2023-12-12T15:01:00Z"));
    assert_eq!(app.state.forget_old_imports().await.unwrap(), 1);
    assert_eq!(stored_uploads(&app).await, 0);
    let res = o.get(app.url(&preview)).send().await.unwrap();
    assert_redirect_to(&res, &roster);
}

on_both_backends!(a_huge_zoom_report_gives_a_small_preview_and_uploads_do_not_linger);
