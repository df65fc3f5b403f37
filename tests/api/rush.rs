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
