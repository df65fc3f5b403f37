//! Input that is checked at every door: nothing cut silently.

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

on_both_backends!(cycle_form_saves_long_text_intact_or_refuses_it);
