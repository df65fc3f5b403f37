//! Issue 4: the seed cycle's attendance — session 1 in the room (QR check-in
//! and roster), sessions 2–5 from Zoom reports — and an eligibility list
//! that matches a hand count.

use cohort::tokens::Purpose;

use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;

pub(crate) const SLUG: &str = "kopienas-2023";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/zoom/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// Six confirmed participants, named as in the Zoom fixtures.
pub(crate) async fn participants(app: &TestApp) -> Vec<(i32, &'static str)> {
    let people = [
        ("Anna", "Bērziņa", "anna.berzina@example.lv"),
        ("Jānis", "Ozoliņš", "janis.ozolins@example.lv"),
        ("Māris", "Šķēle", "maris.skele@example.lv"),
        ("Ģirts", "Ļaksa", "girts.laksa@example.lv"),
        // Joins Zoom without an email: matched by name.
        ("Līga", "Kalniņa", "liga.kalnina@example.lv"),
        ("Inese", "Ūdre", "inese.udre@example.lv"),
    ];
    let mut out = vec![];
    for (i, (first, last, email)) in people.iter().enumerate() {
        assert_eq!(
            app.register(SLUG, &Person::new(first, last, email))
                .await
                .status()
                .as_u16(),
            303
        );
        let id = i as i32 + 1;
        let now = app.clock.now_utc();
        app.db()
            .write(move |c| cohort::db::registrations::confirm(c, id, now))
            .await
            .unwrap();
        out.push((id, *first));
    }
    out
}

pub(crate) async fn upload(
    app: &TestApp,
    o: &reqwest::Client,
    n: i32,
    file: &str,
) -> reqwest::Response {
    let csrf = app
        .csrf(o, &format!("/admin/cycles/{SLUG}/sessions/{n}/attendance"))
        .await;
    let form = reqwest::multipart::Form::new().part(
        "report",
        reqwest::multipart::Part::bytes(fixture(file)).file_name(file.to_string()),
    );
    o.post(app.url(&format!(
        "/admin/cycles/{SLUG}/sessions/{n}/import?csrf_token={csrf}"
    )))
    .multipart(form)
    .send()
    .await
    .unwrap()
}

