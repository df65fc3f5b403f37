//! Issue 10, chosen sessions and tracks: seed 004's two-day online
//! conference with parallel workshops, each with its own places.

use cohort::db::attendance::{Change, Source};

use crate::foundation::registration;
use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "iam-baltija-2021";
const SEED_004: &str = include_str!("../fixtures/iam-baltija-2021.toml");

/// The conference with its dates moved to the seed cycle's test clock:
/// registration open on 2023-11-15, the two days on 4 and 5 December.
/// Sessions: 1 plenary, 2|3 workshops A|B, 4 plenary, 5|6 workshops A|B,
/// 7 plenary — five a participant can attend.
pub(crate) fn conference(workshop_capacity: u32) -> String {
    SEED_004
        .replace("2021-08-23T00:00", "2023-11-01T00:00")
        .replace("2021-09-20T23:59", "2023-11-29T23:59")
        .replace("2021-09-23", "2023-12-04")
        .replace("2021-09-24", "2023-12-05")
        .replace("capacity = 40", &format!("capacity = {workshop_capacity}"))
}

/// The form for `p` choosing the sessions at `first` and `second`.
pub(crate) fn form_choosing<'a>(
    p: &'a Person,
    csrf: &'a str,
    first: &'a str,
    second: &'a str,
) -> Vec<(&'static str, &'a str)> {
    let mut form = p.form(csrf);
    form.push(("slot_1", first));
    form.push(("slot_2", second));
    form
}

pub(crate) async fn register_choosing(
    app: &TestApp,
    p: &Person,
    first: &str,
    second: &str,
) -> reqwest::Response {
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
    app.post_form(
        &browser,
        &format!("/cycles/{SLUG}/register"),
        &form_choosing(p, &csrf, first, second),
    )
    .await
}

/// Gives the seat of registration `reg_id` back from the participant's page.
pub(crate) async fn cancel(app: &TestApp, reg_id: i32) {
    let token = token_of(app, reg_id).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/r/{token}/cancel")).await;
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/cancel"),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "registration {reg_id} cancels");
}

pub(crate) async fn token_of(app: &TestApp, id: i32) -> String {
    app.state
        .composer
        .participant_link(&registration(app, id).await)
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

/// (position, seats taken) of every session, and how many choices each has.
pub(crate) async fn seats(app: &TestApp) -> Vec<(i32, i32, i64)> {
    app.db()
        .read(|c| {
            use cohort::db::schema::session_choices;
            use diesel::prelude::*;
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            let mut out = vec![];
            for s in cohort::db::cycles::sessions_of(c, cy.id)? {
                let choices: i64 = session_choices::table
                    .filter(session_choices::session_id.eq(s.id))
                    .filter(session_choices::holds_seat.eq(true))
                    .count()
                    .get_result(c)?;
                out.push((s.position, s.seats_taken, choices));
            }
            Ok(out)
        })
        .await
        .unwrap()
}

pub(crate) async fn session_id(app: &TestApp, position: i32) -> i32 {
    app.db()
        .read(move |c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            Ok(cohort::db::cycles::session_at(c, cy.id, position)?
                .unwrap()
                .id)
        })
        .await
        .unwrap()
}

/// Marks a registration present at the session at `position`; whether it changed.
async fn mark_present(app: &TestApp, reg: i32, position: i32) -> bool {
    let session = session_id(app, position).await;
    let at = app.clock.now_utc();
    app.db()
        .write(move |c| {
            cohort::db::attendance::set(
                c,
                reg,
                session,
                true,
                None,
                &Change {
                    source: Source::Manual,
                    by: None,
                    at,
                    note: None,
                },
            )
        })
        .await
        .unwrap()
}

