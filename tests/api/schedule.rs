//! Issue 9, schedule changes: a session moved or relocated (in the admin
//! form or by re-importing the cycle file) reaches each seat holder once,
//! saying old → new, with a calendar file that updates the event already
//! in their calendar (same UID, higher SEQUENCE, METHOD, an alarm).

use crate::helpers::*;
use crate::on_both_backends;
use crate::reminders::register_people;
use crate::smtp::ReceivedMail;

const SLUG: &str = "kopienas-2023";

/// Two seats and a month to confirm; 1 confirmed, 2 holds a seat, 3 waits.
const SMALL_CYCLE: (&str, &str) = ("capacity = 30", "capacity = 2\nhold_hours = 720");

fn small_cycle() -> String {
    SEED_CYCLE.replace(SMALL_CYCLE.0, SMALL_CYCLE.1)
}

fn change_mails(app: &TestApp, session: &str) -> Vec<ReceivedMail> {
    let subject = format!("izmaiņas grafikā: {session}");
    app.smtp
        .as_ref()
        .expect("SMTP")
        .messages()
        .into_iter()
        .filter(|m| m.subject().contains(&subject))
        .collect()
}

fn recipients(mails: &[ReceivedMail]) -> Vec<String> {
    let mut all: Vec<String> = mails.iter().flat_map(|m| m.rcpt_to.clone()).collect();
    all.sort();
    all
}

/// The calendar file a mail carries.
fn ics_of(mail: &ReceivedMail) -> String {
    let (_, _, bytes) = mail
        .attachments()
        .into_iter()
        .find(|(kind, _, _)| kind == "text/calendar")
        .expect("a calendar file");
    // Unfold the long lines (RFC 5545) before looking for values.
    String::from_utf8(bytes).unwrap().replace("\r\n ", "")
}

/// The VEVENT whose UID starts `slug-position@`.
fn event(ics: &str, position: i32) -> String {
    ics.split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:{SLUG}-{position}@")))
        .unwrap_or_else(|| panic!("session {position} in {ics}"))
        .to_string()
}

async fn schedule_rows(app: &TestApp) -> usize {
    outbox_rows(app)
        .await
        .iter()
        .filter(|m| m.kind == "schedule_changed")
        .count()
}

