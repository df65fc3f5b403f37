//! Issue 9, nobody left uninformed: after each session whose attendance is
//! recorded, a confirmed participant who has not yet earned the outcome is
//! told how many sessions they still need, or once that it is no longer
//! possible; someone who stopped these emails from their page, or a cycle
//! that turned them off, gets none; two server processes write them once.

use std::collections::BTreeSet;

use cohort::db::attendance::{Change, Source};
use cohort::tokens::Purpose;

use crate::helpers::*;
use crate::on_both_backends;
use crate::reminders::register_people;

const SLUG: &str = "kopienas-2023";

fn progress_mails(app: &TestApp) -> Vec<crate::smtp::ReceivedMail> {
    app.smtp
        .as_ref()
        .expect("SMTP")
        .messages()
        .into_iter()
        .filter(|m| m.subject().contains("pēc nodarbības"))
        .collect()
}

fn to(mails: &[crate::smtp::ReceivedMail], address: &str) -> Vec<crate::smtp::ReceivedMail> {
    mails
        .iter()
        .filter(|m| m.rcpt_to.iter().any(|r| r == address))
        .cloned()
        .collect()
}

/// Marks person `n` present at session `position`.
async fn present(app: &TestApp, n: usize, position: usize) {
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let sessions = cohort::db::cycles::sessions_of(c, cycle.id)?;
            let email =
                cohort::domain::Email::parse(&format!("dalibnieks{n}@muzejs.lv")).expect("email");
            let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
            let change = Change {
                source: Source::Manual,
                by: None,
                at: now,
                note: None,
            };
            cohort::db::attendance::set(c, reg.id, sessions[position - 1].id, true, None, &change)?;
            Ok(())
        })
        .await
        .expect("attendance");
}

async fn participant_token(app: &TestApp, n: usize) -> String {
    let reg = app
        .db()
        .read(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let email =
                cohort::domain::Email::parse(&format!("dalibnieks{n}@muzejs.lv")).expect("email");
            Ok(cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg"))
        })
        .await
        .expect("registration");
    app.state
        .keys
        .issue(Purpose::Participant, reg.id, &reg.token_nonce)
}

async fn progress_rows(app: &TestApp) -> usize {
    outbox_rows(app)
        .await
        .iter()
        .filter(|m| m.kind.starts_with("progress"))
        .count()
}

