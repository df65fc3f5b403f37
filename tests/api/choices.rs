//! Chosen sessions beyond the single request (issue 10, SPEC: Track and
//! rules 2, 3 and 9): many participants changing their workshop at once,
//! a waitlisted participant promoted with their choices, and bad input on
//! the participant's change form storing nothing.

use diesel::prelude::*;

use crate::helpers::*;
use crate::on_both_backends;
use crate::tracks::{cancel, conference, register_choosing, seats, token_of};

const CHANGED: &str = "Jūsu nodarbības izvēle ir mainīta";
const FULL: &str = "Tajā nodarbībā vietu nav";

/// The conference with day one's workshop B (position 3) limited to
/// `b_places`; the other workshops keep 40.
fn conference_with_small_b(b_places: u32) -> String {
    let text = conference(40);
    let day_one_b = "track = \"B\"\ncapacity = 40";
    assert!(text.contains(day_one_b), "the fixture's layout changed");
    text.replacen(
        day_one_b,
        &format!("track = \"B\"\ncapacity = {b_places}"),
        1,
    )
}

/// Every choice row: (registration, session position, holds a seat).
async fn choice_rows(app: &TestApp) -> Vec<(i32, i32, bool)> {
    app.db()
        .read(|c| {
            use cohort::db::schema::{session_choices, sessions};
            Ok(session_choices::table
                .inner_join(sessions::table)
                .order((
                    session_choices::registration_id.asc(),
                    sessions::position.asc(),
                ))
                .select((
                    session_choices::registration_id,
                    sessions::position,
                    session_choices::holds_seat,
                ))
                .load(c)?)
        })
        .await
        .unwrap()
}

/// Each session's seats taken equals the choices holding one of its seats,
/// and none is past its capacity.
async fn assert_seats_match_choices(app: &TestApp) {
    for (position, taken, holding) in seats(app).await {
        assert_eq!(
            i64::from(taken),
            holding,
            "session {position}: seats taken = choices holding a seat"
        );
    }
}

/// Twenty participants seated in workshop A of day one ask at the same
/// moment (through two server processes on PostgreSQL) to move to workshop
/// B, which has four places left: exactly four move, nobody gets an error,
/// the other sixteen read that B is full and keep their place in A.
async fn concurrent_moves_to_a_small_workshop_never_overbook(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference_with_small_b(5)).await;
    let first_in_b = Person::numbered(100);
    assert_eq!(
        register_choosing(&app, &first_in_b, "3", "6")
            .await
            .status()
            .as_u16(),
        303
    );
    let n = 20;
    for i in 0..n {
        let res = register_choosing(&app, &Person::numbered(i), "2", "5").await;
        assert_eq!(res.status().as_u16(), 303, "participant {i} registers");
    }
    assert_eq!(seats(&app).await[1..3], [(2, 20, 20), (3, 1, 1)]);
    let other = match b {
        Backend::Postgres => Some(app.another_server().await),
        Backend::Sqlite => None,
    };

    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(n));
    let mut tasks = vec![];
    // Registration 1 is the one already in B; the twenty are 2..=21.
    for (i, reg_id) in (2..2 + n as i32).enumerate() {
        let server = match &other {
            Some(other) if i % 2 == 1 => other,
            _ => &app,
        };
        let token = token_of(&app, reg_id).await;
        let browser = app.browser();
        let page = server.url(&format!("/r/{token}"));
        let csrf = server.csrf(&browser, &format!("/r/{token}")).await;
        let url = server.url(&format!("/r/{token}/sessions"));
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            let form = [("csrf_token", csrf.as_str()), ("session", "3")];
            barrier.wait().await;
            let res = browser.post(url).form(&form).send().await.unwrap();
            let status = res.status().as_u16();
            let after = browser.get(page).send().await.unwrap();
            (reg_id, status, after.text().await.unwrap())
        }));
    }
    let (mut moved, mut refused) = (vec![], vec![]);
    for t in tasks {
        let (reg_id, status, page) = t.await.unwrap();
        assert_eq!(
            status, 303,
            "registration {reg_id}: the page says what happened"
        );
        match (page.contains(CHANGED), page.contains(FULL)) {
            (true, false) => moved.push(reg_id),
            (false, true) => refused.push(reg_id),
            _ => panic!("registration {reg_id}: neither moved nor told it is full: {page}"),
        }
    }
    assert_eq!(moved.len(), 4, "exactly B's free places were taken");
    assert_eq!(refused.len(), 16);

    let s = seats(&app).await;
    assert_eq!(s[1], (2, 16, 16), "workshop A keeps those who stayed");
    assert_eq!(s[2], (3, 5, 5), "workshop B is full, not past it");
    assert_seats_match_choices(&app).await;
    // Every participant still has exactly one workshop on day one, and it
    // is B for those told they moved, A for the others.
    let rows = choice_rows(&app).await;
    for reg_id in 1..2 + n as i32 {
        let day_one: Vec<_> = rows
            .iter()
            .filter(|(r, p, _)| *r == reg_id && (*p == 2 || *p == 3))
            .map(|(_, p, seat)| (*p, *seat))
            .collect();
        let expected = if reg_id == 1 || moved.contains(&reg_id) {
            3
        } else {
            2
        };
        assert_eq!(day_one, [(expected, true)], "registration {reg_id}");
    }
    // A refused participant's page still offers B as full (not to choose).
    let token = token_of(&app, refused[0]).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    assert!(
        page.contains(r#"name="session" value="3" id="slot_1-3" disabled"#),
        "{page}"
    );
}

