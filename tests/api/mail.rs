//! Issue 13, mail: a mail server that hangs does not stop the mail, the
//! backlog goes out as soon as delivery works again, and a restarted server
//! does not sit on its own claims. Real SMTP conversations throughout.

use cohort::db::schema::outbox;
use cohort::domain::registration::Notice;
use diesel::prelude::*;

use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// SMTP, and a poll far longer than any test: mail goes when a request
/// rings the worker, or when the worker goes on by itself.
async fn with_smtp_and_no_poll(b: Backend) -> Option<TestApp> {
    TestApp::spawn_with(
        b,
        Options {
            smtp: true,
            tweak: Box::new(|s| s.mail_poll_milliseconds = 600_000),
        },
    )
    .await
}

/// `notice` for each of the registrations `ids`, all due at once, then one
/// ring of the worker's bell.
async fn notify_at_once(app: &TestApp, ids: Vec<i32>, notice: Notice) {
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| {
            for id in ids {
                cohort::db::outbox::enqueue(c, id, notice, now)?;
            }
            Ok(())
        })
        .await
        .expect("enqueue");
    app.state.mail_wake.notify_one();
}

async fn with_smtp_and_timeout(b: Backend) -> Option<TestApp> {
    TestApp::spawn_with(
        b,
        Options {
            smtp: true,
            tweak: Box::new(|s| {
                s.mail_send_timeout_seconds = 1;
                s.mail_backlog_alert_minutes = 15;
            }),
        },
    )
    .await
}

async fn a_mail_server_that_hangs_does_not_stop_the_mail(b: Backend) {
    let Some(app) = with_smtp_and_timeout(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.smtp.as_ref().unwrap().set_silent(true);
    app.register(SLUG, &Person::numbered(1)).await;
    app.register(SLUG, &Person::numbered(2)).await;
    // The delivery is abandoned at its deadline, recorded, and retried later.
    wait_for_outbox(&app, "a timed-out attempt is recorded", |rows| {
        rows.iter().any(|m| {
            m.attempts >= 1
                && m.sent_at.is_none()
                && m.last_error
                    .as_deref()
                    .is_some_and(|e| e.contains("longer than 1 s"))
        })
    })
    .await;
    assert_eq!(app.get("/healthz/mail").await.status().as_u16(), 200);
    // A quarter of an hour later the stall is visible to monitors.
    app.clock.advance(chrono::Duration::minutes(16));
    let health = app.get("/healthz/mail").await;
    assert_eq!(health.status().as_u16(), 503);
    let text = health.text().await.unwrap();
    assert!(
        text.contains("2 unsent") && text.contains("16 min"),
        "{text}"
    );
    // And to organisers, on the first page they open.
    let organiser = app.login_as_organiser().await;
    let home = organiser.get(app.url("/admin")).send().await.unwrap();
    let alerts = texts(&home.text().await.unwrap(), ".notice--alert");
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].contains("16 min"), "{alerts:?}");
    // The server answers again: both messages go out, once each.
    app.smtp.as_ref().unwrap().set_silent(false);
    app.clock.advance(chrono::Duration::minutes(5));
    let mails = app.emails(2).await;
    assert_eq!(mails.len(), 2);
    wait_for_outbox(&app, "all sent", |rows| {
        rows.iter().all(|m| m.sent_at.is_some())
    })
    .await;
    assert_eq!(app.get("/healthz/mail").await.status().as_u16(), 200);
    let home = organiser.get(app.url("/admin")).send().await.unwrap();
    assert!(texts(&home.text().await.unwrap(), ".notice--alert").is_empty());
}

