//! Issue 12: the public cycle page is served from this process's copy of the
//! cycle, and that copy never hides a change for long.

use std::time::{Duration, Instant};

use diesel::RunQueryDsl;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// What another process changes (here a second server on the same database,
/// as the command line or a second server behind the proxy would) shows on
/// this server's public page within about a second; a change made through
/// this server shows at once.
async fn another_processs_change_shows_within_a_second(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let page = app.get_html(&format!("/cycles/{SLUG}")).await;
    assert!(page.contains("30 brīvas vietas") || page.contains("30 brīvu vietu"));

    // A registration through this server: the seat count moves at once.
    assert_eq!(
        app.register(SLUG, &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    let page = app.get_html(&format!("/cycles/{SLUG}")).await;
    assert!(page.contains("29 brīvas vietas"), "{page}");

    // The title changed by another server.
    let other = app.another_server().await;
    other
        .db()
        .write(|c| {
            diesel::sql_query("UPDATE cycles SET title = 'Jaunais nosaukums'").execute(c)?;
            Ok(())
        })
        .await
        .expect("update");
    let changed = Instant::now();
    loop {
        let page = app.get_html(&format!("/cycles/{SLUG}")).await;
        if page.contains("Jaunais nosaukums") {
            break;
        }
        assert!(
            changed.elapsed() < Duration::from_secs(3),
            "the other server's change still hidden after 3 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // And the registration page answers from the same copy.
    let answer = app
        .get_html(&format!("/cycles/{SLUG}/registered?outcome=pending"))
        .await;
    assert!(answer.contains("Jaunais nosaukums"), "{answer}");
}

on_both_backends!(another_processs_change_shows_within_a_second);

/// The token in a page's form.
fn token_in(html: &str) -> &str {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("a form with a token") + marker.len();
    let len = html[start..].find('"').expect("the token's end");
    &html[start..start + len]
}

/// The plain cycle page is kept as rendered HTML (issue 12), but nothing
/// that differs per visitor or moves is kept with it: each browser gets its
/// own CSRF token and can register with it, the seat count is the moment's,
/// the page turns to the waiting list when the last seat goes and to closed
/// when the window closes, in the asked language, and the kept page is the
/// page rendered afresh, byte for byte.
async fn the_kept_cycle_page_holds_nothing_of_another_visitor_or_moment(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(&SEED_CYCLE.replace("capacity = 30", "capacity = 2"))
        .await;
    let path = format!("/cycles/{SLUG}");
    let get = |browser: &reqwest::Client, path: String| {
        let request = browser.get(app.url(&path));
        async move {
            let res = request.send().await.expect("GET");
            assert_eq!(res.status().as_u16(), 200);
            res.text().await.expect("body")
        }
    };
    let (one, two) = (app.browser(), app.browser());
    let first = get(&one, path.clone()).await;
    let kept = get(&one, path.clone()).await;
    assert_eq!(first, kept, "the same browser, the same page and token");
    assert!(kept.contains("2 brīvas vietas"), "{kept}");
    let other = get(&two, path.clone()).await;
    assert_ne!(token_in(&kept), token_in(&other), "a token per visitor");
    assert_eq!(
        kept.replace(token_in(&kept), "TOKEN"),
        other.replace(token_in(&other), "TOKEN"),
        "otherwise the same page"
    );
    // Rendered afresh (a query string is never kept): the same page but for
    // the query the language links carry along.
    let fresh = get(&one, format!("{path}?from=news")).await;
    assert!(fresh.contains("?from=news&#38;lang=en"), "{fresh}");
    assert_eq!(fresh.replace("from=news&#38;", ""), kept);

    // Each browser registers with the token its kept page gave it.
    assert_eq!(
        app.register_with(&two, SLUG, &Person::numbered(1))
            .await
            .status()
            .as_u16(),
        303
    );
    let page = get(&one, path.clone()).await;
    assert!(page.contains("1 brīva vieta"), "{page}");
    assert!(!page.contains("Visas vietas ir aizņemtas. Ja"), "{page}");
    assert_eq!(
        app.register_with(&one, SLUG, &Person::numbered(2))
            .await
            .status()
            .as_u16(),
        303
    );
    // The last seat went: the waiting list, at once.
    let page = get(&two, path.clone()).await;
    assert!(page.contains("0 brīvu vietu"), "{page}");
    assert!(
        page.contains("Visas vietas ir aizņemtas. Ja reģistrēsieties tagad"),
        "{page}"
    );
    assert!(page.contains("Pieteikties rindā"), "{page}");

    // In English, asked for.
    let english = get(&two, format!("{path}?lang=en")).await;
    assert!(english.contains("<html lang=\"en\""), "{english}");
    assert_eq!(token_in(&english), token_in(&page));

    // The window closes: no form any more, without any write.
    app.clock.set(
        chrono::DateTime::parse_from_rfc3339("2023-12-01T12:00:00Z")
            .expect("date")
            .to_utc(),
    );
    let closed = get(&one, path.clone()).await;
    assert!(
        closed.contains("Reģistrācija šim ciklam ir slēgta."),
        "{closed}"
    );
    assert!(!closed.contains("name=\"csrf_token\""), "{closed}");
}

on_both_backends!(the_kept_cycle_page_holds_nothing_of_another_visitor_or_moment);

/// A change an organiser makes through this server shows on the kept page
/// at once: the title, a question, a partner.
async fn an_organisers_change_shows_on_the_kept_page_at_once(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let path = format!("/cycles/{SLUG}");
    let page = app.get_html(&path).await;
    assert!(!page.contains("Jaunais nosaukums"));
    // The first `title` is the cycle's.
    let changed = SEED_CYCLE.replacen("title = \"", "title = \"Jaunais nosaukums ", 1);
    let changed = format!(
        "{changed}\n[[questions]]\nkey = \"diet\"\nkind = \"text\"\nlabel = {{ lv = \"Ēdiena vēlmes\" }}\n"
    );
    app.import_cycle(&changed).await;
    let page = app.get_html(&path).await;
    assert!(page.contains("Jaunais nosaukums"), "{page}");
    assert!(page.contains("Ēdiena vēlmes"), "{page}");
}

on_both_backends!(an_organisers_change_shows_on_the_kept_page_at_once);

async fn registrations_stored(app: &TestApp) -> i64 {
    app.db()
        .read(|c| {
            use diesel::QueryDsl;
            Ok(cohort::db::schema::registrations::table
                .count()
                .get_result(c)?)
        })
        .await
        .expect("count")
}

/// Rule 1 on the kept page: the seed cycle closes "29 November 23:59" in
/// Riga (21:59:59 UTC is its last second). One second before, the page
/// kept since the evening still offers the form and a registration from it
/// is taken; one second after, the page says registration is closed, and a
/// form loaded in time (or a second late) is refused with 403, storing
/// nothing.
async fn the_kept_page_closes_at_the_riga_deadline_to_the_second(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let path = format!("/cycles/{SLUG}");
    let (early, late) = (app.browser(), app.browser());
    let get_at = |browser: &reqwest::Client, path: String| {
        let request = browser.get(app.url(&path));
        async move {
            let res = request.send().await.expect("GET");
            assert_eq!(res.status().as_u16(), 200);
            res.text().await.expect("body")
        }
    };
    let get = |browser: &reqwest::Client| get_at(browser, path.clone());
    let closed = "Reģistrācija šim ciklam ir slēgta.";

    app.clock.set(utc("2023-11-29T18:00:00Z"));
    let evening = get(&early).await;
    assert!(evening.contains("name=\"csrf_token\""), "{evening}");

    // 23:59:59 in Riga: still open, from the kept page.
    app.clock.set(utc("2023-11-29T21:59:59Z"));
    let last_second = get(&early).await;
    assert_eq!(last_second, evening, "the kept page, as it was");
    // And as it would be rendered now (a query string is never kept).
    let fresh = get_at(&early, format!("{path}?from=news")).await;
    assert_eq!(fresh.replace("from=news&#38;", ""), last_second);
    let in_time = get(&late).await;
    assert!(!in_time.contains(closed), "{in_time}");
    let res = app.register_with(&early, SLUG, &Person::numbered(1)).await;
    assert_eq!(res.status().as_u16(), 303, "the last second is in");
    assert_eq!(registrations_stored(&app).await, 1);

    // 00:00:01 in Riga: closed, and the page says so.
    app.clock.set(utc("2023-11-29T22:00:01Z"));
    let after = get(&early).await;
    assert!(after.contains(closed), "{after}");
    assert!(!after.contains("name=\"csrf_token\""), "no form: {after}");
    let token = csrf_from(&in_time).expect("the form loaded in time");
    let res = app
        .post_form(
            &late,
            &format!("/cycles/{SLUG}/register"),
            &Person::numbered(2).form(&token),
        )
        .await;
    assert_eq!(res.status().as_u16(), 403, "a second late is out");
    let res = app.register_with(&early, SLUG, &Person::numbered(3)).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(
        registrations_stored(&app).await,
        1,
        "the late ones stored nothing"
    );
    // The very next second after 23:59:59 is already out.
    app.clock.set(utc("2023-11-29T22:00:00Z"));
    assert!(get(&late).await.contains(closed));
    let res = app.register_with(&late, SLUG, &Person::numbered(4)).await;
    assert_eq!(res.status().as_u16(), 403);
    assert_eq!(registrations_stored(&app).await, 1);
}

on_both_backends!(the_kept_page_closes_at_the_riga_deadline_to_the_second);
