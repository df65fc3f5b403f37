//! Who may be marked present, and when: only confirmed registrations (rule
//! 6), and before a session's doors open only with a reason that goes into
//! the audit trail (issue 9) — on the roster, at the door and from a report.

use cohort::tokens::Purpose;

use crate::attendance::{audit_rows, participants, upload, SLUG};
use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;

/// Participant `reg_id`'s QR code scanned at session 1's door; the page the
/// organiser sees afterwards.
async fn scan_at_the_door(app: &TestApp, o: &reqwest::Client, csrf: &str, reg_id: i32) -> String {
    let reg = registration(app, reg_id).await;
    let code = app
        .state
        .keys
        .issue(Purpose::Checkin, reg.id, &reg.token_nonce);
    app.post_form(
        o,
        &format!("/admin/checkin/{code}"),
        &[("csrf_token", csrf), ("session", "1")],
    )
    .await;
    o.get(app.url(&format!("/admin/checkin/{code}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Rule 6: only confirmed registrations can be marked present — not from the
/// roster, not at the door.
async fn only_confirmed_registrations_can_be_marked_present(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register(SLUG, &Person::numbered(1)).await; // stays pending
    app.clock.set(utc("2023-12-04T08:20:00Z")); // session 1 is running
    let o = app.login_as_organiser().await;
    let roster = format!("/admin/cycles/{SLUG}/sessions/1/attendance");
    let csrf = app.csrf(&o, &roster).await;
    let res = app
        .post_form(&o, &roster, &[("csrf_token", &csrf), ("present", "1")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let html = scan_at_the_door(&app, &o, &csrf, 1).await;
    assert!(html.contains("nav apstiprināta"), "{html}");
    assert!(app
        .db()
        .read(|c| cohort::db::attendance::present_sessions(c, 1))
        .await
        .unwrap()
        .is_empty());
    assert!(
        app.db()
            .read(|c| cohort::db::attendance::audit_of(c, 1))
            .await
            .unwrap()
            .is_empty(),
        "nothing in the audit trail either"
    );
}

on_both_backends!(only_confirmed_registrations_can_be_marked_present);

/// Every (registration, session) marked present, for the six participants.
async fn present_anywhere(app: &TestApp) -> Vec<i32> {
    app.db()
        .read(|c| {
            let mut all = vec![];
            for id in 1..=6 {
                all.extend(cohort::db::attendance::present_sessions(c, id)?);
            }
            Ok(all)
        })
        .await
        .unwrap()
}

/// Issue 9: a session that has not started cannot be marked by mistake —
/// not on the roster, not at the door, not from a report — unless the
/// organiser says why, and the reason is in the audit trail.
async fn marks_before_the_doors_open_need_a_reason(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    participants(&app).await;
    let o = app.login_as_organiser().await;
    // 15 November: session 1 starts on 4 December at 10:00 Riga time.
    let roster = format!("/admin/cycles/{SLUG}/sessions/1/attendance");
    let html = o
        .get(app.url(&roster))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("vēl nav sākusies") && html.contains("id=\"early_reason\""),
        "the roster warns before anything is ticked: {html}"
    );
    let csrf = csrf_from(&html).unwrap();
    let res = app
        .post_form(
            &o,
            &roster,
            &[("csrf_token", &csrf), ("present", "1"), ("present", "3")],
        )
        .await;
    // The roster again (422), saying why, with the boxes as they were ticked.
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        texts(&html, ".error-summary")
            .iter()
            .any(|t| t.contains("Nekas netika saglabāts")),
        "{html}"
    );
    let ticked = |html: &str| {
        let doc = scraper::Html::parse_document(html);
        let boxes = scraper::Selector::parse("input[name=present][checked]").unwrap();
        doc.select(&boxes)
            .filter_map(|b| b.value().attr("value").map(str::to_string))
            .collect::<Vec<_>>()
    };
    assert_eq!(ticked(&html), ["1", "3"]);
    assert!(
        present_anywhere(&app).await.is_empty(),
        "roster: nothing saved"
    );
    // Opened afterwards, the roster shows what is stored: nothing ticked.
    let html = o
        .get(app.url(&roster))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(ticked(&html).is_empty(), "{html}");

    // At the door: the QR code of a confirmed participant, scanned too early.
    let html = scan_at_the_door(&app, &o, &csrf, 1).await;
    assert!(html.contains("Nav atzīmēts"), "{html}");
    assert!(
        present_anywhere(&app).await.is_empty(),
        "door: nothing saved"
    );

    // A Zoom report for session 2 (11 December), applied in November.
    let res = upload(&app, &o, 2, "participants_plain_iso.csv").await;
    let preview = res.headers()["location"].to_str().unwrap().to_string();
    let html = o
        .get(app.url(&preview))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let import_id = preview.rsplit('/').next().unwrap().to_string();
    let apply = format!("/admin/cycles/{SLUG}/sessions/2/import/apply");
    let res = app
        .post_form(
            &o,
            &apply,
            &[
                ("csrf_token", csrf_from(&html).unwrap().as_str()),
                ("import_id", &import_id),
                ("min_minutes", "90"),
                ("checked", "yes"),
            ],
        )
        .await;
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.contains(&format!("/import/{import_id}")), "{back}");
    let html = o
        .get(app.url(&back))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Nekas netika saglabāts"), "{html}");
    assert!(
        present_anywhere(&app).await.is_empty(),
        "import: nothing saved"
    );
    assert_eq!(audit_rows(&app).await, 0);

    // With a reason the roster saves, and the audit says why.
    let res = app
        .post_form(
            &o,
            &roster,
            &[
                ("csrf_token", &csrf),
                ("present", "1"),
                ("early_reason", "Paper list from the pilot day"),
            ],
        )
        .await;
    assert_redirect_to(&res, &roster);
    assert_eq!(present_anywhere(&app).await, vec![1]);
    let audit = app
        .db()
        .read(|c| cohort::db::attendance::audit_of(c, 1))
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("before the session: Paper list from the pilot day")),
        "{:?}",
        audit[0].note
    );

    // From an hour before the start the door is open, no reason asked.
    app.clock.set(utc("2023-12-04T07:00:00Z")); // 09:00 in Riga
    let html = scan_at_the_door(&app, &o, &csrf, 2).await;
    assert!(html.contains("Atzīmēts kā klātesošs"), "{html}");
    let html = o
        .get(app.url(&roster))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("id=\"early_reason\""),
        "no reason asked once open"
    );
}

on_both_backends!(marks_before_the_doors_open_need_a_reason);