async fn after_an_outage_the_backlog_goes_out_at_once(b: Backend) {
    let Some(mut app) = with_smtp_and_timeout(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.smtp.as_mut().unwrap().stop().await;
    for n in 1..=3 {
        app.register(SLUG, &Person::numbered(n)).await;
    }
    wait_for_outbox(&app, "three failed attempts", |rows| {
        rows.len() == 3 && rows.iter().all(|m| m.attempts >= 1 && m.sent_at.is_none())
    })
    .await;
    // Two of them have backed off for an hour, as after a long outage.
    let later = cohort::db::to_db(app.clock.now_utc() + chrono::Duration::hours(1));
    app.db()
        .write(move |c| {
            diesel::update(outbox::table.filter(outbox::id.gt(1)))
                .set(outbox::next_attempt_at.eq(later))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    app.smtp.as_mut().unwrap().restart().await;
    // Only the first is due; once it goes through, the others follow at
    // once — the clock does not move on to their hour.
    app.clock.advance(chrono::Duration::minutes(1));
    let mails = app.emails(3).await;
    assert_eq!(
        mails.len(),
        3,
        "the backlog went out with the first success"
    );
}

async fn a_restarted_server_releases_its_own_claims(b: Backend) {
    let Some(mut app) = with_smtp_and_timeout(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.smtp.as_mut().unwrap().stop().await;
    app.register(SLUG, &Person::numbered(1)).await;
    wait_for_outbox(&app, "a failed attempt", |rows| {
        rows.first().is_some_and(|m| m.attempts >= 1)
    })
    .await;
    // As if this server died in the middle of sending it: its claim would
    // hold the message for another hour.
    let node = app.state.settings.node_id().unwrap();
    let now = app.clock.now_utc();
    let (until, due) = (
        cohort::db::to_db(now + chrono::Duration::hours(1)),
        cohort::db::to_db(now),
    );
    app.db()
        .write(move |c| {
            diesel::update(outbox::table.find(1))
                .set((
                    outbox::claimed_until.eq(Some(until)),
                    outbox::claimed_by.eq(Some(node)),
                    outbox::next_attempt_at.eq(due),
                ))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();
    app.smtp.as_mut().unwrap().restart().await;
    let _restarted = app.restarted_server().await;
    let mails = app.emails(1).await;
    assert_eq!(mails.len(), 1, "sent at once after the restart");
    assert!(app
        .smtp
        .as_ref()
        .unwrap()
        .messages()
        .iter()
        .all(|m| m.rcpt_to == ["dalibnieks1@muzejs.lv"]));
    app.checks_outbox = true;
}

on_both_backends!(
    a_mail_server_that_hangs_does_not_stop_the_mail,
    after_an_outage_the_backlog_goes_out_at_once,
    a_restarted_server_releases_its_own_claims,
);

async fn a_refused_address_does_not_hold_up_the_others(b: Backend) {
    let Some(mut app) = with_smtp_and_timeout(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.smtp
        .as_ref()
        .unwrap()
        .refuse_recipient("dalibnieks1@muzejs.lv");
    for n in 1..=4 {
        app.register(SLUG, &Person::numbered(n)).await;
    }
    // The three others arrive at once; the refused one is given up with
    // the server's reason, not retried every second.
    let mails = app.emails(3).await;
    assert!(mails.iter().all(|m| m.rcpt_to != ["dalibnieks1@muzejs.lv"]));
    wait_for_outbox(&app, "the refused message is given up", |rows| {
        rows.first().is_some_and(|m| {
            m.sent_at.is_none()
                && m.attempts == cohort::db::outbox::MAX_ATTEMPTS
                && m.last_error.as_deref().is_some_and(|e| e.contains("550"))
        })
    })
    .await;
    // Given up is not "mail not going out": nothing else is waiting.
    app.clock.advance(chrono::Duration::minutes(30));
    let health = app.get("/healthz/mail").await;
    assert_eq!(health.status().as_u16(), 200);
    assert!(health.text().await.unwrap().contains("1 given up"));
    // This test expects one message left unsent, and has checked it.
    app.checks_outbox = false;
}

on_both_backends!(a_refused_address_does_not_hold_up_the_others);

/// More mail due at once than one pass takes (a message to a whole cycle,
/// a rush) goes out pass after pass, not one batch per poll interval.
async fn a_large_backlog_goes_out_without_waiting_for_the_poll(b: Backend) {
    // Only the worker's own continuing can send the rest.
    let Some(app) = with_smtp_and_no_poll(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    crate::reminders::register_people(&app, "kopienas-2023", 130, 0).await;
    let smtp = app.smtp.as_ref().expect("SMTP");
    smtp.wait_for(130, std::time::Duration::from_secs(30)).await;
    // 130 notices due at once, then one ring of the bell.
    let ids: Vec<i32> = app
        .db()
        .read(|c| {
            Ok(cohort::db::schema::registrations::table
                .select(cohort::db::schema::registrations::id)
                .load(c)?)
        })
        .await
        .expect("registrations");
    notify_at_once(&app, ids, Notice::LinkAgain).await;
    let started = std::time::Instant::now();
    smtp.wait_for(260, std::time::Duration::from_secs(60)).await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "all went out within a minute, with a ten-minute poll"
    );
    all_mail_sent(&app).await;
}

on_both_backends!(a_large_backlog_goes_out_without_waiting_for_the_poll);

/// One pass reads what its emails speak of together (issue 12): each email
/// of a pass over two cycles, one with tracks, still names its own cycle,
/// lists its own participant's sessions and carries their own check-in code.
async fn one_pass_over_two_cycles_writes_each_email_for_its_own_reader(b: Backend) {
    let Some(app) = with_smtp_and_no_poll(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.import_cycle(&crate::tracks::conference(40)).await;
    app.register(SLUG, &Person::numbered(1)).await;
    app.register(SLUG, &Person::numbered(2)).await;
    // Day one's workshop A (zoom …2) and B (…3), day two's A (…5) and B (…6).
    for (n, first, second) in [(3, "2", "5"), (4, "3", "6")] {
        let res = crate::tracks::register_choosing(&app, &Person::numbered(n), first, second).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let smtp = app.smtp.as_ref().expect("SMTP");
    smtp.wait_for(4, std::time::Duration::from_secs(30)).await;
    // The four confirmations again, due at once: one pass, one chunk.
    notify_at_once(&app, (1..=4).collect(), Notice::Seated).await;
    let mails = smtp.wait_for(8, std::time::Duration::from_secs(30)).await;
    let titles = app
        .db()
        .read(|c| {
            use cohort::db::schema::cycles;
            Ok(cycles::table
                .order(cycles::id.asc())
                .select(cycles::title)
                .load::<String>(c)?)
        })
        .await
        .unwrap();
    for id in 1..=4 {
        let reg = registration(&app, id).await;
        let mail = mails[4..]
            .iter()
            .find(|m| m.rcpt_to == [reg.email.clone()])
            .unwrap_or_else(|| panic!("registration {id} has its email in the pass"));
        let (own, other) = if id <= 2 {
            (&titles[0], &titles[1])
        } else {
            (&titles[1], &titles[0])
        };
        let subject = mail.subject();
        assert!(subject.contains(own.as_str()), "{subject}");
        assert!(!subject.contains(other.as_str()), "{subject}");
        assert_eq!(
            mail.checkin_code(),
            Some(app.state.composer.checkin_link(&reg)),
            "registration {id}: its own check-in code"
        );
        let calendar = mail
            .attachments()
            .into_iter()
            .find(|(ct, _, _)| ct == "text/calendar")
            .map(|(_, _, ics)| String::from_utf8_lossy(&ics).into_owned())
            .expect("a calendar");
        assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 5, "{calendar}");
        let (chosen, not_chosen) = match id {
            3 => (["1000000002", "1000000005"], ["1000000003", "1000000006"]),
            4 => (["1000000003", "1000000006"], ["1000000002", "1000000005"]),
            _ => continue,
        };
        for zoom in chosen {
            assert!(calendar.contains(zoom), "registration {id}: {zoom}");
        }
        for zoom in not_chosen {
            assert!(!calendar.contains(zoom), "registration {id}: not {zoom}");
        }
    }
    all_mail_sent(&app).await;
}

on_both_backends!(one_pass_over_two_cycles_writes_each_email_for_its_own_reader);

/// A row the app cannot read (a language this version does not know,
/// written by another tool or an older version) fails its own email only:
/// the chunk's one read fails with it, and each email then reads its own.
async fn an_unreadable_registration_holds_up_only_its_own_email(b: Backend) {
    let Some(mut app) = with_smtp_and_no_poll(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    for n in 1..=3 {
        app.register(SLUG, &Person::numbered(n)).await;
    }
    let smtp = app.smtp.as_ref().expect("SMTP");
    smtp.wait_for(3, std::time::Duration::from_secs(30)).await;
    app.db()
        .write(|c| {
            use cohort::db::schema::registrations;
            Ok(diesel::update(registrations::table.find(2))
                .set(registrations::language.eq("tlh"))
                .execute(c)?)
        })
        .await
        .expect("an unknown language");
    notify_at_once(&app, (1..=3).collect(), Notice::Seated).await;
    let mails = smtp.wait_for(5, std::time::Duration::from_secs(30)).await;
    let mut again: Vec<String> = mails[3..].iter().map(|m| m.rcpt_to.join(",")).collect();
    again.sort();
    assert_eq!(again, ["dalibnieks1@muzejs.lv", "dalibnieks3@muzejs.lv"]);
    wait_for_outbox(&app, "the unreadable one waits to be tried again", |rows| {
        rows.iter().any(|m| {
            m.registration_id == Some(2)
                && m.sent_at.is_none()
                && m.attempts == 1
                && m.last_error.is_some()
        })
    })
    .await;
    // This test leaves one message unsent on purpose, and has checked it.
    app.checks_outbox = false;
}

on_both_backends!(an_unreadable_registration_holds_up_only_its_own_email);
