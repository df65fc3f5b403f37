//! Rule 3, the waitlist: a freed seat goes to the first in line at once,
//! an unconfirmed seat expires to the waitlist, and once the first session
//! has started nobody is promoted and nobody jumps the queue (not a
//! newcomer, not a restored registration).

use cohort::clock::Clock;

use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;
use crate::registration::{participant_path, small_cycle, SLUG};

async fn giving_a_seat_back_promotes_the_first_waitlisted(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(2, true)).await;
    for n in 1..=4 {
        app.register(SLUG, &Person::numbered(n)).await;
    }
    let mails = app.emails(4).await;
    assert_eq!(registration(&app, 3).await.status, "waitlisted");
    assert!(mails.iter().any(|m| m.rcpt_to == ["dalibnieks3@muzejs.lv"]
        && m.text_body().contains("Jūsu vieta rindā: 1.")));
    // Participant 1 gives the seat back from their page.
    let path = participant_path(
        mails
            .iter()
            .find(|m| m.rcpt_to == ["dalibnieks1@muzejs.lv"])
            .unwrap(),
    );
    let browser = app.browser();
    let csrf = app.csrf(&browser, &path).await;
    assert_redirect_to(
        &app.post_form(
            &browser,
            &format!("{path}/cancel"),
            &[("csrf_token", &csrf)],
        )
        .await,
        &path,
    );
    assert_eq!(registration(&app, 1).await.status, "cancelled");
    // Her page no longer offers the calendar, and the file at its address
    // takes the sessions out (METHOD:CANCEL) instead of putting them back.
    let page = app.page(&browser, &path).await;
    assert!(!page.contains("/calendar.ics"), "{page}");
    let ics = app.get(&format!("{path}/calendar.ics")).await;
    assert_eq!(ics.status().as_u16(), 200);
    let ics = ics.text().await.unwrap();
    assert!(
        ics.contains("METHOD:CANCEL") && !ics.contains("METHOD:PUBLISH"),
        "{ics}"
    );
    assert_eq!(
        registration(&app, 3).await.status,
        "pending",
        "first on the waitlist promoted at once"
    );
    assert_eq!(registration(&app, 4).await.status, "waitlisted");
    let mails = app.emails(6).await;
    let promoted = mails
        .iter()
        .find(|m| m.rcpt_to == ["dalibnieks3@muzejs.lv"] && m.subject().contains("vieta ir jūsu"))
        .expect("promotion email");
    assert!(promoted.text_body().contains("/r/"));
    // The organiser's waitlist now shows only number 4.
    let organiser = app.login_as_organiser().await;
    let html = organiser
        .get(app.url("/admin/cycles/kopienas-2023"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(texts(&html, "ol.waitlist li").len(), 1);
}

/// The page after joining the waitlist promises what a waiting person gets:
/// the schedule and dates, not join links or reminders (those need a seat).
async fn the_waitlisted_are_not_promised_links_or_reminders(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, true)).await;
    let browser = app.browser();
    let seated = app.register(SLUG, &Person::numbered(1)).await;
    let waiting = app.register(SLUG, &Person::numbered(2)).await;
    let (seated, waiting) = (redirect_target(&seated), redirect_target(&waiting));
    assert!(waiting.contains("outcome=waitlisted"), "{waiting}");
    let html = app.page(&browser, &waiting).await;
    let next = texts(&html, "ul.list li").join(" | ");
    assert!(next.contains("kad jums būs vieta"), "{next}");
    assert!(
        !next.contains("pirms katras nodarbības saņemsiet atgādinājumu"),
        "{next}"
    );
    // A seat holder is still promised both.
    let html = app.page(&browser, &seated).await;
    let next = texts(&html, "ul.list li").join(" | ");
    assert!(
        next.contains("pirms katras nodarbības saņemsiet atgādinājumu"),
        "{next}"
    );
}

/// Rule 5 on a full cycle with a waitlist: a known address, seated or
/// waiting, is told the waitlist place a newcomer would get, and nothing
/// changes; the newcomer then gets exactly that place.
async fn a_known_address_on_a_full_cycle_is_answered_like_a_newcomer(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, true)).await;
    let location = |res: reqwest::Response| redirect_target(&res);
    location(app.register(SLUG, &Person::numbered(1)).await);
    let second = location(app.register(SLUG, &Person::numbered(2)).await);
    assert!(
        second.ends_with("outcome=waitlisted&position=1"),
        "{second}"
    );
    let seated_again = location(app.register(SLUG, &Person::numbered(1)).await);
    let waiting_again = location(app.register(SLUG, &Person::numbered(2)).await);
    let newcomer = location(app.register(SLUG, &Person::numbered(3)).await);
    assert!(
        newcomer.ends_with("outcome=waitlisted&position=2"),
        "{newcomer}"
    );
    assert_eq!(seated_again, newcomer);
    assert_eq!(waiting_again, newcomer);
    assert_eq!(registration(&app, 1).await.status, "pending");
    assert_eq!(registration(&app, 2).await.status, "waitlisted");
}

