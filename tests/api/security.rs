//! Issue 13, limits behind a proxy: the address is the hop the trusted
//! proxy appended, so a client cannot pick a fresh one per request.

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";

/// A browser behind the proxy: the proxy appended `real` to whatever the
/// client claimed in its own X-Forwarded-For.
fn behind_proxy(claimed: &str, real: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "x-forwarded-for",
        format!("{claimed}, {real}").parse().expect("header"),
    );
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn a_forged_forwarded_for_does_not_escape_the_limit(b: Backend) {
    let Some(app) = TestApp::spawn_with(
        b,
        Options {
            tweak: Box::new(|s| {
                s.trust_proxy = true;
                s.trusted_proxies = 1;
                s.registrations_per_ip_per_minute = 2;
            }),
            ..Default::default()
        },
    )
    .await
    else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let mut statuses = Vec::new();
    for n in 1..=3 {
        let browser = behind_proxy(&format!("6.6.6.{n}"), "203.0.113.7");
        let res = app
            .register_with(&browser, SLUG, &Person::numbered(n))
            .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(
        statuses,
        [303, 303, 429],
        "one real client, three forged hops"
    );
    // Someone else behind the same proxy is not affected.
    let other = behind_proxy("6.6.6.6", "203.0.113.8");
    let res = app.register_with(&other, SLUG, &Person::numbered(4)).await;
    assert_eq!(res.status().as_u16(), 303);
}

on_both_backends!(a_forged_forwarded_for_does_not_escape_the_limit);

async fn head_answers_like_get_and_private_pages_are_not_stored(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let head = |path: &'static str| {
        let (client, url) = (client(), app.url(path));
        async move { client.head(url).send().await.expect("HEAD") }
    };
    for (path, status) in [
        ("/healthz", 200),
        ("/healthz/mail", 200),
        ("/", 200),
        ("/cycles/kopienas-2023", 200),
        ("/no-such-page", 404),
        ("/admin", 303),
    ] {
        let res = head(path).await;
        assert_eq!(res.status().as_u16(), status, "HEAD {path}");
        assert!(
            res.bytes().await.unwrap().is_empty(),
            "HEAD {path} has no body"
        );
    }
    // Organiser pages and exports carry personal data: never cached.
    let organiser = app.login_as_organiser().await;
    for path in ["/admin", "/admin/cycles/kopienas-2023/registrations.csv"] {
        let res = organiser.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        assert_eq!(
            res.headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok()),
            Some("no-store"),
            "{path}"
        );
    }
    let public = app.get("/cycles/kopienas-2023").await;
    assert_ne!(
        public
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
}

on_both_backends!(head_answers_like_get_and_private_pages_are_not_stored);
