//! Issue 2: start, pages, login, CSRF, headers, languages.

use crate::helpers::*;
use crate::on_both_backends;

async fn health_and_public_pages(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    app.import_cycle(SEED_CYCLE).await;
    let index = app.get_html("/").await;
    assert!(
        index.contains("Kopienu attīstības apmācību cikls"),
        "{index}"
    );
    let page = app.get_html("/cycles/kopienas-2023").await;
    // Schedule in Riga time with the zone named.
    assert!(
        page.contains("pirmdiena, 2023. gada 4. decembrī, plkst. 10.00–16.00 (Latvijas laiks)"),
        "{page}"
    );
    // The zone as people say it, never "EET" or "Europe/Riga".
    assert!(page.contains("Laika josla: Latvijas laiks."), "{page}");
    assert!(
        !page.contains("EET") && !page.contains("Europe/Riga"),
        "{page}"
    );
    assert!(page.contains("30 brīvas vietas") || page.contains("30 brīvu vietu"));
    assert!(
        page.contains("2023. gada 29. novembrī, plkst. 23.59 (Latvijas laiks)"),
        "deadline shown in local time"
    );
    // Join links are never on the public page.
    assert!(!page.contains("zoom.us/j/1111111111"));
    let en = app.get_html("/cycles/kopienas-2023?lang=en").await;
    assert!(
        en.contains("Monday 4 December 2023, 10:00–16:00 (Latvian time)"),
        "{en}"
    );
    assert_eq!(app.get("/cycles/nav-tada").await.status().as_u16(), 404);
}

on_both_backends!(health_and_public_pages);