async fn each_session_tells_who_has_not_yet_earned_it(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    // A month to confirm, so the hold sweep leaves people alone while the
    // clock jumps ahead; reminders off, so the mail here is progress only.
    app.import_cycle(&SEED_CYCLE.replace(
        "capacity = 30",
        "capacity = 30\nhold_hours = 720\nreminder_hours_before = 0",
    ))
    .await;
    register_people(&app, SLUG, 4, 3).await;
    all_mail_sent(&app).await;
    let other_server = app.another_server().await;

    // Person 3 stops these emails from their page (a real form, with CSRF).
    let token = participant_token(&app, 3).await;
    let browser = app.browser();
    let page = format!("/r/{token}");
    let html = browser
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Pēc katras nodarbības mēs jums rakstām"),
        "the page offers to stop them: {html}"
    );
    let csrf = csrf_from(&html).expect("csrf");
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/progress-emails"),
            &[("csrf_token", csrf.as_str()), ("wanted", "no")],
        )
        .await;
    assert_redirect_to(&res, &page);
    let html = browser
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Jūs atteicāties no vēstulēm"), "{html}");
    // A value the form never sends is refused and changes nothing.
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/progress-emails"),
            &[("csrf_token", csrf.as_str()), ("wanted", "maybe")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 400);
    let still_off = browser
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        still_off.contains("Jūs atteicāties no vēstulēm"),
        "{still_off}"
    );
    // Without the form's token nothing changes.
    let res = app
        .post_form(
            &app.browser(),
            &format!("/r/{token}/progress-emails"),
            &[("wanted", "yes")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    // Session 1 (4 December, 10:00–16:00 Riga = 14:00 UTC end): 1 and 3
    // came, 2 did not; 4 never confirmed.
    app.clock.set(utc("2023-12-04T12:00:00Z"));
    present(&app, 1, 1).await;
    present(&app, 3, 1).await;
    // An hour after the end the roster may still be in the works: nothing.
    app.clock.set(utc("2023-12-04T15:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 0);
    // Two hours after: both processes look at once; 1 and 2 are told once.
    app.clock.set(utc("2023-12-04T16:00:00Z"));
    let (here, there) = tokio::join!(
        app.state.tell_progress(),
        other_server.state.tell_progress()
    );
    assert_eq!(here.unwrap() + there.unwrap(), 2);
    assert_eq!(app.state.tell_progress().await.unwrap(), 0, "written once");
    assert_eq!(progress_rows(&app).await, 2);
    all_mail_sent(&app).await;
    let first = progress_mails(&app);
    let told: BTreeSet<String> = first.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    assert_eq!(
        told,
        ["dalibnieks1@muzejs.lv", "dalibnieks2@muzejs.lv"]
            .map(String::from)
            .into(),
        "confirmed, not stopped, not yet eligible"
    );
    let one = &to(&first, "dalibnieks1@muzejs.lv")[0];
    assert!(
        one.subject().contains("Es un mana identitāte"),
        "{}",
        one.subject()
    );
    let text = one.text_body();
    assert!(text.contains("Apmeklētas 1 no 5 nodarbībām"), "{text}");
    assert!(text.contains("vēl 3"), "how many more: {text}");
    assert!(text.contains("No tām var atteikties savā lapā"), "{text}");
    assert!(text.contains(&format!("{}/r/", app.address)), "{text}");
    let two = to(&first, "dalibnieks2@muzejs.lv")[0].text_body();
    assert!(two.contains("Apmeklētas 0 no 5 nodarbībām"), "{two}");

    // Session 2 (11 December): 1 came, 2 missed again — 0 of 5 with three
    // to go can no longer make four.
    app.clock.set(utc("2023-12-11T12:00:00Z"));
    present(&app, 1, 2).await;
    app.clock.set(utc("2023-12-11T16:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 2);
    all_mail_sent(&app).await;
    let after_two = progress_mails(&app);
    let lost = to(&after_two, "dalibnieks2@muzejs.lv");
    assert_eq!(lost.len(), 2);
    let lost_mail = lost
        .iter()
        .find(|m| m.subject().contains("atlicis par maz"))
        .expect("told it is no longer possible");
    assert!(lost_mail.subject().contains("Es un citi"));
    assert_eq!(to(&after_two, "dalibnieks1@muzejs.lv").len(), 2);

    // Session 3: 1 came (3 of 5); 2 is not told "no longer possible" again.
    app.clock.set(utc("2023-12-18T12:00:00Z"));
    present(&app, 1, 3).await;
    app.clock.set(utc("2023-12-18T16:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 1);
    all_mail_sent(&app).await;
    let after_three = progress_mails(&app);
    assert_eq!(to(&after_three, "dalibnieks2@muzejs.lv").len(), 2, "once");
    let latest = to(&after_three, "dalibnieks1@muzejs.lv");
    assert_eq!(latest.len(), 3);
    assert!(latest
        .iter()
        .any(|m| m.text_body().contains("Apmeklētas 3 no 5 nodarbībām")));

    // Session 4: 1 came and is eligible — nothing more to tell anyone.
    app.clock.set(utc("2024-01-08T12:00:00Z"));
    present(&app, 1, 4).await;
    app.clock.set(utc("2024-01-08T16:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 0);

    // Session 5 with no attendance recorded: nothing, even a day later.
    app.clock.set(utc("2024-01-16T12:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 0);
    all_mail_sent(&app).await;
    assert_eq!(progress_mails(&app).len(), 5);
    assert!(to(&progress_mails(&app), "dalibnieks3@muzejs.lv").is_empty());
    assert!(to(&progress_mails(&app), "dalibnieks4@muzejs.lv").is_empty());
}

async fn a_cycle_can_turn_them_off(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&SEED_CYCLE.replace(
        "capacity = 30",
        "capacity = 30\nhold_hours = 720\nreminder_hours_before = 0\nprogress_emails = false",
    ))
    .await;
    register_people(&app, SLUG, 2, 2).await;
    all_mail_sent(&app).await;
    app.clock.set(utc("2023-12-04T12:00:00Z"));
    present(&app, 1, 1).await;
    app.clock.set(utc("2023-12-04T16:00:00Z"));
    assert_eq!(app.state.tell_progress().await.unwrap(), 0);
    assert_eq!(progress_rows(&app).await, 0);
    // Their page does not offer to stop what never comes.
    let token = participant_token(&app, 1).await;
    let html = app.get_html(&format!("/r/{token}")).await;
    assert!(!html.contains("progress-emails"), "{html}");
}

on_both_backends!(
    each_session_tells_who_has_not_yet_earned_it,
    a_cycle_can_turn_them_off,
);
