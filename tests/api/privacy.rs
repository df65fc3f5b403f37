//! Issue 11, the participant's data rights: the consent links to a privacy
//! notice; from their page a participant downloads everything held about
//! them as JSON and has it erased (two steps), which gives their seat to the
//! next person waiting and keeps anonymous counts; a cycle's retention
//! period erases everyone's personal data once it ends, once, on one of two
//! server processes.

use cohort::db::attendance::{Change, Source};
use cohort::tokens::Purpose;
use diesel::prelude::*;

use crate::helpers::*;
use crate::on_both_backends;
use crate::reminders::register_people;

const SLUG: &str = "kopienas-2023";

async fn registration(app: &TestApp, n: usize) -> cohort::db::models::Registration {
    let slug = SLUG.to_string();
    app.db()
        .read(move |c| {
            use cohort::db::schema::registrations;
            let cycle = cohort::db::cycles::by_slug(c, &slug)?.expect("cycle");
            // By arrival: erased rows no longer carry the address.
            Ok(registrations::table
                .filter(registrations::cycle_id.eq(cycle.id))
                .order(registrations::id.asc())
                .select(cohort::db::models::Registration::as_select())
                .load(c)?
                .remove(n - 1))
        })
        .await
        .expect("registration")
}

async fn erasures(app: &TestApp) -> Vec<(i32, String)> {
    app.db()
        .read(|c| {
            use cohort::db::schema::erasures;
            Ok(erasures::table
                .order(erasures::id.asc())
                .select((erasures::registration_id, erasures::erased_by))
                .load(c)?)
        })
        .await
        .expect("erasures")
}

async fn page_text(browser: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = browser.get(app.url(path)).send().await.expect("GET");
    let status = res.status().as_u16();
    (status, res.text().await.expect("body"))
}

