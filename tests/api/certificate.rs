//! Issue 8: a certificate-only cycle (a four-day training like seed 000, in
//! Russian) gives a certificate whose code `/verify/{code}` confirms and
//! whose PDF text holds the name with its Cyrillic letters.

use cohort::db::attendance::{Change, Source};
use cohort::tokens::Purpose;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "astana-2026";

/// Four days in Astana, UNESCO/ICOM style: a certificate for three of four.
const TRAINING: &str = r#"
slug = "astana-2026"
title = "Управление музейными коллекциями: региональный тренинг"
language = "ru"
timezone = "Asia/Almaty"
country = "KZ"
capacity = 70
registration_opens = "2026-01-10T00:00"
registration_closes = "2026-02-20T23:59"
min_sessions = 3
certificate = true
published = true

[[sessions]]
title = "День 1. Документирование коллекций"
starts = "2026-03-02T09:30"
ends = "2026-03-02T17:30"
mode = "in_person"
location = "Национальный музей Республики Казахстан, Астана"

[[sessions]]
title = "День 2. Хранение и консервация"
starts = "2026-03-03T09:30"
ends = "2026-03-03T17:30"
mode = "in_person"
location = "Национальный музей Республики Казахстан, Астана"

[[sessions]]
title = "День 3. Мастер-классы"
starts = "2026-03-04T09:30"
ends = "2026-03-04T17:30"
mode = "in_person"
location = "Национальный музей Республики Казахстан, Астана"

[[sessions]]
title = "День 4. Групповая работа"
starts = "2026-03-05T09:30"
ends = "2026-03-05T17:30"
mode = "in_person"
location = "Национальный музей Республики Казахстан, Астана"
"#;

/// The text a PDF reader would copy out of the document.
fn pdf_text(bytes: &[u8]) -> String {
    let document = lopdf::Document::load_mem(bytes).expect("a readable PDF");
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    document.extract_text(&pages).expect("text")
}

async fn mark(app: &TestApp, reg_id: i32, positions: &[i32], present: bool) {
    let now = app.clock.now_utc();
    let positions = positions.to_vec();
    app.db()
        .write(move |c| {
            let cycle = cohort::db::cycles::by_slug(c, SLUG)?.expect("cycle");
            let sessions = cohort::db::cycles::sessions_of(c, cycle.id)?;
            let change = Change {
                source: Source::Manual,
                by: None,
                at: now,
                note: None,
            };
            for n in positions {
                let id = sessions[n as usize - 1].id;
                cohort::db::attendance::set(c, reg_id, id, present, None, &change)?;
            }
            Ok(())
        })
        .await
        .expect("attendance");
}

async fn a_training_gives_a_certificate_anyone_can_check(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.clock.set(utc("2026-02-01T06:00:00Z"));
    app.import_cycle(TRAINING).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
    let res = app
        .post_form(
            &browser,
            &format!("/cycles/{SLUG}/register"),
            &[
                ("csrf_token", csrf.as_str()),
                ("first_name", "Айгерим"),
                ("last_name", "Жумабаева"),
                ("email", "aigerim@museum.kz"),
                ("phone", ""),
                ("institution", "Музей истории Алматы"),
                ("institution_type", "museum"),
                ("position", "Хранитель"),
                ("region", "Алматы"),
                ("country", "KZ"),
                ("language", "ru"),
                ("consent", "on"),
                ("website", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let now = app.clock.now_utc();
    let reg = app
        .db()
        .write(move |c| {
            cohort::db::registrations::confirm(c, 1, now)?;
            Ok(cohort::db::registrations::by_id(c, 1)?.expect("registration"))
        })
        .await
        .unwrap();
    let token = app
        .state
        .keys
        .issue(Purpose::Participant, reg.id, &reg.token_nonce);

    // After day 2 with two days attended: one more earns it; no word of a grant.
    app.clock.set(utc("2026-03-03T13:00:00Z"));
    mark(&app, reg.id, &[1, 2], true).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    assert!(
        page.contains(
            "Посещено занятий: 2 из 4 — чтобы получить сертификат, посетите ещё 1 занятие."
        ),
        "{page}"
    );
    assert!(
        !page.to_lowercase().contains("грант"),
        "a training without a call never speaks of a grant"
    );
    assert_eq!(
        app.get(&format!("/r/{token}/certificate"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get(&format!("/r/{token}/certificate.pdf"))
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.get(&format!("/r/{token}/grant"))
            .await
            .status()
            .as_u16(),
        403
    );

    // Day 3 attended: the certificate, its code, its PDF.
    app.clock.set(utc("2026-03-04T13:00:00Z"));
    mark(&app, reg.id, &[3], true).await;
    let page = app.get_html(&format!("/r/{token}")).await;
    assert!(page.contains(&format!("/r/{token}/certificate")), "{page}");
    let certificate = app.get_html(&format!("/r/{token}/certificate")).await;
    assert!(
        certificate.contains("Айгерим Жумабаева") && certificate.contains("Музей истории Алматы")
    );
    assert!(certificate.contains("Посещено занятий: 3 из 4"));
    let code_line = texts(&certificate, ".certificate .code").join(" ");
    let code = code_line
        .split_whitespace()
        .find(|w| w.len() == 19 && w.matches('-').count() == 3)
        .unwrap_or_else(|| panic!("a code like XXXX-XXXX-XXXX-XXXX in {code_line:?}"))
        .to_string();
    let again = app.get_html(&format!("/r/{token}/certificate")).await;
    assert!(again.contains(&code), "a printed code never changes");

    let res = app.get(&format!("/r/{token}/certificate.pdf")).await;
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    assert!(text.contains("Айгерим Жумабаева"), "{text}");
    assert!(text.contains(&code), "{text}");
    assert!(text.contains("Сертификат участника"), "{text}");

    // Anyone checks the code: name, cycle, valid — and nothing else.
    let verify = app
        .browser()
        .get(app.url(&format!("/verify/{code}")))
        .send()
        .await
        .unwrap();
    assert_eq!(verify.status().as_u16(), 200);
    let verify = verify.text().await.unwrap();
    assert!(verify.contains("Айгерим Жумабаева") && verify.contains("Сертификат действителен"));
    assert!(verify.contains("Управление музейными коллекциями"));
    assert!(!verify.contains("aigerim@museum.kz") && !verify.contains("Музей истории"));
    let typed = code.to_lowercase().replace('-', " ");
    assert_eq!(
        app.get(&format!("/verify/{typed}")).await.status().as_u16(),
        200
    );
    for unknown in ["0000-0000-0000-0000", "not-a-code", "%3Cscript%3E"] {
        assert_eq!(
            app.get(&format!("/verify/{unknown}"))
                .await
                .status()
                .as_u16(),
            404,
            "{unknown}"
        );
    }

    // An attendance correction withdraws it: the check says so.
    mark(&app, reg.id, &[3], false).await;
    let verify = app.get_html(&format!("/verify/{code}")).await;
    assert!(
        verify.contains("Сертификат больше не действителен"),
        "{verify}"
    );
    assert_eq!(
        app.get(&format!("/r/{token}/certificate"))
            .await
            .status()
            .as_u16(),
        404
    );
}

on_both_backends!(a_training_gives_a_certificate_anyone_can_check);