async fn the_conference_file_imports_with_its_tracks(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(40)).await;
    let html = app.get_html(&format!("/cycles/{SLUG}")).await;
    // Two fieldsets of alternatives, each with its own legend.
    assert_eq!(html.matches("<legend>").count() - 2, 2, "{html}");
    assert!(html.contains(r#"name="slot_1" value="2""#));
    assert!(html.contains(r#"name="slot_1" value="3""#));
    assert!(html.contains(r#"name="slot_2" value="6""#));
    assert!(html.contains("— 40 brīv"), "seats left shown");
    // Stored as written.
    let stored = app
        .db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            cohort::db::cycles::sessions_of(c, cy.id)
        })
        .await
        .unwrap();
    let tracks: Vec<_> = stored
        .iter()
        .map(|s| (s.track.as_deref(), s.capacity))
        .collect();
    assert_eq!(
        tracks,
        [
            (None, None),
            (Some("A"), Some(40)),
            (Some("B"), Some(40)),
            (None, None),
            (Some("A"), Some(40)),
            (Some("B"), Some(40)),
            (None, None)
        ]
    );
    // Five sessions a participant can attend: a rule of six is refused.
    let problems = cohort::domain::cycle_file::parse_cycle_file(
        &conference(40).replace("min_sessions = 4", "min_sessions = 6"),
    )
    .unwrap_err();
    assert!(problems
        .iter()
        .any(|p| p.field == "min_sessions" && p.problem == "min-sessions-over-attendable"));
}

async fn a_workshop_of_five_takes_exactly_five_of_forty_at_once(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(5)).await;
    let n = 40;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(n));
    let mut tasks = vec![];
    for i in 0..n {
        let browser = app.browser();
        let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
        let url = app.url(&format!("/cycles/{SLUG}/register"));
        let barrier = barrier.clone();
        let p = Person::numbered(i);
        tasks.push(tokio::spawn(async move {
            let form: Vec<(String, String)> = form_choosing(&p, &csrf, "2", "5")
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            barrier.wait().await;
            let res = browser.post(url).form(&form).send().await.unwrap();
            let status = res.status().as_u16();
            (status, res.text().await.unwrap())
        }));
    }
    let mut seated = 0;
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            303 => seated += 1,
            422 => assert!(
                body.contains("Šajā nodarbībā vietu vairs nav"),
                "the full workshop is named beside its slot"
            ),
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(seated, 5, "exactly the workshop's places were given");
    let s = seats(&app).await;
    assert_eq!(
        s[1],
        (2, 5, 5),
        "workshop A: 5 taken, 5 choices holding seats"
    );
    assert_eq!(s[4], (5, 5, 5));
    let registered = app
        .db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            Ok((
                cohort::db::registrations::list(c, cy.id, &Default::default())?.len(),
                cy.seats_taken,
            ))
        })
        .await
        .unwrap();
    assert_eq!(registered, (5, 5), "nothing stored for the refused ones");
    // The form now offers A as full (disabled); B is still open.
    let html = app.get_html(&format!("/cycles/{SLUG}")).await;
    assert!(
        html.contains(r#"name="slot_1" value="2" id="slot_1" disabled"#),
        "{html}"
    );
    // Someone who chooses B gets in.
    let res = register_choosing(&app, &Person::numbered(99), "3", "6").await;
    assert_eq!(res.status().as_u16(), 303);
    // A cancellation gives the workshop seat back.
    cancel(&app, 1).await;
    assert_eq!(seats(&app).await[1], (2, 4, 4));
}