async fn a_participant_takes_their_data_out_and_has_it_erased(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    // One seat: 1 holds it, 2 waits for it.
    app.import_cycle(&SEED_CYCLE.replace(
        "capacity = 30",
        "capacity = 1\nhold_hours = 720\nreminder_hours_before = 0\nretention_months = 24",
    ))
    .await;
    register_people(&app, SLUG, 2, 1).await;
    let holder = registration(&app, 1).await;
    assert_eq!(holder.status.as_str(), "confirmed");
    // The consent links to the notice, which names its version; the cycle
    // page says until when data is kept.
    let (_, cycle_page) = page_text(&app.browser(), &app, &format!("/cycles/{SLUG}")).await;
    assert!(cycle_page.contains("href=\"/privacy\""), "{cycle_page}");
    assert!(
        cycle_page.contains("Personas dati tiek glabāti līdz"),
        "{cycle_page}"
    );
    let (status, notice) = page_text(&app.browser(), &app, "/privacy?lang=en").await;
    assert_eq!(status, 200);
    assert!(notice.contains("Version 2026-11"), "{notice}");
    assert!(notice.contains("download everything kept about you"));

    // 1 checks in at the door, half an hour before the first session.
    app.clock.set(utc("2023-12-04T07:30:00Z"));
    let now = app.clock.now_utc();
    let holder_id = holder.id;
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let first = cohort::db::cycles::sessions_of(c, cycle.id)?[0].id;
            let change = Change {
                source: Source::Checkin,
                by: None,
                at: now,
                note: Some("at the door".into()),
            };
            cohort::db::attendance::set(c, holder_id, first, true, None, &change)?;
            Ok(())
        })
        .await
        .expect("attendance");
    all_mail_sent(&app).await;

    let token = app
        .state
        .keys
        .issue(Purpose::Participant, holder.id, &holder.token_nonce);
    let browser = app.browser();
    let (_, page) = page_text(&browser, &app, &format!("/r/{token}")).await;
    assert!(page.contains(&format!("/r/{token}/data.json")), "{page}");
    assert!(page.contains(&format!("/r/{token}/erase")));

    // Everything held, as JSON.
    let res = browser
        .get(app.url(&format!("/r/{token}/data.json")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment")));
    assert_eq!(
        res.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let data: serde_json::Value =
        serde_json::from_str(&res.text().await.expect("body")).expect("JSON");
    assert_eq!(data["registration"]["email"], "dalibnieks1@muzejs.lv");
    assert_eq!(data["registration"]["last_name"], "Nr1");
    assert_eq!(data["registration"]["institution"], "Talsu novada muzejs");
    assert_eq!(data["registration"]["consent"]["notice_version"], "2026-11");
    assert_eq!(data["cycle"]["slug"], SLUG);
    assert_eq!(data["attendance"][0]["session"], 1);
    assert_eq!(data["attendance"][0]["present"], true);
    assert_eq!(data["attendance"][0]["source"], "checkin");
    assert_eq!(data["attendance_changes"][0]["note"], "at the door");
    assert!(
        data["emails"]
            .as_array()
            .expect("emails")
            .iter()
            .any(|m| m["kind"] == "seated" && m["sent_at"].is_string()),
        "{data}"
    );

    // Erasure is two steps: a page that says what goes and what stays.
    let (status, confirm) = page_text(&browser, &app, &format!("/r/{token}/erase")).await;
    assert_eq!(status, 200);
    assert!(confirm.contains("To nevar atsaukt"), "{confirm}");
    assert!(confirm.contains("Jūsu vieta vai vieta rindā tiks atdota"));
    // Without the form's token nothing happens.
    let res = app
        .post_form(&app.browser(), &format!("/r/{token}/erase"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(registration(&app, 1).await.erased_at.is_none());
    let csrf = csrf_from(&confirm).expect("csrf");
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/erase"),
            &[("csrf_token", csrf.as_str())],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let done = res.text().await.unwrap();
    assert!(done.contains("Jūsu dati ir dzēsti"), "{done}");

    // Gone: the link opens nothing, the row names nobody.
    assert_eq!(
        page_text(&browser, &app, &format!("/r/{token}")).await.0,
        404
    );
    assert_eq!(
        page_text(&browser, &app, &format!("/r/{token}/data.json"))
            .await
            .0,
        404
    );
    let erased = registration(&app, 1).await;
    assert_eq!(erased.first_name, "");
    assert_eq!(erased.last_name, "");
    assert_eq!(erased.phone, "");
    assert_eq!(erased.institution, "");
    assert_eq!(erased.email, format!("erased-{}@erased.invalid", erased.id));
    assert_eq!(erased.status.as_str(), "cancelled");
    assert!(erased.erased_at.is_some());
    // Kept for the statistics: the region, the type, the attendance mark.
    assert_eq!(erased.region, "Talsu novads");
    assert_eq!(erased.institution_type.as_str(), "museum");
    let first_session_present = app
        .db()
        .read(|c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let first = cohort::db::cycles::sessions_of(c, cycle.id)?[0].id;
            Ok(cohort::db::attendance::totals(c, &[first])?
                .get(&first)
                .copied())
        })
        .await
        .unwrap();
    assert_eq!(first_session_present, Some(1));
    assert_eq!(
        erasures(&app).await,
        vec![(erased.id, "participant".into())]
    );

    // The seat went to the person waiting, who was told; the erased person
    // got no cancellation email.
    all_mail_sent(&app).await;
    let waiting = registration(&app, 2).await;
    assert!(waiting.status.holds_seat(), "{:?}", waiting.status);
    let mails = app.smtp.as_ref().unwrap().messages();
    assert!(mails
        .iter()
        .any(|m| m.rcpt_to.contains(&"dalibnieks2@muzejs.lv".to_string())
            && m.subject().contains("vieta ir jūsu")));
    let to_erased = mails
        .iter()
        .filter(|m| m.rcpt_to.contains(&"dalibnieks1@muzejs.lv".to_string()))
        .count();
    assert_eq!(to_erased, 1, "only the first confirmation, before erasure");

    // The organisers' export no longer holds the address.
    let organiser = app.login_as_organiser().await;
    let csv = organiser
        .get(app.url(&format!("/admin/cycles/{SLUG}/registrations.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!csv.contains("dalibnieks1@muzejs.lv"), "{csv}");
    assert!(csv.contains("dalibnieks2@muzejs.lv"));
}

async fn the_retention_period_erases_a_cycle_once(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&SEED_CYCLE.replace(
        "capacity = 30",
        "capacity = 30\nhold_hours = 720\nreminder_hours_before = 0\nretention_months = 1",
    ))
    .await;
    // A second cycle that keeps its data.
    app.import_cycle(&SEED_CYCLE.replace("kopienas-2023", "kopienas-2024"))
        .await;
    register_people(&app, SLUG, 2, 2).await;
    let res = app.register("kopienas-2024", &Person::numbered(9)).await;
    assert_eq!(res.status().as_u16(), 303);
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, "kopienas-2024")?.expect("cycle");
            let email = cohort::domain::Email::parse("dalibnieks9@muzejs.lv").expect("email");
            let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
            cohort::db::registrations::confirm(c, reg.id, now)?;
            Ok(())
        })
        .await
        .expect("confirm");
    all_mail_sent(&app).await;
    let other_server = app.another_server().await;

    // The last session ends 15 January 2024, 16:00 Riga time; a month later
    // the data goes, not a minute before.
    app.clock.set(utc("2024-02-15T13:59:00Z"));
    assert_eq!(app.state.purge_expired_data().await.unwrap(), 0);
    assert!(registration(&app, 1).await.erased_at.is_none());
    app.clock.set(utc("2024-02-15T14:00:00Z"));
    let (here, there) = tokio::join!(
        app.state.purge_expired_data(),
        other_server.state.purge_expired_data()
    );
    assert_eq!(here.unwrap() + there.unwrap(), 2, "both, by one process");
    assert_eq!(app.state.purge_expired_data().await.unwrap(), 0, "once");
    for n in 1..=2 {
        let reg = registration(&app, n).await;
        assert!(reg.erased_at.is_some());
        assert_eq!(reg.last_name, "");
        // Counted as they were: confirmed participants, only without a name.
        assert_eq!(reg.status.as_str(), "confirmed");
    }
    let recorded = erasures(&app).await;
    assert_eq!(recorded.len(), 2);
    assert!(recorded.iter().all(|(_, by)| by == "retention"));
    // The other cycle keeps its data.
    let kept = app
        .db()
        .read(|c| {
            let cycle = cohort::db::cycles::by_slug(c, "kopienas-2024")?.expect("cycle");
            let email = cohort::domain::Email::parse("dalibnieks9@muzejs.lv").expect("email");
            cohort::db::registrations::by_email(c, cycle.id, &email)
        })
        .await
        .unwrap();
    assert!(kept.is_some_and(|r| r.erased_at.is_none()));
    all_mail_sent(&app).await;
}

on_both_backends!(
    a_participant_takes_their_data_out_and_has_it_erased,
    the_retention_period_erases_a_cycle_once,
);