/// Uploads a report, checks the preview, applies it with `assign`ments.
async fn import(
    app: &TestApp,
    o: &reqwest::Client,
    n: i32,
    file: &str,
    expect_present: usize,
    assign: &[(&str, i32)],
) -> String {
    let res = upload(app, o, n, file).await;
    assert_eq!(res.status().as_u16(), 303);
    let preview_path = res.headers()["location"].to_str().unwrap().to_string();
    assert!(preview_path.contains("/import/"), "{preview_path}");
    let html = o
        .get(app.url(&preview_path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts(&html, "#present tbody tr").len(),
        expect_present,
        "preview of {file} for session {n}"
    );
    let import_id = preview_path.rsplit('/').next().unwrap().to_string();
    let csrf = csrf_from(&html).unwrap();
    let mut fields = vec![
        ("csrf_token".to_string(), csrf),
        ("import_id".into(), import_id),
        ("min_minutes".into(), "90".into()),
        // "I have checked…", ticked.
        ("checked".into(), "yes".into()),
    ];
    let doc = scraper::Html::parse_document(&html);
    for (i, row) in doc
        .select(&scraper::Selector::parse("#unmatched tbody tr").unwrap())
        .enumerate()
    {
        let name = row.text().collect::<String>();
        let key = row
            .select(&scraper::Selector::parse("input[type=hidden]").unwrap())
            .next()
            .unwrap()
            .value()
            .attr("value")
            .unwrap()
            .to_string();
        fields.push((format!("assign_key_{i}"), key));
        if let Some((_, id)) = assign.iter().find(|(who, _)| name.contains(who)) {
            fields.push((format!("assign_to_{i}"), id.to_string()));
        }
    }
    let res = o
        .post(app.url(&format!("/admin/cycles/{SLUG}/sessions/{n}/import/apply")))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(
        &res,
        &format!("/admin/cycles/{SLUG}/sessions/{n}/attendance"),
    );
    html
}

pub(crate) async fn audit_rows(app: &TestApp) -> usize {
    app.db()
        .read(|c| {
            let mut n = 0;
            for id in 1..=6 {
                n += cohort::db::attendance::audit_of(c, id)?.len();
            }
            Ok(n)
        })
        .await
        .unwrap()
}

async fn the_seed_cycle_from_door_to_grant(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let people = participants(&app).await;
    let (anna, janis, maris, girts, liga, inese) = (
        people[0].0,
        people[1].0,
        people[2].0,
        people[3].0,
        people[4].0,
        people[5].0,
    );
    let o = app.login_as_organiser().await;

    // Session 1, in the room: Anna and Jānis show their QR codes at the door.
    app.clock.set(utc("2023-12-04T08:20:00Z")); // 10:20 in Riga
    let anna_reg = registration(&app, anna).await;
    let page = app
        .get_html(
            &app.state
                .composer
                .participant_link(&anna_reg)
                .replace(&app.address, ""),
        )
        .await;
    assert!(
        page.contains("<svg"),
        "the participant's page carries the QR code"
    );
    for id in [anna, janis] {
        let reg = registration(&app, id).await;
        let code = app
            .state
            .keys
            .issue(Purpose::Checkin, reg.id, &reg.token_nonce);
        let html = o
            .get(app.url(&format!("/admin/checkin/{code}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(&reg.first_name));
        // The session running now is preselected.
        let doc = scraper::Html::parse_document(&html);
        let checked = doc
            .select(&scraper::Selector::parse("input[name=session][checked]").unwrap())
            .next()
            .unwrap();
        assert_eq!(checked.value().attr("value"), Some("1"));
        let csrf = csrf_from(&html).unwrap();
        for _ in 0..2 {
            // Scanning twice is harmless.
            let res = app
                .post_form(
                    &o,
                    &format!("/admin/checkin/{code}"),
                    &[("csrf_token", &csrf), ("session", "1")],
                )
                .await;
            assert_eq!(res.status().as_u16(), 303);
        }
        let html = o
            .get(app.url(&format!("/admin/checkin/{code}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("Jau atzīmēts"),
            "second scan: nothing changed"
        );
    }
    assert_eq!(audit_rows(&app).await, 2, "two check-ins, two audit rows");
    // The rest are ticked on the roster; saving twice changes nothing.
    let csrf = app
        .csrf(&o, &format!("/admin/cycles/{SLUG}/sessions/1/attendance"))
        .await;
    let ticks: Vec<(&str, String)> = std::iter::once(("csrf_token", csrf.clone()))
        .chain(
            [anna, janis, maris, liga, girts]
                .iter()
                .map(|id| ("present", id.to_string())),
        )
        .collect();
    for _ in 0..2 {
        let res = o
            .post(app.url(&format!("/admin/cycles/{SLUG}/sessions/1/attendance")))
            .form(&ticks)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303);
    }
    assert_eq!(audit_rows(&app).await, 5);
    let roster = o
        .get(app.url(&format!(
            "/admin/cycles/{SLUG}/sessions/1/attendance?sort=institution"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc = scraper::Html::parse_document(&roster);
    assert_eq!(
        doc.select(&scraper::Selector::parse("input[name=present]").unwrap())
            .filter(|e| e.value().attr("checked").is_some())
            .count(),
        5
    );
    let searched = o
        .get(app.url(&format!(
            "/admin/cycles/{SLUG}/sessions/1/attendance?q=%C5%A1%C4%B7%C4%93le"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        texts(&searched, "table.table tbody tr").len(),
        1,
        "search by name finds Māris Šķēle"
    );

    // Sessions 2–5 online, from Zoom reports (threshold: half of 180 min).
    app.clock.set(utc("2023-12-11T15:00:00Z"));
    let preview = import(&app, &o, 2, "participants_plain_iso.csv", 4, &[]).await;
    assert_eq!(
        texts(&preview, "#unmatched tbody tr").len(),
        2,
        "the organiser and a guest match nobody"
    );
    let before = audit_rows(&app).await;
    // The same file twice: no change.
    import(&app, &o, 2, "participants_plain_iso.csv", 4, &[]).await;
    assert_eq!(audit_rows(&app).await, before);
    app.clock.set(utc("2023-12-18T15:00:00Z"));
    import(&app, &o, 3, "participants_summary_us.csv", 5, &[]).await;

    // Mid-cycle, Anna sees where she stands.
    app.clock.set(utc("2023-12-19T10:00:00Z"));
    let anna_page = app
        .state
        .composer
        .participant_link(&anna_reg)
        .replace(&app.address, "");
    let lv = app.get_html(&anna_page).await;
    assert!(
        lv.contains("Apmeklētas 3 no 5 nodarbībām — apmeklējiet vēl 1 nodarbību"),
        "{lv}"
    );
    let en = app.get_html(&format!("{anna_page}?lang=en")).await;
    assert!(en.contains("3 of 5 sessions attended — attend 1 more to be eligible for the grant."));

    app.clock.set(utc("2024-01-08T15:00:00Z"));
    import(&app, &o, 4, "participants_plain_iso.csv", 4, &[]).await;
    // Session 5: the guest "Pēteris Kļaviņš" is Inese on a borrowed laptop.
    app.clock.set(utc("2024-01-15T15:00:00Z"));
    import(
        &app,
        &o,
        5,
        "participants_plain_iso.csv",
        4,
        &[("Pēteris", inese)],
    )
    .await;

    // After the cycle: the hand count.
    app.clock.set(utc("2024-01-16T10:00:00Z"));
    let csv = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/eligibility.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // A download for Excel: the byte-order mark, then the SPEC header.
    let csv = csv.strip_prefix('\u{FEFF}').expect("a byte-order mark");
    let mut lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines.remove(0),
        "first_name,last_name,email,institution,attended,eligible"
    );
    let verdicts: Vec<(String, String, String)> = lines
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_string(), f[4].to_string(), f[5].to_string())
        })
        .collect();
    let expect = |name: &str, attended: &str, eligible: &str| {
        assert!(
            verdicts.contains(&(name.to_string(), attended.to_string(), eligible.to_string())),
            "{name}: {verdicts:?}"
        );
    };
    expect("Anna", "5", "yes");
    expect("Jānis", "4", "yes"); // 78 minutes in session 3: below the threshold
    expect("Māris", "5", "yes");
    expect("Līga", "5", "yes"); // matched by name every time
    expect("Ģirts", "2", "no");
    expect("Inese", "2", "no"); // session 3 via "iPhone (Inese Ūdre)", session 5 by hand
    assert_eq!(verdicts.len(), 6);

    // The matrix agrees, with totals per session.
    let matrix = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/attendance")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&matrix, "tbody tr").len(), 6);
    assert_eq!(
        texts(&matrix, "tfoot td")
            .iter()
            .filter(|t| !t.is_empty())
            .cloned()
            .collect::<Vec<_>>(),
        vec!["5", "4", "5", "4", "5"]
    );
    assert_eq!(texts(&matrix, "tr.verdict--eligible").len(), 4);

    // Why is Ģirts not eligible? The audit trail answers.
    let audit = o
        .get(app.url(&format!("/admin/registrations/{girts}/audit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(audit.contains("Apmeklētas 2 no 5"), "{audit}");
    assert!(
        texts(&audit, "tbody tr")
            .iter()
            .any(|r| r.contains("Zoom atskaite") && r.contains("30")),
        "session 2: 30 minutes from the report"
    );

    // Tell the eligible: one email each, however often the button is pressed.
    let before_mail = app.smtp.as_ref().unwrap().messages().len();
    let csrf = app
        .csrf(&o, &format!("/admin/cycles/{SLUG}/attendance"))
        .await;
    for _ in 0..2 {
        app.post_form(
            &o,
            &format!("/admin/cycles/{SLUG}/notify-eligible"),
            &[("csrf_token", &csrf)],
        )
        .await;
    }
    let mails = app.emails(before_mail + 4).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let grant_mails: Vec<_> = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .filter(|m| m.subject().contains("grantam"))
        .collect();
    assert_eq!(
        grant_mails.len(),
        4,
        "{:?}",
        mails.iter().map(|m| m.subject()).collect::<Vec<_>>()
    );
    let _ = (maris, liga);
}

async fn checkin_refuses_codes_of_another_cycle(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.import_cycle(
        &SEED_CYCLE
            .replace("kopienas-2023", "cits-cikls-2023")
            .replace("Kopienu attīstības apmācību cikls", "Cits cikls"),
    )
    .await;
    app.register("cits-cikls-2023", &Person::numbered(1)).await;
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| cohort::db::registrations::confirm(c, 1, now))
        .await
        .unwrap();
    let reg = registration(&app, 1).await;
    let o = app.login_as_organiser().await;
    let code = app
        .state
        .keys
        .issue(Purpose::Checkin, reg.id, &reg.token_nonce);
    app.clock.set(utc("2023-12-04T08:20:00Z")); // session 1 is running
                                                // The organiser is checking people in for kopienas-2023.
    let html = o
        .get(app.url(&format!("/admin/checkin/{code}?cycle={SLUG}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Šis kods pieder citam ciklam"), "{html}");
    let csrf = csrf_from(&html).unwrap();
    app.post_form(
        &o,
        &format!("/admin/checkin/{code}"),
        &[("csrf_token", &csrf), ("session", "1")],
    )
    .await;
    assert!(
        app.db()
            .read(|c| cohort::db::attendance::present_sessions(c, 1))
            .await
            .unwrap()
            .is_empty(),
        "nothing recorded"
    );
    // A participant's own link is not a check-in code, and vice versa.
    let participant_token = app
        .state
        .keys
        .issue(Purpose::Participant, reg.id, &reg.token_nonce);
    assert_eq!(
        o.get(app.url(&format!("/admin/checkin/{participant_token}")))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    assert_eq!(app.get(&format!("/r/{code}")).await.status().as_u16(), 404);
    // Check-in needs an organiser.
    assert_eq!(
        app.get(&format!("/admin/checkin/{code}"))
            .await
            .status()
            .as_u16(),
        303
    );
}

async fn a_file_that_is_not_a_zoom_report_gets_a_clear_message(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    participants(&app).await;
    let o = app.login_as_organiser().await;
    // The roster again (422), saying why above its upload form; nothing kept.
    let res = upload(&app, &o, 2, "not_a_zoom_report.csv").await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        texts(&html, ".error-summary")
            .iter()
            .any(|t| t.contains("nav Zoom dalībnieku atskaite")),
        "{html}"
    );
    assert!(html.contains(r#"enctype="multipart/form-data""#), "{html}");
    let kept: i64 = app
        .db()
        .read(|c| {
            use diesel::prelude::*;
            Ok(cohort::db::schema::attendance_imports::table
                .count()
                .get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(kept, 0, "a file that is no report is not stored");
    // Said once: the roster opened afterwards has no such message.
    let later = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/sessions/2/attendance")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(texts(&later, ".error-summary").is_empty(), "{later}");
    // Every encoding and layout in the fixtures is read.
    for file in [
        "participants_semicolon_eu.csv",
        "participants_windows1257.csv",
        "participants_utf16le_tab.txt",
    ] {
        let res = upload(&app, &o, 2, file).await;
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .contains("/import/"),
            "{file} read"
        );
    }
}

/// `cohort attendance import --dry-run` and `cohort eligibility` against the same database.
async fn the_command_line_imports_and_prints_eligibility(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    participants(&app).await;
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .args(args)
            .env("DATABASE_URL", app.state.settings.database_url())
            .env("COHORT_DATA_DIR", &app.state.settings.data_dir)
            .env(
                "COHORT_SECRET_KEY",
                "a test secret that is long enough to use",
            )
            .env("RUST_LOG", "warn")
            .output()
            .expect("cohort runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let file = format!(
        "{}/tests/fixtures/zoom/participants_plain_iso.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let dry = run(&[
        "attendance",
        "import",
        "--cycle",
        SLUG,
        "--session",
        "2",
        "--dry-run",
        &file,
    ]);
    assert!(
        dry.contains("present (4)") && dry.contains("dry run"),
        "{dry}"
    );
    assert!(app
        .db()
        .read(|c| cohort::db::attendance::present_sessions_of_session(c, 2))
        .await
        .unwrap()
        .is_empty());
    let real = run(&[
        "attendance",
        "import",
        "--cycle",
        SLUG,
        "--session",
        "2",
        "--min-minutes",
        "160",
        &file,
    ]);
    assert!(
        real.contains("present (2)"),
        "Anna 181 and Līga 170 reach 160; Māris 150 and Jānis 110 do not: {real}"
    );
    let csv = run(&["eligibility", "--cycle", SLUG]);
    assert!(csv.starts_with("first_name,last_name,email,institution,attended,eligible\n"));
    assert_eq!(csv.lines().filter(|l| l.ends_with(",1,no")).count(), 2);
}

on_both_backends!(
    the_seed_cycle_from_door_to_grant,
    checkin_refuses_codes_of_another_cycle,
    a_file_that_is_not_a_zoom_report_gets_a_clear_message,
    the_command_line_imports_and_prints_eligibility,
    the_export_with_meeting_data_previews_each_participant,
);

/// Issue 10: Zoom's "export with meeting data" repeats the meeting's columns
/// (host's User Email, meeting Duration) on every row; the preview must list
/// each participant by their own later columns, not one person (the host).
async fn the_export_with_meeting_data_previews_each_participant(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    participants(&app).await;
    let o = app.login_as_organiser().await;
    let res = upload(&app, &o, 2, "participants_meeting_data_flat.csv").await;
    assert_eq!(res.status().as_u16(), 303);
    let preview_path = res.headers()["location"].to_str().unwrap().to_string();
    assert!(preview_path.contains("/import/"), "{preview_path}");
    let html = o
        .get(app.url(&preview_path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Half of the three-hour session (90 min): Anna 177, Ģirts 180 (not his
    // waiting-room minutes), Jānis 90, Līga 176 by name, Māris 135.
    assert_eq!(texts(&html, "#present tbody tr").len(), 5, "{html}");
    // The host is in the report but not registered.
    let unmatched = texts(&html, "#unmatched tbody tr");
    assert_eq!(unmatched.len(), 1, "{unmatched:?}");
    assert!(
        unmatched[0].contains("Kristīne Organizatore"),
        "{unmatched:?}"
    );
}