on_both_backends!(concurrent_moves_to_a_small_workshop_never_overbook);

/// Moves registration `reg_id` to the session at `position`; the page after.
async fn change(app: &TestApp, reg_id: i32, position: &str) -> String {
    let token = token_of(app, reg_id).await;
    crate::tracks::change_session(app, &token, position).await
}

async fn status_of(app: &TestApp, reg_id: i32) -> &'static str {
    crate::foundation::registration(app, reg_id)
        .await
        .status()
        .as_str()
}

/// The one email to `to` whose subject contains `subject`.
fn mail_to<'a>(
    mails: &'a [crate::smtp::ReceivedMail],
    to: &str,
    subject: &str,
) -> &'a crate::smtp::ReceivedMail {
    let found: Vec<_> = mails
        .iter()
        .filter(|m| m.rcpt_to.iter().any(|r| r == to) && m.subject().contains(subject))
        .collect();
    assert_eq!(found.len(), 1, "one \"{subject}\" email to {to}");
    found[0]
}

const PROMOTED: &str = "vieta ir jūsu";
const CHOOSE_AGAIN: &str = "jums šim laikam nav izvēlētas nodarbības";

/// Rule 3 with tracks: the first waitlisted person promoted into a freed
/// seat takes the seats of the workshops they chose. When a workshop they
/// chose filled up while they waited, they are still promoted, that choice
/// is released (no workshop passes its places), and the promotion email
/// and their page tell them to choose a session for that time again.
async fn a_promoted_participant_takes_their_workshop_seats_or_is_told_to_choose(b: Backend) {
    let Some(app) = TestApp::spawn_with_smtp(b).await else {
        return;
    };
    // Three seats; every workshop has two places.
    app.import_cycle(&conference(2).replace("capacity = 120", "capacity = 3"))
        .await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let janis = Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv");
    let peteris = Person::new("Pēteris", "Kalniņš", "peteris@arhivs.lv");
    let liga = Person::new("Līga", "Liepa", "liga@muzejs.lv");
    let marta = Person::new("Marta", "Zariņa", "marta@galerija.lv");
    for (p, first, second) in [
        (&anna, "2", "5"),
        (&janis, "3", "6"),
        (&peteris, "3", "6"),
        (&liga, "2", "5"),
        (&marta, "2", "5"),
    ] {
        let res = register_choosing(&app, p, first, second).await;
        assert_eq!(res.status().as_u16(), 303, "{} registers", p.email);
    }
    assert_eq!(status_of(&app, 4).await, "waitlisted");
    assert_eq!(status_of(&app, 5).await, "waitlisted");
    // Their first emails go before anything changes (an email that no
    // longer fits when its turn comes is not sent).
    all_mail_sent(&app).await;
    // Waiting, their choices hold no seats.
    assert_eq!(
        seats(&app).await[1..6],
        [(2, 1, 1), (3, 2, 2), (4, 0, 0), (5, 1, 1), (6, 2, 2)]
    );
    assert_seats_match_choices(&app).await;

    // (a) Pēteris gives his seat back: Līga, first in line, is promoted and
    // her two workshops (both with room) hold her seats.
    cancel(&app, 3).await;
    assert_eq!(status_of(&app, 4).await, "confirmed");
    let s = seats(&app).await;
    assert_eq!((s[1], s[4]), ((2, 2, 2), (5, 2, 2)), "A and C are now full");
    assert_eq!((s[2], s[5]), ((3, 1, 1), (6, 1, 1)), "his B and D freed");
    assert_seats_match_choices(&app).await;
    let liga_rows: Vec<_> = choice_rows(&app)
        .await
        .into_iter()
        .filter(|(r, _, _)| *r == 4)
        .collect();
    assert_eq!(liga_rows, [(4, 2, true), (4, 5, true)]);

    // (b) Marta, waiting with A and C, moves her day two to D (waiting, she
    // may move to any workshop with room); A filled while she waited.
    // Jānis gives his seat back: she is promoted, D holds her seat, A stays
    // at its two places and her choice of it is released.
    assert!(change(&app, 5, "6").await.contains(CHANGED));
    // Back to C, full since Līga's promotion: refused while waiting too, as
    // on the registration form, and nothing moves.
    let before = choice_rows(&app).await;
    assert!(change(&app, 5, "5").await.contains(FULL));
    assert_eq!(choice_rows(&app).await, before);
    cancel(&app, 2).await;
    assert_eq!(status_of(&app, 5).await, "confirmed");
    let s = seats(&app).await;
    assert_eq!(s[1], (2, 2, 2), "workshop A is not past its places");
    assert_eq!(s[5], (6, 1, 1), "her D holds a seat");
    assert_seats_match_choices(&app).await;
    let marta_rows: Vec<_> = choice_rows(&app)
        .await
        .into_iter()
        .filter(|(r, _, _)| *r == 5)
        .collect();
    assert_eq!(marta_rows, [(5, 6, true)]);

    // Her page says day one has no session of hers and offers B, with room.
    let token = token_of(&app, 5).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    assert!(
        page.contains("Jūs vēl neesat izvēlējies nodarbību šim laikam."),
        "{page}"
    );
    assert!(
        page.contains(r#"name="session" value="3" id="slot_1-3">"#),
        "{page}"
    );
    let day_one = texts(&page, "#choices ~ form legend")
        .into_iter()
        .next()
        .expect("day one's legend");
    let when = day_one
        .split_once(": ")
        .map(|(_, when)| when.to_string())
        .expect("the legend names the time");

    // Seated ×3, waitlisted ×2, cancelled ×2, promoted ×2.
    let mails = app.emails(9).await;
    let hers = mail_to(&mails, "marta@galerija.lv", PROMOTED).text_body();
    assert!(hers.contains(CHOOSE_AGAIN), "{hers}");
    assert!(hers.contains(&when), "names the time ({when}): {hers}");
    assert!(
        hers.contains("Darbnīca D") && !hers.contains("Darbnīca A"),
        "{hers}"
    );
    let html = mail_to(&mails, "marta@galerija.lv", PROMOTED).html_body();
    assert!(html.contains(CHOOSE_AGAIN), "{html}");
    let ligas = mail_to(&mails, "liga@muzejs.lv", PROMOTED).text_body();
    assert!(!ligas.contains(CHOOSE_AGAIN), "hers are all kept: {ligas}");

    // She chooses B from her page; it holds a seat.
    assert!(change(&app, 5, "3").await.contains(CHANGED));
    assert_eq!(seats(&app).await[2], (3, 1, 1));
    assert_seats_match_choices(&app).await;
}

on_both_backends!(a_promoted_participant_takes_their_workshop_seats_or_is_told_to_choose);

/// What the change form can touch: every choice row and every session's seats.
async fn snapshot(app: &TestApp) -> (Vec<(i32, i32, bool)>, Vec<(i32, i32, i64)>) {
    (choice_rows(app).await, seats(app).await)
}

/// Rule 9 on the participant's change form: a value that is no number, no
/// session, a plenary, a session of another cycle, nothing chosen, or a
/// cancelled registration's change is refused with a message on the page,
/// and no choice and no seat moves.
async fn a_bad_session_change_is_refused_and_changes_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&conference(40)).await;
    app.import_cycle(SEED_CYCLE).await;
    let anna = Person::new("Anna", "Bērziņa", "anna@muzejs.lv");
    let janis = Person::new("Jānis", "Ozoliņš", "janis@biblioteka.lv");
    for p in [&anna, &janis] {
        assert_eq!(
            register_choosing(&app, p, "2", "5").await.status().as_u16(),
            303
        );
    }
    // A participant of the seed cycle (no tracks) aims at the same form.
    assert_eq!(
        app.register("kopienas-2023", &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    // The seed cycle's sessions, by their ids: none is the conference's.
    let other_cycle_ids: Vec<String> = app
        .db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, "kopienas-2023")?.unwrap();
            Ok(cohort::db::cycles::sessions_of(c, cy.id)?
                .iter()
                .map(|s| s.id.to_string())
                .collect())
        })
        .await
        .unwrap();
    cancel(&app, 2).await;
    let before = snapshot(&app).await;
    assert_eq!(
        before.0,
        [(1, 2, true), (1, 5, true), (2, 2, false), (2, 5, false)]
    );

    let not_allowed = "Šo nodarbību nevar izvēlēties.";
    let missing = "Izvēlieties vienu no nodarbībām, kas notiek šajā laikā";
    let mut cases: Vec<(i32, Option<String>, &str)> = vec![
        (1, Some("abc".into()), not_allowed),
        (1, Some("99".into()), not_allowed),
        (1, Some("-3".into()), not_allowed),
        (1, Some("1".into()), not_allowed),
        (1, Some("7".into()), not_allowed),
        (1, Some("".into()), missing),
        (1, Some("  ".into()), missing),
        (1, None, missing),
        // Cancelled: nothing of hers may take a seat again from here.
        (2, Some("3".into()), not_allowed),
        // No tracks in this cycle: the form does not apply.
        (3, Some("2".into()), not_allowed),
    ];
    for id in &other_cycle_ids {
        cases.push((1, Some(id.clone()), not_allowed));
    }
    for (reg_id, value, message) in cases {
        let token = token_of(&app, reg_id).await;
        let browser = app.browser();
        // A cancelled registration's page has no form: the token is on /login.
        let page = app.page(&browser, &format!("/r/{token}")).await;
        let csrf = match csrf_from(&page) {
            Some(csrf) => csrf,
            None => app.csrf(&browser, "/login").await,
        };
        let mut form = vec![("csrf_token", csrf.as_str())];
        if let Some(value) = &value {
            form.push(("session", value));
        }
        let res = app
            .post_form(&browser, &format!("/r/{token}/sessions"), &form)
            .await;
        assert_eq!(res.status().as_u16(), 303, "{reg_id}: {value:?}");
        let page = app.page(&browser, &format!("/r/{token}")).await;
        assert!(
            page.contains(message),
            "{reg_id}: {value:?} says why: {page}"
        );
        assert!(!page.contains(CHANGED), "{reg_id}: {value:?}");
        assert_eq!(snapshot(&app).await, before, "{reg_id}: {value:?} stored");
    }
}

on_both_backends!(a_bad_session_change_is_refused_and_changes_nothing);
