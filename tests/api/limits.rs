//! Issue 13, limits that count what they should: only accepted registrations
//! spend an address's allowance, and wrong passwords slow down the address
//! that types them long before they lock the account for everyone.

use cohort::domain::Language;
use cohort::i18n::Tr;

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "kopienas-2023";
const FULL: &str = "pilns-2023";

/// A browser whose requests reach Cohort through the trusted proxy from
/// `address`, reading English.
fn from_address(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", address.parse().expect("header"));
    headers.insert("accept-language", "en".parse().expect("header"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn spawn(
    b: Backend,
    tweak: impl FnOnce(&mut cohort::config::Settings) + Send + 'static,
) -> Option<TestApp> {
    TestApp::spawn_with(
        b,
        Options {
            tweak: Box::new(move |s| {
                s.trust_proxy = true;
                s.trusted_proxies = 1;
                tweak(s);
            }),
            ..Default::default()
        },
    )
    .await
}

async fn only_accepted_registrations_spend_the_allowance(b: Backend) {
    let Some(app) = spawn(b, |s| s.registrations_per_ip_per_minute = 3).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    // A second cycle with one seat and no waiting list, filled from elsewhere.
    app.import_cycle(
        &SEED_CYCLE
            .replace(&format!("slug = \"{SLUG}\""), &format!("slug = \"{FULL}\""))
            .replace("capacity = 30", "capacity = 1")
            .replace("waitlist = true", "waitlist = false"),
    )
    .await;
    let elsewhere = from_address("203.0.113.9");
    let res = app
        .register_with(&elsewhere, FULL, &Person::numbered(100))
        .await;
    assert_eq!(res.status().as_u16(), 303, "the last seat of {FULL}");

    let me = from_address("203.0.113.7");
    let mut statuses = vec![];
    for n in 0..5 {
        let mut typo = Person::numbered(n);
        typo.email = format!("dalibnieks{n} at muzejs.lv");
        statuses.push(app.register_with(&me, SLUG, &typo).await.status().as_u16());
    }
    for n in 5..7 {
        let res = app.register_with(&me, FULL, &Person::numbered(n)).await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(
        statuses,
        [422, 422, 422, 422, 422, 409, 409],
        "typos and a full cycle"
    );
    let mut statuses = vec![];
    for n in 10..14 {
        let res = app.register_with(&me, SLUG, &Person::numbered(n)).await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(
        statuses,
        [303, 303, 303, 429],
        "the limit's worth of good registrations, not one more"
    );
    let res = app.register_with(&me, SLUG, &Person::numbered(14)).await;
    let page = res.text().await.expect("body");
    assert!(
        page.contains(&Tr::new(Language::En).text("error-too-many")),
        "the 429 page says why: {page}"
    );
    // Someone else is not affected.
    let res = app
        .register_with(&from_address("203.0.113.8"), SLUG, &Person::numbered(15))
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

/// Registrations sent at once from one address cannot all slip under the
/// limit while each is still being decided.
async fn a_burst_from_one_address_gets_exactly_the_limit(b: Backend) {
    let Some(app) = spawn(b, |s| s.registrations_per_ip_per_minute = 3).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let people: Vec<_> = (0..10)
        .map(|n| (from_address("203.0.113.7"), Person::numbered(n)))
        .collect();
    let sent = people
        .iter()
        .map(|(browser, person)| app.register_with(browser, SLUG, person));
    let statuses: Vec<u16> = futures_util::future::join_all(sent)
        .await
        .iter()
        .map(|r| r.status().as_u16())
        .collect();
    let accepted = statuses.iter().filter(|s| **s == 303).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((accepted, refused), (3, 7), "{statuses:?}");
}

on_both_backends!(
    only_accepted_registrations_spend_the_allowance,
    a_burst_from_one_address_gets_exactly_the_limit
);

const EMAIL: &str = "organiser@muzeji.lv";
const PASSWORD: &str = "a long enough password";

async fn log_in(app: &TestApp, browser: &reqwest::Client, password: &str) -> reqwest::Response {
    let token = app.csrf(browser, "/login").await;
    app.post_form(
        browser,
        "/login",
        &[
            ("csrf_token", &token),
            ("email", EMAIL),
            ("password", password),
        ],
    )
    .await
}

fn message(key: &str, minutes: u64) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("minutes", minutes);
    Tr::new(Language::En).args(key, &args)
}

async fn a_password_guesser_cannot_lock_out_the_organiser(b: Backend) {
    let Some(app) = spawn(b, |s| {
        s.login_attempts_per_15_minutes = 5;
        s.login_account_lock_after = 12;
        s.login_account_lock_minutes = 15;
    })
    .await
    else {
        return;
    };
    // Creates the account (and logs in once from the test's own address).
    app.login_as_organiser().await;
    let organiser = from_address("203.0.113.7");

    // One address guessing: five wrong passwords are answered, then it waits
    // (three minutes: 15 minutes / 5), the right password included.
    let attacker = from_address("198.51.100.1");
    let mut statuses = vec![];
    for _ in 0..6 {
        statuses.push(
            log_in(&app, &attacker, "a wrong guess")
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(statuses, [401, 401, 401, 401, 401, 429]);
    let res = log_in(&app, &attacker, PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429, "the right password waits too");
    let shown = texts(&res.text().await.unwrap(), ".error-summary");
    assert!(
        shown.concat().contains(&message("login-wait-here", 3)),
        "the attacker's address is told to wait: {shown:?}"
    );
    // Guesses it keeps sending while it waits are refused, not counted.
    for _ in 0..20 {
        let res = log_in(&app, &attacker, "a wrong guess").await;
        assert_eq!(res.status().as_u16(), 429);
    }
    // The organiser, from their own address, is not affected.
    let res = log_in(&app, &organiser, PASSWORD).await;
    assert_redirect_to(&res, "/admin");

    // Guessing from several addresses: at 12 wrong passwords in all the
    // account is locked for everyone, the organiser included.
    for (address, guesses) in [("198.51.100.2", 5), ("198.51.100.3", 2)] {
        let guesser = from_address(address);
        for _ in 0..guesses {
            let res = log_in(&app, &guesser, "a wrong guess").await;
            assert_eq!(res.status().as_u16(), 401);
        }
    }
    let res = log_in(&app, &from_address("203.0.113.8"), PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429, "locked for everyone");
    let shown = texts(&res.text().await.unwrap(), ".error-summary").concat();
    let told = message("login-account-locked", 15);
    assert!(shown.contains(&told), "the organiser is told: {shown}");
    assert!(
        told.contains("15 minutes") && told.contains("administrator"),
        "how long, and whom to tell: {told}"
    );
    // Another account is not locked.
    let other = from_address("203.0.113.7");
    let token = app.csrf(&other, "/login").await;
    let res = app
        .post_form(
            &other,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "someone.else@muzeji.lv"),
                ("password", "a wrong guess"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 401);
}

on_both_backends!(a_password_guesser_cannot_lock_out_the_organiser);
