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
