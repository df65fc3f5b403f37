//! Issue 9, reminders: with the seed's cycle and the controllable clock,
//! every seat holder gets one reminder per session at 10:00 Riga time the
//! day before — with the address or the join link — and nobody else does;
//! two server processes write it once; the day before follows the change to
//! summer time; a cycle may choose hours before, or no reminders.

use std::collections::BTreeSet;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// Reminders received so far, by their subject's session title.
fn reminders_of(app: &TestApp, session: &str) -> Vec<crate::smtp::ReceivedMail> {
    let subject = format!("atgādinājums: {session}");
    app.smtp
        .as_ref()
        .expect("SMTP")
        .messages()
        .into_iter()
        .filter(|m| m.subject().contains(&subject))
        .collect()
}

fn recipients(mails: &[crate::smtp::ReceivedMail]) -> BTreeSet<String> {
    mails.iter().flat_map(|m| m.rcpt_to.clone()).collect()
}

async fn reminder_rows(app: &TestApp) -> usize {
    outbox_rows(app)
        .await
        .iter()
        .filter(|m| m.kind == "reminder")
        .count()
}

/// Registers `n` people; confirms the first `confirmed` of them.
pub async fn register_people(app: &TestApp, slug: &str, n: usize, confirmed: usize) {
    for i in 1..=n {
        let res = app.register(slug, &Person::numbered(i)).await;
        assert_eq!(res.status().as_u16(), 303, "person {i} registers");
    }
    let now = app.clock.now_utc();
    let slug = slug.to_string();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, &slug)?.expect("cycle");
            for i in 1..=confirmed {
                let email = cohort::domain::Email::parse(&format!("dalibnieks{i}@muzejs.lv"))
                    .expect("email");
                let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
                cohort::db::registrations::confirm(c, reg.id, now)?;
            }
            Ok(())
        })
        .await
        .expect("confirm");
}

