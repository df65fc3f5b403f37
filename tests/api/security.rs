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
    // A proxy that adds its own header line instead of extending the
    // client's: the client's line comes first and is still not believed.
    let two_lines = {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.append("x-forwarded-for", "6.6.6.99".parse().unwrap());
        headers.append("x-forwarded-for", "203.0.113.7".parse().unwrap());
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .default_headers(headers)
            .build()
            .unwrap()
    };
    let res = app
        .register_with(&two_lines, SLUG, &Person::numbered(5))
        .await;
    assert_eq!(
        res.status().as_u16(),
        429,
        "a second header line is not a new address"
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

/// A browser whose cookies the test can read, to replay them elsewhere.
fn browser_with_jar() -> (reqwest::Client, std::sync::Arc<reqwest::cookie::Jar>) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .build()
        .expect("client");
    (client, jar)
}

/// The session cookie as a thief would copy it.
fn stolen_cookie(app: &TestApp, jar: &reqwest::cookie::Jar) -> String {
    use reqwest::cookie::CookieStore;
    let url = app.url("/admin").parse().expect("url");
    jar.cookies(&url)
        .expect("a session cookie")
        .to_str()
        .expect("ascii")
        .to_string()
}

async fn with_cookie(app: &TestApp, cookie: &str, path: &str) -> reqwest::Response {
    client()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await
        .expect("GET")
}

async fn log_in(app: &TestApp) -> (reqwest::Client, String) {
    // Creates the account; then this browser logs in itself.
    app.login_as_organiser().await;
    let (browser, jar) = browser_with_jar();
    let token = app.csrf(&browser, "/login").await;
    let res = app
        .post_form(
            &browser,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "organiser@muzeji.lv"),
                ("password", "a long enough password"),
            ],
        )
        .await;
    assert_redirect_to(&res, "/admin");
    let cookie = stolen_cookie(app, &jar);
    (browser, cookie)
}

async fn logging_out_ends_the_session_everywhere(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let (browser, cookie) = log_in(&app).await;
    let export = "/admin/cycles/kopienas-2023/registrations.csv";
    assert_eq!(
        with_cookie(&app, &cookie, export).await.status().as_u16(),
        200
    );
    // Log out; the copied cookie opens nothing any more, on this server or
    // another one on the same database.
    let token = app.csrf(&browser, "/admin").await;
    let res = app
        .post_form(&browser, "/logout", &[("csrf_token", &token)])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    for path in ["/admin", export] {
        let res = with_cookie(&app, &cookie, path).await;
        assert_eq!(res.status().as_u16(), 303, "{path} after logout");
        assert!(res
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|l| l.starts_with("/login")));
    }
    if b == Backend::Postgres {
        let other = app.another_server().await;
        let res = with_cookie(&other, &cookie, "/admin").await;
        assert_eq!(res.status().as_u16(), 303, "the other server agrees");
    }

    // "Log out on every device": two browsers, one button.
    let (laptop, laptop_cookie) = log_in(&app).await;
    let (_phone, phone_cookie) = log_in(&app).await;
    assert_eq!(
        with_cookie(&app, &phone_cookie, "/admin")
            .await
            .status()
            .as_u16(),
        200
    );
    let token = app.csrf(&laptop, "/admin").await;
    let res = app
        .post_form(&laptop, "/logout/everywhere", &[("csrf_token", &token)])
        .await;
    assert_redirect_to(&res, "/login");
    for cookie in [&laptop_cookie, &phone_cookie] {
        assert_eq!(
            with_cookie(&app, cookie, "/admin").await.status().as_u16(),
            303
        );
    }
}

on_both_backends!(logging_out_ends_the_session_everywhere);

async fn post_report(
    app: &TestApp,
    organiser: &reqwest::Client,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let roster = "/admin/cycles/kopienas-2023/sessions/1/attendance";
    let csrf = app.csrf(organiser, roster).await;
    let form = reqwest::multipart::Form::new().part(
        "report",
        reqwest::multipart::Part::bytes(bytes).file_name("participants.csv"),
    );
    organiser
        .post(app.url(&format!(
            "/admin/cycles/kopienas-2023/sessions/1/import?csrf_token={csrf}"
        )))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

async fn a_report_up_to_ten_megabytes_is_accepted(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let organiser = app.login_as_organiser().await;
    // A 3 MB report: over the multipart reader's default 2 MiB, well under 10 MB.
    let mut report =
        String::from("Name (original name),Email,Join time,Leave time,Duration (minutes),Guest\n");
    for n in 0..40_000 {
        report.push_str(&format!(
            "Dalībnieks Nr{n},d{n}@example.lv,2023-12-04 10:00:00,2023-12-04 12:00:00,120,No\n"
        ));
    }
    assert!(report.len() > 3 * 1024 * 1024, "{}", report.len());
    let res = post_report(&app, &organiser, report.into_bytes()).await;
    let to = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        to.contains("/import/"),
        "a 3 MB report goes to its preview, not back: {to}"
    );
    // Over the limit: the roster again, with a message that says so, not
    // "choose a file".
    let res = post_report(&app, &organiser, vec![b'x'; 11 * 1024 * 1024]).await;
    assert_eq!(res.status().as_u16(), 422);
    let roster = res.text().await.unwrap();
    assert!(
        texts(&roster, ".error-summary")
            .iter()
            .any(|t| t.contains("10 MB")),
        "the roster says the file is too large: {roster}"
    );
}

on_both_backends!(a_report_up_to_ten_megabytes_is_accepted);

#[cfg(unix)]
async fn personal_data_is_readable_by_this_user_only(b: Backend) {
    use std::os::unix::fs::PermissionsExt;
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register("kopienas-2023", &Person::numbered(1)).await;
    let mail_dir = app.state.settings.mail_dir();
    for _ in 0..100 {
        if std::fs::read_dir(&mail_dir).is_ok_and(|mut d| d.next().is_some()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let data = app.state.settings.data_dir.clone();
    assert_eq!(mode(&data), 0o700, "data folder");
    assert_eq!(mode(&mail_dir), 0o700, "mail folder");
    assert_eq!(mode(&data.join("node.id")), 0o600, "node id");
    if b == Backend::Sqlite {
        assert_eq!(mode(&data.join("cohort.db")), 0o600, "database");
        assert_eq!(
            mode(&data.join("cohort.db-wal")),
            0o600,
            "its write-ahead log"
        );
    }
}

#[cfg(unix)]
on_both_backends!(personal_data_is_readable_by_this_user_only);

#[test]
fn a_database_that_cannot_be_opened_is_named_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let run = |url: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .arg("migrate")
            .env("DATABASE_URL", url)
            .env("COHORT_DATA_DIR", dir.path())
            .output()
            .expect("run cohort");
        assert!(!out.status.success(), "{url} cannot work");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    // Nothing listens on port 1; the password must not be printed.
    let stderr = run("postgres://cohort:secret@127.0.0.1:1/cohort");
    assert!(
        stderr.contains("PostgreSQL at") && stderr.contains("127.0.0.1:1"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret"), "{stderr}");
    // A folder that cannot be created.
    let stderr = run("sqlite:///proc/no-such-place/cohort.db");
    assert!(stderr.contains("/proc/no-such-place/cohort.db"), "{stderr}");
}