/// Every Rust file of the web layer, so a new one's routes are counted too.
fn web_sources(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(web_sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Every POST route refuses a request without a valid token, and changes nothing.
async fn every_post_route_requires_csrf(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    cohort::app::organisations::add(&app.state.services, "lmb", "Latvijas Muzeju biedrība")
        .await
        .unwrap()
        .unwrap();
    let admin = app.login_as_admin().await;
    // One registration to aim the participant and organiser routes at.
    let res = app
        .register(
            "kopienas-2023",
            &Person::new("Anna", "Bērziņa", "anna@muzejs.lv"),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let reg_id = 1;
    let token = app
        .state
        .composer
        .participant_link(&registration(&app, reg_id).await)
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let routes = [
        "/cycles/kopienas-2023/register".to_string(),
        "/lost-link".into(),
        format!("/r/{token}/confirm"),
        format!("/r/{token}/cancel"),
        format!("/r/{token}/sessions"),
        format!("/r/{token}/progress-emails"),
        format!("/r/{token}/erase"),
        format!("/r/{token}/grant"),
        format!("/r/{token}/grant/attachment/remove"),
        "/login".into(),
        "/logout".into(),
        "/logout/everywhere".into(),
        "/setup/anything".into(),
        "/admin/cycles/new".into(),
        "/admin/cycles/kopienas-2023/edit".into(),
        "/admin/cycles/kopienas-2023/capacity".into(),
        format!("/admin/registrations/{reg_id}/cancel"),
        format!("/admin/registrations/{reg_id}/restore"),
        "/admin/organisers".into(),
        "/admin/cycles/kopienas-2023/sessions/1/attendance".into(),
        "/admin/cycles/kopienas-2023/sessions/1/import".into(),
        "/admin/cycles/kopienas-2023/sessions/1/import/apply".into(),
        "/admin/cycles/kopienas-2023/notify-eligible".into(),
        format!("/admin/checkin/{token}"),
        "/admin/cycles/kopienas-2023/applications/1/decision".into(),
        "/admin/cycles/kopienas-2023/messages/preview".into(),
        "/admin/cycles/kopienas-2023/messages".into(),
        "/admin/cycles/kopienas-2023/messages/1/retry".into(),
        "/admin/organisations/lmb".into(),
    ];
    // The list above covers every POST route the app registers.
    let registered: usize =
        web_sources(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"))
            .iter()
            .map(|file| {
                std::fs::read_to_string(file)
                    .unwrap()
                    .matches("web::post()")
                    .count()
            })
            .sum();
    assert_eq!(
        registered,
        routes.len(),
        "a POST route is missing from this test"
    );
    for route in &routes {
        for token in [None, Some("forged-token")] {
            let mut fields = vec![
                ("capacity", "1"),
                ("email", "x@y.lv"),
                ("name", "X"),
                ("password", "aaaaaaaaaaaaaaaa"),
                ("password_again", "aaaaaaaaaaaaaaaa"),
                ("present", "1"),
                ("title", "X"),
                ("action", "submit"),
                ("outcome", "funded"),
                ("audience", "seat_holders"),
                ("subject", "X"),
                ("body", "X"),
                ("send_key", "0123456789abcdef0123"),
                ("wanted", "no"),
            ];
            if let Some(t) = token {
                fields.push(("csrf_token", t));
            }
            let res = admin
                .post(app.url(route))
                .form(&fields)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 403, "{route} with token {token:?}");
        }
    }
    // Nothing changed: still one pending registration, capacity 30, one organiser.
    let reg = registration(&app, reg_id).await;
    assert_eq!(reg.status, "pending");
    assert!(reg.progress_emails, "still wants the progress emails");
    assert!(reg.erased_at.is_none(), "nothing was erased");
    let cycle = app
        .db()
        .read(|c| cohort::db::cycles::by_slug(c, "kopienas-2023"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cycle.capacity, 30);
    assert_eq!(
        app.db().read(cohort::db::organisers::count).await.unwrap(),
        1
    );
    let messages: i64 = app
        .db()
        .read(|c| {
            use diesel::prelude::*;
            Ok(cohort::db::schema::messages::table.count().get_result(c)?)
        })
        .await
        .unwrap();
    assert_eq!(messages, 0, "no message was sent");
    let lmb = cohort::app::organisations::by_slug(&app.state.services, "lmb")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        lmb.name, "Latvijas Muzeju biedrība",
        "the organisation is as it was"
    );
    // And the logout without a token did not log the organiser out.
    assert_eq!(
        admin
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
}

pub async fn registration(app: &TestApp, id: i32) -> cohort::db::models::Registration {
    app.db()
        .read(move |c| cohort::db::registrations::by_id(c, id))
        .await
        .unwrap()
        .expect("registration exists")
}

async fn login_logout_and_rate_limit(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    // Unauthenticated admin pages redirect to /login.
    let res = app.get("/admin").await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/login"));
    let organiser = app.login_as_organiser().await;
    assert_eq!(
        organiser
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    // Organisers (not admins) cannot manage accounts.
    assert_eq!(
        organiser
            .get(app.url("/admin/organisers"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        403
    );
    let token = app.csrf(&organiser, "/admin").await;
    assert_redirect_to(
        &app.post_form(&organiser, "/logout", &[("csrf_token", &token)])
            .await,
        "/",
    );
    assert_eq!(
        organiser
            .get(app.url("/admin"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        303
    );

    // Wrong email and wrong password: the same answer.
    let browser = app.browser();
    let token = app.csrf(&browser, "/login").await;
    let wrong_password = app
        .post_form(
            &browser,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "organiser@muzeji.lv"),
                ("password", "not the password"),
            ],
        )
        .await;
    let wrong_email = app
        .post_form(
            &browser,
            "/login",
            &[
                ("csrf_token", &token),
                ("email", "nobody@muzeji.lv"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(wrong_password.status().as_u16(), 401);
    assert_eq!(wrong_email.status().as_u16(), 401);
    let a = texts(&wrong_password.text().await.unwrap(), ".error-summary");
    let b2 = texts(&wrong_email.text().await.unwrap(), ".error-summary");
    assert_eq!(a, b2);
    // Repeated failures on one account are slowed down: 429, even with the right password.
    let mut limited = false;
    for _ in 0..6 {
        let res = app
            .post_form(
                &browser,
                "/login",
                &[
                    ("csrf_token", &token),
                    ("email", "organiser@muzeji.lv"),
                    ("password", "still wrong"),
                ],
            )
            .await;
        if res.status().as_u16() == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "the sixth failed login in a row is refused");
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
    assert_eq!(res.status().as_u16(), 429);
}

async fn security_headers_and_cookies(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let res = app.get("/login").await;
    let h = res.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let cookie = h
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("cohort="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain http base URL: no Secure flag"
    );
}

async fn setup_link_works_once(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let token = "setup-token-for-test";
    let hash = cohort::tokens::sha256_hex(token);
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| cohort::db::organisers::new_setup_token(c, &hash, now))
        .await
        .unwrap();
    let browser = app.browser();
    let csrf = app.csrf(&browser, &format!("/setup/{token}")).await;
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("name", "Zane Grīnvalde"),
        ("email", "zane@muzeji.lv"),
        ("password", "a long enough password"),
        ("password_again", "a long enough password"),
    ];
    let short = [
        ("csrf_token", csrf.as_str()),
        ("name", "Zane"),
        ("email", "zane@muzeji.lv"),
        ("password", "short"),
        ("password_again", "short"),
    ];
    let value_of = |html: &str, id: &str| {
        let doc = scraper::Html::parse_document(html);
        let sel = scraper::Selector::parse(&format!("input#{id}")).unwrap();
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr("value").map(str::to_string))
    };
    let blank = app.get_html(&format!("/setup/{token}")).await;
    assert_eq!(
        value_of(&blank, "name").as_deref(),
        Some(""),
        "an empty form starts empty"
    );
    let refused = app
        .post_form(&browser, &format!("/setup/{token}"), &short)
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.unwrap();
    assert_eq!(
        value_of(&html, "name").as_deref(),
        Some("Zane"),
        "what was typed is kept"
    );
    assert_redirect_to(
        &app.post_form(&browser, &format!("/setup/{token}"), &fields)
            .await,
        "/admin",
    );
    assert_eq!(
        browser
            .get(app.url("/admin/organisers"))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        200,
        "the first account is an admin"
    );
    // The link stops working, and says so: sign in instead.
    let used = app.get(&format!("/setup/{token}")).await;
    assert_eq!(used.status().as_u16(), 404);
    let used = used.text().await.unwrap();
    assert!(
        used.contains("jau ir izmantota") && used.contains(r#"href="/login""#),
        "{used}"
    );
    let other = app.browser();
    let csrf = app.csrf(&other, "/login").await;
    let again = [
        ("csrf_token", csrf.as_str()),
        ("name", "Mallory"),
        ("email", "mallory@example.com"),
        ("password", "a long enough password"),
        ("password_again", "a long enough password"),
    ];
    assert_eq!(
        app.post_form(&other, &format!("/setup/{token}"), &again)
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        app.db().read(cohort::db::organisers::count).await.unwrap(),
        1
    );
}

async fn organiser_publishes_a_cycle_through_forms(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    let admin = app.login_as_admin().await;
    let csrf = app.csrf(&admin, "/admin/cycles/new").await;
    let mut fields: Vec<(String, String)> = vec![
        ("csrf_token", csrf.as_str()),
        ("slug", "kopienas-2023"),
        ("title", "Kopienu attīstības apmācību cikls"),
        ("description", "Apraksts"),
        ("language", "lv"),
        ("timezone", "Europe/Riga"),
        ("country", "LV"),
        ("capacity", "30"),
        ("registration_opens", "2023-11-01T00:00"),
        ("registration_closes", "2023-11-29T23:59"),
        ("hold_hours", "48"),
        ("min_sessions", "4"),
        ("waitlist", "on"),
        ("require_email_confirmation", "on"),
        ("published", "on"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let sessions = [
        (
            "Es un mana identitāte",
            "2023-12-04",
            "10:00",
            "16:00",
            "in_person",
        ),
        ("Es un citi", "2023-12-11", "13:00", "16:00", "online"),
        ("Es un kopiena", "2023-12-18", "13:00", "16:00", "online"),
        (
            "Kopienas izaicinājumi",
            "2024-01-08",
            "13:00",
            "16:00",
            "online",
        ),
        (
            "Idejas kopienu iniciatīvām",
            "2024-01-15",
            "13:00",
            "16:00",
            "online",
        ),
    ];
    for (i, (title, day, from, to, mode)) in sessions.iter().enumerate() {
        let n = i + 1;
        fields.push((format!("s{n}_title"), title.to_string()));
        fields.push((format!("s{n}_starts"), format!("{day}T{from}")));
        fields.push((format!("s{n}_ends"), format!("{day}T{to}")));
        fields.push((format!("s{n}_mode"), mode.to_string()));
        fields.push((
            format!("s{n}_location"),
            if *mode == "in_person" {
                "Latvijas Kara muzejs, Smilšu iela 20, Rīga".into()
            } else {
                String::new()
            },
        ));
        fields.push((
            format!("s{n}_online_url"),
            if *mode == "online" {
                format!("https://zoom.us/j/{n}{n}{n}")
            } else {
                String::new()
            },
        ));
    }
    // A mistake first: the end of session 2 before its start, and no title.
    let mut broken = fields.clone();
    broken.iter_mut().for_each(|(k, v)| {
        if k == "s2_ends" {
            *v = "2023-12-11T12:00".into()
        }
        if k == "title" {
            v.clear()
        }
    });
    let res = admin
        .post(app.url("/admin/cycles/new"))
        .form(&broken)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    let summary = texts(&html, ".error-summary li a");
    assert_eq!(summary.len(), 2, "{summary:?}");
    assert!(html.contains("href=\"#s2_ends\""));
    assert!(
        html.contains("value=\"Es un mana identitāte\""),
        "what was typed is kept"
    );
    assert!(
        app.db()
            .read(cohort::db::cycles::all)
            .await
            .unwrap()
            .is_empty(),
        "nothing stored"
    );

    let res = admin
        .post(app.url("/admin/cycles/new"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&res, "/admin/cycles/kopienas-2023");
    let public = app.get_html("/cycles/kopienas-2023").await;
    assert_eq!(texts(&public, "ol.sessions li h3").len(), 5);
    assert!(public.contains("Latvijas Kara muzejs"));
}

on_both_backends!(
    every_post_route_requires_csrf,
    login_logout_and_rate_limit,
    security_headers_and_cookies,
    setup_link_works_once,
    organiser_publishes_a_cycle_through_forms,
);

async fn login_never_redirects_to_another_site(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.login_as_organiser().await;
    for next in [
        "//evil.example/",
        "/\t/evil.example",
        "https://evil.example/",
        "/\\evil.example",
        "/cycles/x",
    ] {
        let browser = app.browser();
        let token = app.csrf(&browser, "/login").await;
        let res = app
            .post_form(
                &browser,
                "/login",
                &[
                    ("csrf_token", &token),
                    ("email", "organiser@muzeji.lv"),
                    ("password", "a long enough password"),
                    ("next", next),
                ],
            )
            .await;
        assert_redirect_to(&res, "/admin");
    }
    // Language links never point off the site either.
    let html = app.get_html("//evil.example/").await;
    assert!(!html.contains("href=\"//evil.example"), "{html}");
}

/// A cycle edit that is refused changes nothing at all.
async fn a_refused_cycle_edit_changes_nothing(b: Backend) {
    let Some(app) = TestApp::spawn(b).await else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    app.register("kopienas-2023", &Person::numbered(1)).await;
    let now = app.clock.now_utc();
    app.db()
        .write(move |c| cohort::db::registrations::confirm(c, 1, now))
        .await
        .unwrap();
    let change = cohort::db::attendance::Change {
        source: cohort::db::attendance::Source::Manual,
        by: None,
        at: now,
        note: None,
    };
    app.db()
        .write(move |c| cohort::db::attendance::set(c, 1, 5, true, None, &change))
        .await
        .unwrap();
    // Raise capacity and drop the attended session 5 in one edit.
    let text = SEED_CYCLE.replace("capacity = 30", "capacity = 40");
    let four_sessions = &text[..text.rfind("[[sessions]]").unwrap()];
    let spec = cohort::domain::cycle_file::parse_cycle_file(four_sessions).unwrap();
    let r = app
        .db()
        .write(move |c| cohort::db::cycles::save(c, &spec, now))
        .await
        .unwrap();
    assert_eq!(
        r,
        Err(cohort::db::cycles::SaveProblem::SessionHasAttendance(5))
    );
    let cycle = app
        .db()
        .read(|c| cohort::db::cycles::by_slug(c, "kopienas-2023"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(cycle.capacity, 30);
}

on_both_backends!(
    login_never_redirects_to_another_site,
    a_refused_cycle_edit_changes_nothing
);

/// Only the bind address set, to port 0 (any free port): the setup link and
/// the links in emails name the port the system gave, not port 0.
#[tokio::test]
async fn links_name_the_port_given_for_port_0() {
    let dir = tempfile::tempdir().expect("a folder");
    let mut settings = cohort::config::Settings::load().expect("default settings");
    settings.bind = "127.0.0.1:0".into();
    // As loading derives it when only COHORT_BIND is set.
    settings.base_url = cohort::config::base_url_for(&settings.bind);
    settings.data_dir = dir.path().to_path_buf();
    settings.database_url = format!("sqlite://{}", dir.path().join("cohort.db").display());
    settings.secret_key = Some(
        "a test secret that is long enough to use"
            .to_string()
            .into(),
    );
    let clock = std::sync::Arc::new(cohort::clock::ManualClock::new(seed_now()));
    let app = cohort::web::Application::build(settings, clock).expect("app builds");
    assert_ne!(app.port(), 0);
    let address = format!("http://127.0.0.1:{}", app.port());
    assert_eq!(app.state.settings.base_url, address);
    assert_eq!(app.state.composer.base_url, address, "the emails' links");
}

/// The same from the command line: `cohort serve` with only COHORT_BIND set
/// to port 0 prints a setup link and an address that both name the port
/// given, and the link opens the setup page.
#[tokio::test]
async fn serve_on_port_0_prints_links_that_work() {
    use std::io::BufRead;
    /// Stops the server however the test ends.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let dir = tempfile::tempdir().expect("a folder");
    let mut server = Running(
        std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .arg("serve")
            .env("COHORT_BIND", "127.0.0.1:0")
            .env("COHORT_DATA_DIR", dir.path())
            .env(
                "COHORT_SECRET_KEY",
                "a test secret that is long enough to use",
            )
            .env_remove("COHORT_BASE_URL")
            .env_remove("COHORT_DATABASE_URL")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("cohort serve"),
    );
    let stdout = server.0.stdout.take().expect("stdout");
    let lines = tokio::task::spawn_blocking(move || {
        let mut lines = Vec::new();
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.expect("a line");
            let last = line.starts_with("Cohort is running at ");
            lines.push(line);
            if last {
                break;
            }
        }
        lines
    });
    let lines = tokio::time::timeout(std::time::Duration::from_secs(60), lines)
        .await
        .expect("the server printed its address within a minute")
        .expect("reading its output");
    let address = lines
        .last()
        .and_then(|line| line.strip_prefix("Cohort is running at "))
        .expect("the address line")
        .to_string();
    assert!(address.starts_with("http://127.0.0.1:"), "{address}");
    assert!(!address.ends_with(":0"), "not port 0: {address}");
    let link = lines
        .iter()
        .map(|line| line.trim())
        .find(|line| line.starts_with(&format!("{address}/setup/")))
        .unwrap_or_else(|| panic!("a setup link on {address}: {lines:?}"))
        .to_string();
    let page = reqwest::get(&link).await.expect("the link answers");
    assert_eq!(page.status().as_u16(), 200, "{link}");
}