async fn a_moved_session_reaches_each_seat_holder_once_and_updates_the_calendar(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&small_cycle()).await;
    register_people(&app, SLUG, 3, 1).await;
    all_mail_sent(&app).await;
    let first = app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .into_iter()
        .find(|m| m.rcpt_to.contains(&"dalibnieks1@muzejs.lv".to_string()))
        .expect("the seat's email");
    let before = ics_of(&first);
    assert!(before.contains("METHOD:PUBLISH"), "{before}");
    let third = event(&before, 3);
    assert!(third.contains("DTSTART:20231218T110000Z"), "{third}");
    assert!(
        third.contains("BEGIN:VALARM") && third.contains("TRIGGER:-PT3600S"),
        "an alarm an hour before: {third}"
    );
    assert!(
        event(&before, 1).contains("Jūsu lapa"),
        "calendar words in the participant's language"
    );
    let other_server = app.another_server().await;

    // Re-importing the file: session 3 an hour later, session 1 in another
    // museum, session 2 only renamed. Both processes save it at once.
    let moved = small_cycle()
        .replace(
            "starts = \"2023-12-18T13:00\"\nends = \"2023-12-18T16:00\"",
            "starts = \"2023-12-18T14:00\"\nends = \"2023-12-18T17:00\"",
        )
        .replace(
            "Latvijas Kara muzejs, Smilšu iela 20, Rīga",
            "Latvijas Nacionālais vēstures muzejs, Brīvības bulvāris 32, Rīga",
        )
        .replace("title = \"Es un citi\"", "title = \"Es un citi (saruna)\"");
    let spec = cohort::domain::cycle_file::parse_cycle_file(&moved).unwrap();
    let (here, there) = tokio::join!(
        cohort::app::cycles::save_cycle(&app.state.services, spec.clone()),
        cohort::app::cycles::save_cycle(&other_server.state.services, spec.clone()),
    );
    let told: usize = [here, there]
        .into_iter()
        .map(|saved| match saved.unwrap().unwrap() {
            cohort::db::cycles::Saved::Updated { told, .. } => told,
            created => panic!("{created:?}"),
        })
        .sum();
    assert_eq!(told, 4, "two changed sessions, two seat holders, once");
    app.import_cycle(&moved).await;
    assert_eq!(
        schedule_rows(&app).await,
        4,
        "the same file again: nothing new"
    );
    all_mail_sent(&app).await;

    let seat_holders = vec![
        "dalibnieks1@muzejs.lv".to_string(),
        "dalibnieks2@muzejs.lv".to_string(),
    ];
    let moved_mails = change_mails(&app, "Es un kopiena");
    assert_eq!(
        recipients(&moved_mails),
        seat_holders,
        "each once, not the waitlist"
    );
    let text = moved_mails[0].text_body().replace("\r\n", "\n");
    assert!(
        text.contains(
            "Laiks:\npirmdiena, 2023. gada 18. decembrī, plkst. 13.00–16.00 (Latvijas laiks) → pirmdiena, 2023. gada 18. decembrī, plkst. 14.00–17.00 (Latvijas laiks)"
        ),
        "old → new: {text:?}"
    );
    assert!(
        moved_mails[0]
            .html_body()
            .contains("13.00–16.00 (Latvijas laiks) → pirmdiena, 2023. gada 18. decembrī, plkst. 14.00–17.00 (Latvijas laiks)"),
        "the HTML part says it too"
    );
    let after = ics_of(&moved_mails[0]);
    let third = event(&after, 3);
    assert!(after.contains("METHOD:PUBLISH"));
    assert!(
        third.contains("DTSTART:20231218T120000Z")
            && sequence_of(&third) == sequence_of(&event(&before, 3)) + 1,
        "the same event, updated: {third}"
    );
    assert_eq!(
        sequence_of(&event(&after, 2)),
        sequence_of(&event(&before, 2)),
        "a new title is no new plan"
    );
    let relocated = change_mails(&app, "Es un mana identitāte");
    assert_eq!(recipients(&relocated), seat_holders);
    assert!(
        relocated[0].text_body().replace("\r\n", "\n").contains(
            "Vieta:\nLatvijas Kara muzejs, Smilšu iela 20, Rīga → Latvijas Nacionālais vēstures muzejs, Brīvības bulvāris 32, Rīga"
        ),
        "{}",
        relocated[0].text_body().replace("\r\n", "\n")
    );
    assert!(
        change_mails(&app, "Es un citi").is_empty(),
        "renamed only: no email"
    );

    // The organiser's form: a new join link for session 4.
    let organiser = app.login_as_organiser().await;
    let edit = format!("/admin/cycles/{SLUG}/edit");
    let html = organiser
        .get(app.url(&edit))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut fields = form_fields(&html, "form[action$=\"/edit\"]");
    set_field(&mut fields, "s4_online_url", "https://zoom.us/j/5555555555");
    let res = organiser
        .post(app.url(&edit))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}"));
    let page = organiser
        .get(app.url(&format!("/admin/cycles/{SLUG}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("2 vietu ieguvušajiem tiks paziņots"),
        "the organiser sees who is told: {page}"
    );
    all_mail_sent(&app).await;
    let new_link = change_mails(&app, "Kopienas izaicinājumi");
    assert_eq!(recipients(&new_link), seat_holders);
    assert!(new_link[0]
        .text_body()
        .replace("\r\n", "\n")
        .contains("Saite pievienoties:\nhttps://zoom.us/j/5555555555"));
    assert_eq!(schedule_rows(&app).await, 6);
}

/// Waits until the newest schedule email was tried and failed (mail is
/// down), so it is waiting and no worker holds it.
async fn a_delivery_failed(app: &TestApp) {
    wait_for_outbox(app, "a failed schedule email", |rows| {
        rows.iter()
            .rev()
            .find(|m| m.kind == "schedule_changed")
            .is_some_and(|m| m.attempts >= 1 && m.claimed_until.is_none() && m.sent_at.is_none())
    })
    .await;
}

/// Changes made while an email about the first one still waits are told in
/// that one email, as the session ends up; a session put back as it was, or
/// corrected after it happened, mails nobody.
async fn changes_are_told_as_they_end_up(b: Backend) {
    let Some(mut app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&small_cycle()).await;
    register_people(&app, SLUG, 1, 1).await;
    all_mail_sent(&app).await;
    let at = |from: &str, to: &str| {
        small_cycle().replace(
            "starts = \"2023-12-18T13:00\"\nends = \"2023-12-18T16:00\"",
            &format!("starts = \"2023-12-18T{from}\"\nends = \"2023-12-18T{to}\""),
        )
    };
    // Mail is down: the first change's email waits while two more follow.
    app.smtp.as_mut().unwrap().stop().await;
    app.import_cycle(&at("14:00", "17:00")).await;
    a_delivery_failed(&app).await;
    app.import_cycle(&at("15:00", "18:00")).await;
    assert_eq!(
        schedule_rows(&app).await,
        1,
        "one email waits, and tells the latest"
    );
    app.smtp.as_mut().unwrap().restart().await;
    app.clock.advance(chrono::Duration::minutes(10));
    all_mail_sent(&app).await;
    let mails = change_mails(&app, "Es un kopiena");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0]
            .text_body()
            .replace("\r\n", "\n")
            .contains("13.00–16.00 (Latvijas laiks) → pirmdiena, 2023. gada 18. decembrī, plkst. 15.00–18.00 (Latvijas laiks)"),
        "from what they knew to what it is: {}",
        mails[0].text_body().replace("\r\n", "\n")
    );

    // Moved and put back before the email could go: nothing to tell.
    app.smtp.as_mut().unwrap().stop().await;
    app.import_cycle(&at("16:00", "19:00")).await;
    a_delivery_failed(&app).await;
    app.import_cycle(&at("15:00", "18:00")).await;
    app.smtp.as_mut().unwrap().restart().await;
    app.clock.advance(chrono::Duration::minutes(10));
    all_mail_sent_or_given_up(&app).await;
    assert_eq!(
        change_mails(&app, "Es un kopiena").len(),
        1,
        "no second email"
    );

    // After session 1 took place, its record is corrected: nobody is mailed.
    app.clock.set(utc("2023-12-05T10:00:00Z"));
    app.import_cycle(&at("15:00", "18:00").replace("2023-12-04T16:00", "2023-12-04T15:30"))
        .await;
    assert_eq!(schedule_rows(&app).await, 2, "only the two written before");
}

on_both_backends!(
    a_moved_session_reaches_each_seat_holder_once_and_updates_the_calendar,
    changes_are_told_as_they_end_up,
);