async fn unconfirmed_seats_expire_and_go_to_the_waitlist(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, true)).await;
    app.register(SLUG, &Person::numbered(1)).await;
    app.register(SLUG, &Person::numbered(2)).await;
    app.clock.advance(chrono::Duration::hours(47));
    assert_eq!(app.state.sweep_holds().await.unwrap(), 0);
    assert_eq!(registration(&app, 1).await.status, "pending");
    app.clock.advance(chrono::Duration::hours(1));
    assert_eq!(app.state.sweep_holds().await.unwrap(), 1);
    assert_eq!(registration(&app, 1).await.status, "expired");
    let promoted = registration(&app, 2).await;
    assert_eq!(promoted.status, "pending");
    assert_eq!(
        promoted.hold_expires_at.unwrap().and_utc(),
        app.clock.now() + chrono::Duration::hours(48)
    );
}

/// After the first session starts, freed seats are not handed out: neither to
/// the waitlist (rule 3) nor to a newcomer jumping it.
async fn a_restore_after_the_start_queues_behind_earlier_arrivals(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&small_cycle(1, true).replace("2023-11-29T23:59", "2023-12-06T23:59"))
        .await;
    for n in 1..=3 {
        app.register(SLUG, &Person::numbered(n)).await;
    }
    let o = app.login_as_organiser().await;
    let csrf = app.csrf(&o, "/admin/cycles/kopienas-2023").await;
    // Number 3 leaves the waitlist before the cycle starts.
    app.post_form(
        &o,
        "/admin/registrations/3/cancel",
        &[("csrf_token", &csrf), ("confirmed", "yes")],
    )
    .await;
    app.clock.set(utc("2023-12-04T09:00:00Z")); // session 1 is under way
                                                // Number 1 gives the seat back: no promotion after the start.
    app.post_form(
        &o,
        "/admin/registrations/1/cancel",
        &[("csrf_token", &csrf), ("confirmed", "yes")],
    )
    .await;
    assert_eq!(registration(&app, 2).await.status, "waitlisted");
    // Restoring number 3 must not hand them the seat number 2 is waiting for.
    app.post_form(
        &o,
        "/admin/registrations/3/restore",
        &[("csrf_token", &csrf)],
    )
    .await;
    assert_eq!(
        registration(&app, 3).await.status,
        "waitlisted",
        "restored behind number 2"
    );
    assert_eq!(registration(&app, 2).await.status, "waitlisted");
}

async fn nobody_jumps_the_waitlist_once_the_cycle_has_started(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    // Late registration stays open into the first week.
    app.import_cycle(&small_cycle(1, true).replace("2023-11-29T23:59", "2023-12-06T23:59"))
        .await;
    app.register(SLUG, &Person::numbered(1)).await;
    app.register(SLUG, &Person::numbered(2)).await;
    app.clock.set(utc("2023-12-04T09:00:00Z")); // session 1 is under way
    let o = app.login_as_organiser().await;
    let csrf = app.csrf(&o, "/admin/cycles/kopienas-2023").await;
    app.post_form(
        &o,
        "/admin/registrations/1/cancel",
        &[("csrf_token", &csrf), ("confirmed", "yes")],
    )
    .await;
    assert_eq!(
        registration(&app, 2).await.status,
        "waitlisted",
        "no promotion after the start"
    );
    app.register(SLUG, &Person::numbered(3)).await;
    assert_eq!(
        registration(&app, 3).await.status,
        "waitlisted",
        "the newcomer queues behind number 2"
    );
    let seats = app
        .db()
        .read(|c| cohort::db::cycles::by_slug(c, SLUG))
        .await
        .unwrap()
        .unwrap()
        .seats_taken;
    assert_eq!(seats, 0);
}

on_both_backends!(
    giving_a_seat_back_promotes_the_first_waitlisted,
    the_waitlisted_are_not_promised_links_or_reminders,
    a_known_address_on_a_full_cycle_is_answered_like_a_newcomer,
    unconfirmed_seats_expire_and_go_to_the_waitlist,
    a_restore_after_the_start_queues_behind_earlier_arrivals,
    nobody_jumps_the_waitlist_once_the_cycle_has_started,
);