async fn each_seat_holder_is_reminded_once_per_session(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    // Two seats, and a month to confirm (so the sweep of unconfirmed seats
    // leaves the seat holders alone while the clock jumps ahead).
    app.import_cycle(&SEED_CYCLE.replace("capacity = 30", "capacity = 2\nhold_hours = 720"))
        .await;
    // 1 and 2 get the seats, 3 and 4 wait; 2 gives the seat back, so 3
    // holds it (not yet confirmed) and 4 still waits.
    register_people(&app, SLUG, 4, 2).await;
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let email = cohort::domain::Email::parse("dalibnieks2@muzejs.lv").expect("email");
            let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
            cohort::db::registrations::cancel(c, reg.id, now)?;
            Ok(())
        })
        .await
        .expect("cancel");
    all_mail_sent(&app).await;
    let seat_holders: BTreeSet<String> = ["dalibnieks1@muzejs.lv", "dalibnieks3@muzejs.lv"]
        .map(String::from)
        .into();
    let other_server = app.another_server().await;

    // 3 December, a minute before 10:00 in Riga: not yet.
    app.clock.set(utc("2023-12-03T07:59:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    assert_eq!(reminder_rows(&app).await, 0);

    // 10:00 in Riga: both processes look at once; each seat holder gets one.
    app.clock.set(utc("2023-12-03T08:00:00Z"));
    let (here, there) = tokio::join!(app.state.remind_due(), other_server.state.remind_due());
    assert!(here.unwrap() + there.unwrap() <= 2);
    assert_eq!(app.state.remind_due().await.unwrap(), 0, "written once");
    assert_eq!(reminder_rows(&app).await, 2);
    all_mail_sent(&app).await;
    let first = reminders_of(&app, "Es un mana identitāte");
    assert_eq!(
        recipients(&first),
        seat_holders,
        "the seat holders, once each"
    );
    assert_eq!(first.len(), 2, "nobody twice");
    let text = first[0].text_body();
    assert!(
        text.contains(
            "nodarbība “Es un mana identitāte” notiks pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00"
        ),
        "{text}"
    );
    assert!(
        text.contains("Latvijas Kara muzejs, Smilšu iela 20, Rīga"),
        "the address of an in-person session: {text}"
    );
    assert!(
        text.contains(&format!("{}/r/", app.address)),
        "their own page: {text}"
    );

    // The online session: the join link, a week later.
    app.clock.set(utc("2023-12-10T08:00:00Z"));
    app.state.remind_due().await.unwrap();
    all_mail_sent(&app).await;
    let second = reminders_of(&app, "Es un citi");
    assert_eq!(recipients(&second), seat_holders);
    assert_eq!(second.len(), 2);
    assert!(second[0]
        .text_body()
        .contains("https://zoom.us/j/1111111111"));
    assert!(second[0]
        .html_body()
        .contains("https://zoom.us/j/1111111111"));

    // A server that was down through 17 December 10:00 and comes back after
    // the third session began does not send that reminder late.
    app.clock.set(utc("2023-12-18T11:30:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    all_mail_sent(&app).await;
    assert!(reminders_of(&app, "Es un kopiena").is_empty());

    // Nobody on the waitlist or cancelled heard a thing.
    let all_reminded = recipients(
        &app.smtp
            .as_ref()
            .unwrap()
            .messages()
            .into_iter()
            .filter(|m| m.subject().contains("atgādinājums"))
            .collect::<Vec<_>>(),
    );
    assert_eq!(all_reminded, seat_holders);
}

/// A cycle across the change to summer time (Riga, 31 March 2024 03:00).
const SPRING: &str = r#"
slug = "pavasaris-2024"
title = "Pavasara darbnīcas"
language = "lv"
timezone = "Europe/Riga"
capacity = 10
registration_opens = "2023-11-01T00:00"
registration_closes = "2024-03-20T23:59"
require_email_confirmation = false
min_sessions = 1
published = true

[[sessions]]
title = "Pirms pārejas"
starts = "2024-03-31T13:00"
ends = "2024-03-31T15:00"
mode = "in_person"
location = "Rīgas Centrālā bibliotēka"

[[sessions]]
title = "Pēc pārejas"
starts = "2024-04-01T10:00"
ends = "2024-04-01T12:00"
mode = "in_person"
location = "Rīgas Centrālā bibliotēka"
"#;

async fn reminders_stay_at_ten_across_the_change_to_summer_time(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(SPRING).await;
    register_people(&app, "pavasaris-2024", 1, 0).await;
    all_mail_sent(&app).await;
    // The session on the day of the change: 30 March 10:00 winter time.
    app.clock.set(utc("2024-03-30T07:59:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    app.clock.set(utc("2024-03-30T08:00:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 1);
    // The next one: 31 March 10:00 summer time, an hour earlier in UTC.
    app.clock.set(utc("2024-03-31T06:59:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    app.clock.set(utc("2024-03-31T07:00:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 1);
    all_mail_sent(&app).await;
    assert_eq!(reminders_of(&app, "Pirms pārejas").len(), 1);
    assert_eq!(reminders_of(&app, "Pēc pārejas").len(), 1);
}

async fn a_cycle_chooses_hours_before_or_no_reminders(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let two_hours = SPRING.replace(
        "published = true",
        "published = true\nreminder_hours_before = 2",
    );
    let off = SPRING
        .replace("pavasaris-2024", "bez-atgadinajumiem")
        .replace(
            "published = true",
            "published = true\nreminder_hours_before = 0",
        );
    app.import_cycle(&two_hours).await;
    app.import_cycle(&off).await;
    register_people(&app, "pavasaris-2024", 1, 0).await;
    register_people(&app, "bez-atgadinajumiem", 1, 0).await;
    // 13:00 summer time is 10:00 UTC: two hours before is 08:00 UTC. The
    // cycle without reminders writes none, then or later.
    app.clock.set(utc("2024-03-30T08:00:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    app.clock.set(utc("2024-03-31T07:59:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 0);
    app.clock.set(utc("2024-03-31T08:00:00Z"));
    assert_eq!(app.state.remind_due().await.unwrap(), 1);
    app.clock.set(utc("2024-04-01T06:00:00Z"));
    assert_eq!(
        app.state.remind_due().await.unwrap(),
        1,
        "the second session, two hours before 10:00 summer time"
    );
    assert_eq!(reminder_rows(&app).await, 2, "none from the cycle without");

    // The organiser's form shows each choice.
    let organiser = app.login_as_organiser().await;
    for (slug, shown) in [("bez-atgadinajumiem", "0"), ("pavasaris-2024", "2")] {
        let form = organiser
            .get(app.url(&format!("/admin/cycles/{slug}/edit")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            form.contains(&format!(
                r#"name="reminder_hours_before" type="number" value="{shown}""#
            )),
            "{slug}: {form}"
        );
    }
}

on_both_backends!(
    each_seat_holder_is_reminded_once_per_session,
    reminders_stay_at_ten_across_the_change_to_summer_time,
    a_cycle_chooses_hours_before_or_no_reminders,
);

/// When the first session starts promotion stops: everyone still waiting
/// is told once that no seat became free (not those who left the list,
/// not the seat holders), with two server processes looking at once.
async fn the_waiting_list_hears_when_no_seat_became_free(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&SEED_CYCLE.replace("capacity = 30", "capacity = 2\nhold_hours = 720"))
        .await;
    register_people(&app, SLUG, 4, 2).await;
    // 4 leaves the waiting list; 3 still waits.
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let email = cohort::domain::Email::parse("dalibnieks4@muzejs.lv").expect("email");
            let reg = cohort::db::registrations::by_email(c, cycle.id, &email)?.expect("reg");
            cohort::db::registrations::cancel(c, reg.id, now)?;
            Ok(())
        })
        .await
        .expect("cancel");
    let other_server = app.another_server().await;
    app.clock.set(utc("2023-12-04T07:59:00Z")); // a minute before 10:00 in Riga
    assert_eq!(app.state.close_waitlists().await.unwrap(), 0, "not yet");
    app.clock.set(utc("2023-12-04T08:00:00Z"));
    let (here, there) = tokio::join!(
        app.state.close_waitlists(),
        other_server.state.close_waitlists()
    );
    assert_eq!(here.unwrap() + there.unwrap(), 1, "once, by one process");
    assert_eq!(app.state.close_waitlists().await.unwrap(), 0);
    all_mail_sent(&app).await;
    let told: Vec<_> = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .filter(|m| m.subject().contains("vieta neatbrīvojās"))
        .collect();
    assert_eq!(
        recipients(&told),
        BTreeSet::from(["dalibnieks3@muzejs.lv".to_string()])
    );
    assert_eq!(told.len(), 1);
    assert!(told[0]
        .text_body()
        .contains("Pirmā nodarbība ir sākusies, un jums vieta neatbrīvojās"));
}

on_both_backends!(the_waiting_list_hears_when_no_seat_became_free);
