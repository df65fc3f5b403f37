//! Input that is checked at every door: nothing cut silently, no control
//! characters into storage, no invisible or direction-changing names.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// The admin cycle form for one online session, all fields as typed.
fn cycle_fields(csrf: &str, slug: &str, description: &str, url: &str) -> Vec<(String, String)> {
    [
        ("csrf_token", csrf),
        ("slug", slug),
        ("title", "Kopienu attīstības apmācību cikls"),
        ("description", description),
        ("language", "lv"),
        ("timezone", "Europe/Riga"),
        ("country", "LV"),
        ("capacity", "30"),
        ("registration_opens", "2023-11-01T00:00"),
        ("registration_closes", "2023-11-29T23:59"),
        ("hold_hours", "48"),
        ("min_sessions", "1"),
        ("waitlist", "on"),
        ("require_email_confirmation", "on"),
        ("published", "on"),
        ("s1_title", "Es un citi"),
        ("s1_starts", "2023-12-11T13:00"),
        ("s1_ends", "2023-12-11T16:00"),
        ("s1_mode", "online"),
        ("s1_location", ""),
        ("s1_online_url", url),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect()
}

fn zoom_link(chars: usize) -> String {
    let start = "https://us02web.zoom.us/j/81234567890?pwd=";
    format!(
        "{start}{}",
        "Ab9".repeat(chars).split_at(chars - start.len()).0
    )
}

fn long_text(chars: usize) -> String {
    "Kopienu attīstība, ņemot vērā vietējās vajadzības.\n"
        .chars()
        .cycle()
        .take(chars)
        .collect()
}

async fn stored(app: &TestApp, slug: &str) -> Option<(String, Option<String>)> {
    let slug = slug.to_string();
    app.db()
        .read(move |c| {
            let Some(cy) = cohort::db::cycles::by_slug(c, &slug)? else {
                return Ok(None);
            };
            let sessions = cohort::db::cycles::sessions_of(c, cy.id)?;
            Ok(Some((cy.description, sessions[0].online_url.clone())))
        })
        .await
        .unwrap()
}

/// Long real texts are saved as typed; too long ones are refused by name.
async fn cycle_form_saves_long_text_intact_or_refuses_it(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/cycles/new").await;
    let (description, url) = (long_text(6_000), zoom_link(1_300));
    assert_eq!(url.chars().count(), 1_300);
    let fields = cycle_fields(&csrf, SLUG, &description, &url);
    let res = admin
        .post(app.url("/admin/cycles/new"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}"));
    let saved = stored(&app, SLUG).await.expect("cycle stored");
    assert_eq!(saved.0.chars().count(), 6_000);
    assert_eq!(saved.0, description.trim());
    assert_eq!(saved.1.as_deref(), Some(url.as_str()));

    // Saving it again unchanged keeps every character.
    let edit = format!("/admin/cycles/{SLUG}/edit");
    let res = admin
        .post(app.url(&edit))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}"));
    assert_eq!(stored(&app, SLUG).await.unwrap(), saved);
    // The longest description allowed, in Latvian letters, fits too.
    let longest = "ā".repeat(20_000);
    let res = admin
        .post(app.url(&edit))
        .form(&cycle_fields(&csrf, SLUG, &longest, &url))
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, &format!("/admin/cycles/{SLUG}"));
    assert_eq!(stored(&app, SLUG).await.unwrap().0, longest);

    // One character over: 422 beside each field, nothing stored.
    let res = admin
        .post(app.url("/admin/cycles/new"))
        .form(&cycle_fields(
            &csrf,
            "garais-cikls",
            &"a".repeat(20_001),
            &zoom_link(2_001),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    for field in ["description", "s1_online_url"] {
        assert!(
            texts(&html, &format!("#{field}-error"))
                .iter()
                .any(|t| t.contains("pārāk garš")),
            "{field}: {html}"
        );
    }
    assert!(stored(&app, "garais-cikls").await.is_none());
}

/// NUL and other control characters get a clear 4xx at every door, never a
/// 500, and nothing is stored.
async fn control_characters_are_refused_at_every_door(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let organiser = app.login_as_organiser().await;
    // Paths and queries: 400.
    for path in [
        "/cycles/%00x",
        "/cycles/%00x/registered",
        "/r/%00",
        "/r/%00/calendar.ics",
        "/setup/%00",
        "/admin/cycles/%00x",
        "/admin/cycles/%00x/edit",
        "/admin/cycles/kopienas-2023?q=%00",
        "/admin/cycles/kopienas-2023?q=a%07b",
        "/admin/cycles/kopienas-2023?status=%00",
        "/cycles/kopienas-2023?lang=%C2%85",
    ] {
        let res = organiser.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 400, "{path}");
        assert!(res.text().await.unwrap().contains("<h1>"), "{path}");
    }
    // A search people can mean still works.
    let res = organiser
        .get(app.url("/admin/cycles/kopienas-2023?q=%C5%AB%64re+x"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);

    // The login's email: the normal failure page.
    let browser = app.browser();
    let token = app.csrf(&browser, "/login").await;
    for email in ["organiser@muzeji.lv\0", "organiser\u{7}@muzeji.lv"] {
        let res = app
            .post_form(
                &browser,
                "/login",
                &[
                    ("csrf_token", &token),
                    ("email", email),
                    ("password", "a long enough password"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 401, "{email:?}");
    }

    // Admin form fields: 422 beside the field, nothing stored.
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/cycles/new").await;
    let url = "https://zoom.us/j/123";
    let cases: Vec<(&str, String)> = vec![
        ("title", "Cikls\0".into()),
        ("description", "Apraksts\0 ar NUL".into()),
        ("s1_title", "Es\u{0} un citi".into()),
        ("s1_online_url", format!("{url}\0")),
        ("s1_online_url", format!("{url}\r\nBcc: evil@example.com")),
        ("s1_online_url", format!("{url}\u{7}")),
        ("s1_online_url", url.replace("j/", "j/\u{85}")),
        ("grant_title", "Stipendija\u{1b}[31m".into()),
        ("grant_description", "Apraksts\0".into()),
    ];
    for (field, value) in cases {
        let mut fields = cycle_fields(&csrf, "jauns-cikls", "Apraksts", url);
        if field.starts_with("grant_") {
            fields.push(("grant_title".into(), "Stipendija".into()));
        }
        fields.retain(|(k, _)| k != field);
        fields.push((field.into(), value.clone()));
        let res = admin
            .post(app.url("/admin/cycles/new"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 422, "{field}: {value:?}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("href=\"#{}\"", field)),
            "{field}: {value:?}: {html}"
        );
    }
    assert!(stored(&app, "jauns-cikls").await.is_none());
    let cycles = app.db().read(cohort::db::cycles::all).await.unwrap();
    assert_eq!(cycles.len(), 1);
}

fn registration_fields<'a>(csrf: &'a str, field: &str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("csrf_token", csrf),
        ("first_name", "Anna"),
        ("last_name", "Bērziņa"),
        ("email", "anna@muzejs.lv"),
        ("phone", ""),
        ("institution", "Talsu novada muzejs"),
        ("institution_type", "museum"),
        ("position", "Krājuma glabātāja"),
        ("region", "Talsu novads"),
        ("country", "LV"),
        ("language", "lv"),
        ("consent", "on"),
        ("website", ""),
    ];
    for (k, v) in f.iter_mut() {
        if *k == field {
            *v = value;
        }
    }
    f
}

async fn registrations(app: &TestApp) -> Vec<cohort::db::models::Registration> {
    app.db()
        .read(|c| {
            let cy = cohort::db::cycles::by_slug(c, SLUG)?.unwrap();
            cohort::db::registrations::list(c, cy.id, &Default::default())
        })
        .await
        .unwrap()
}

/// Names are what they look like: no invisible or direction-changing
/// characters, and one spelling (NFC) of each letter.
async fn names_are_readable_and_normalised(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/cycles/{SLUG}")).await;
    let path = format!("/cycles/{SLUG}/register");
    for field in [
        "first_name",
        "last_name",
        "institution",
        "position",
        "region",
    ] {
        for bad in [
            "Anna\u{202E}anirēB",
            "An\u{200B}na",
            "An\u{200C}na",
            "An\u{200D}na",
            "An\u{2060}na",
            "\u{FEFF}Anna",
            "Anna\u{2028}Bērziņa",
            "Anna\u{2029}",
            "Anna\u{2066}x\u{2069}",
        ] {
            let res = app
                .post_form(&browser, &path, &registration_fields(&csrf, field, bad))
                .await;
            assert_eq!(res.status().as_u16(), 422, "{field}: {bad:?}");
            let html = res.text().await.unwrap();
            assert!(
                texts(&html, &format!("#{field}-error"))
                    .iter()
                    .any(|t| t.contains("nevar nolasīt")),
                "{field}: {bad:?}: {html}"
            );
        }
    }
    assert!(registrations(&app).await.is_empty());

    // Decomposed letters (as some keyboards send them) are stored composed.
    let decomposed = "Be\u{304}rzin\u{327}a";
    let res = app
        .post_form(
            &browser,
            &path,
            &registration_fields(&csrf, "last_name", decomposed),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let regs = registrations(&app).await;
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0].last_name, "Bērziņa");

    // Organiser accounts too.
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/organisers").await;
    for bad in ["Inese\u{202E}", "In\u{200B}ese", "Inese\u{0}"] {
        let res = app
            .post_form(
                &admin,
                "/admin/organisers",
                &[
                    ("csrf_token", &csrf),
                    ("name", bad),
                    ("email", "inese@muzeji.lv"),
                    ("password", "a long enough password"),
                    ("password_again", "a long enough password"),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{bad:?}");
        let html = res.text().await.unwrap();
        assert!(
            texts(&html, "#name-error")
                .iter()
                .any(|t| t.contains("nevar nolasīt")),
            "{bad:?}: {html}"
        );
    }
    let res = app
        .post_form(
            &admin,
            "/admin/organisers",
            &[
                ("csrf_token", &csrf),
                ("name", "I\u{304}nese"),
                ("email", "inese@muzeji.lv"),
                ("password", "a long enough password"),
                ("password_again", "a long enough password"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let all = app.db().read(cohort::db::organisers::all).await.unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|o| o.name == "Īnese"), "NFC name stored");
}

on_both_backends!(
    cycle_form_saves_long_text_intact_or_refuses_it,
    control_characters_are_refused_at_every_door,
    names_are_readable_and_normalised,
);