async fn a_perfect_attender_of_parallel_workshops_is_eligible(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(40)).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    assert_eq!(
        register_choosing(&app, &anna, "2", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    // Unticked: a choice for every slot is needed, named beside the slot.
    let janis = Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv");
    let res = register_choosing(&app, &janis, "", "5").await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r##"href="#slot_1""##),
        "the summary links to the slot"
    );
    assert!(html.contains("Izvēlieties vienu no nodarbībām"));
    assert!(
        html.contains(r#"value="5" id="slot_2" checked"#),
        "the other choice is kept"
    );
    assert_eq!(
        register_choosing(&app, &janis, "3", "5")
            .await
            .status()
            .as_u16(),
        303
    );

    app.clock.set(utc("2023-12-05T13:00:00Z"));
    for position in [1, 2, 4, 6, 7] {
        assert!(mark_present(&app, 1, position).await, "session {position}");
    }
    // Not her workshop: refused.
    assert!(!mark_present(&app, 1, 3).await);
    // Jānis attended three of his five.
    for position in [1, 3, 5] {
        assert!(mark_present(&app, 2, position).await);
    }
    let o = app.login_as_organiser().await;
    let csv = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/eligibility.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains("Anna,Bērziņa,anna@muzejs.lv,Talsu novada muzejs,5,yes"),
        "{csv}"
    );
    assert!(
        csv.contains("janis@biblioteka.lv,Talsu novada muzejs,3,no"),
        "{csv}"
    );
    // The matrix shows the sessions she did not choose as "—".
    let matrix = o
        .get(app.url(&format!("/admin/cycles/{SLUG}/attendance")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(matrix.matches("—</span>").count(), 4, "two per person");
    // Her page counts over her five sessions.
    let token = token_of(&app, 1).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    assert!(page.contains("5 no 5") || page.contains("5 of 5"), "{page}");
}

async fn a_participant_sees_only_their_own_sessions(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(40)).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    assert_eq!(
        register_choosing(&app, &anna, "2", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    let token = token_of(&app, 1).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    for own in [
        "1000000001",
        "1000000002",
        "1000000004",
        "1000000006",
        "1000000007",
    ] {
        assert!(page.contains(&format!("https://zoom.us/j/{own}")), "{own}");
    }
    for other in ["1000000003", "1000000005"] {
        assert!(!page.contains(other), "{other} is not hers");
    }
    let ics = app
        .get(&format!("/r/{token}/calendar.ics"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 5);
    assert!(ics.contains("1000000002") && !ics.contains("1000000003"));
}

async fn a_roster_lists_only_those_who_chose_the_session(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(40)).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let janis = Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv");
    assert_eq!(
        register_choosing(&app, &anna, "2", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        register_choosing(&app, &janis, "3", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    let o = app.login_as_organiser().await;
    let roster = |n: i32| {
        let o = o.clone();
        let url = app.url(&format!("/admin/cycles/{SLUG}/sessions/{n}/attendance"));
        async move { o.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let plenary = roster(1).await;
    assert!(plenary.contains("Bērziņa") && plenary.contains("Ozoliņš"));
    let a = roster(2).await;
    assert!(a.contains("Bērziņa") && !a.contains("Ozoliņš"), "{a}");
    let b_ = roster(3).await;
    assert!(!b_.contains("Bērziņa") && b_.contains("Ozoliņš"));
}

async fn a_choice_changes_while_there_is_room_and_nothing_started(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(1)).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let janis = Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv");
    assert_eq!(
        register_choosing(&app, &anna, "2", "5")
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        register_choosing(&app, &janis, "3", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    let token = token_of(&app, 1).await;
    let change = |position: &'static str| change_session(&app, &token, position);
    // Workshop B of day one is Jānis's only place: full.
    let page = change("3").await;
    assert!(page.contains("Tajā nodarbībā vietu nav"), "{page}");
    assert_eq!(seats(&app).await[1], (2, 1, 1), "her seat in A stays");
    assert_eq!(seats(&app).await[2], (3, 1, 1));
    // Jānis gives B back; now she can move.
    let jtoken = token_of(&app, 2).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/r/{jtoken}/cancel")).await;
    app.post_form(
        &browser,
        &format!("/r/{jtoken}/cancel"),
        &[("csrf_token", &csrf)],
    )
    .await;
    let page = change("3").await;
    assert!(page.contains("Jūsu nodarbības izvēle ir mainīta"), "{page}");
    let s = seats(&app).await;
    assert_eq!((s[1], s[2]), ((2, 0, 0), (3, 1, 1)));
    assert!(page.contains("1000000003") && !page.contains("1000000002"));
    // Once day one has started, its choice stays.
    app.clock.set(utc("2023-12-04T10:05:00Z"));
    let page = change("2").await;
    assert!(page.contains("Nodarbība jau ir sākusies"), "{page}");
    assert_eq!(seats(&app).await[2], (3, 1, 1));
    // Day two's workshops have not started: that one may still change.
    let page = change("6").await;
    assert!(page.contains("Jūsu nodarbības izvēle ir mainīta"), "{page}");
}

on_both_backends!(
    the_conference_file_imports_with_its_tracks,
    a_workshop_of_five_takes_exactly_five_of_forty_at_once,
    a_perfect_attender_of_parallel_workshops_is_eligible,
    a_participant_sees_only_their_own_sessions,
    a_roster_lists_only_those_who_chose_the_session,
    a_choice_changes_while_there_is_room_and_nothing_started,
);

/// The participant with `token` moves to the session at `position` from
/// their page; the page they see after.
pub(crate) async fn change_session(app: &TestApp, token: &str, position: &str) -> String {
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/r/{token}")).await;
    let res = app
        .post_form(
            &browser,
            &format!("/r/{token}/sessions"),
            &[("csrf_token", &csrf), ("session", position)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    app.page(&browser, &format!("/r/{token}")).await
}
