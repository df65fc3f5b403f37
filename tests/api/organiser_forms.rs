//! Issue 11: the organisers' forms name each field in their messages, as the
//! participant's form does — an error summary linking to the fields, and
//! beside each field its message after a visually hidden "Error:".

use crate::helpers::*;
use crate::on_both_backends;

/// Every summary link leads to a field on the page, every field in error has
/// its message with the hidden prefix, and the two lists say the same.
fn assert_errors_are_linked(html: &str) -> Vec<String> {
    let summary = texts(html, ".error-summary li a");
    let inline = texts(html, ".error-message");
    assert!(!summary.is_empty(), "an error summary: {html}");
    assert_eq!(summary.len(), inline.len(), "each error beside its field");
    let doc = scraper::Html::parse_document(html);
    let links = scraper::Selector::parse(".error-summary li a").unwrap();
    for a in doc.select(&links) {
        let href = a.value().attr("href").unwrap_or_default();
        let id = href.strip_prefix('#').expect("an in-page link");
        let field = scraper::Selector::parse(&format!("[id='{id}']")).unwrap();
        assert!(doc.select(&field).next().is_some(), "{href} is on the page");
    }
    for (said, beside) in summary.iter().zip(&inline) {
        assert_eq!(
            beside,
            &format!("Kļūda: {said}"),
            "the inline message starts with the hidden “Error:”"
        );
    }
    summary
}

async fn an_empty_cycle_form_names_each_field_and_stores_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/cycles/new").await;
    let res = app
        .post_form(&admin, "/admin/cycles/new", &[("csrf_token", &csrf)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let summary = assert_errors_are_linked(&html);
    for expected in [
        "Ievadiet tīmekļa adreses nosaukumu ar mazajiem latīņu burtiem, cipariem un atsevišķām defisēm, piemēram, kopienas-2026",
        "Ievadiet cikla nosaukumu",
        "Ievadiet mācību valodu: lv, en vai ru",
        "Ievadiet vietu skaitu — veselu skaitli no 0 līdz 100000",
        "Ievadiet, kad sākas reģistrācija, piemēram, 2026-11-01T09:00",
        "Ievadiet, kad beidzas reģistrācija, piemēram, 2026-11-29T23:59",
    ] {
        assert!(
            summary.iter().any(|s| s == expected),
            "{expected:?} in {summary:#?}"
        );
    }
    for general in [
        "Šis lauks ir obligāts",
        "Ievadiet skaitli atļautajās robežās",
    ] {
        assert!(
            !summary.iter().any(|s| s == general),
            "no message without its field: {summary:#?}"
        );
    }
    assert!(
        app.db()
            .read(cohort::db::cycles::all)
            .await
            .unwrap()
            .is_empty(),
        "a refused form stores nothing"
    );

    // A session row half filled in: the message says which session.
    let res = app
        .post_form(
            &admin,
            "/admin/cycles/new",
            &[
                ("csrf_token", &csrf),
                ("title", "Cikls"),
                ("s2_title", "Otrā nodarbība"),
                ("s2_mode", "online"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let summary = assert_errors_are_linked(&html);
    assert!(
        summary
            .iter()
            .any(|s| s == "Ievadiet, kad sākas 2. nodarbība, piemēram, 2026-12-04T10:00"),
        "{summary:#?}"
    );
    assert!(html.contains("value=\"Cikls\""), "what was typed stays");
    assert!(app
        .db()
        .read(cohort::db::cycles::all)
        .await
        .unwrap()
        .is_empty());
}
on_both_backends!(an_empty_cycle_form_names_each_field_and_stores_nothing);

async fn an_empty_sign_in_names_the_fields(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let browser = app.browser();
    let csrf = app.csrf(&browser, "/login").await;
    let res = app
        .post_form(
            &browser,
            "/login",
            &[("csrf_token", &csrf), ("email", " "), ("password", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert_eq!(
        assert_errors_are_linked(&html),
        ["Ievadiet savu e-pasta adresi", "Ievadiet savu paroli"]
    );
    assert!(
        texts(&html, "title")[0].starts_with("Kļūda: "),
        "the title says there is an error"
    );
    // Only the password left empty: the typed address stays.
    let res = app
        .post_form(
            &browser,
            "/login",
            &[
                ("csrf_token", &csrf),
                ("email", "organiser@muzeji.lv"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert_eq!(assert_errors_are_linked(&html), ["Ievadiet savu paroli"]);
    assert!(html.contains("value=\"organiser@muzeji.lv\""), "{html}");
}
on_both_backends!(an_empty_sign_in_names_the_fields);
