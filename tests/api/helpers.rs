//! The real app on port 0, a fresh SQLite file or PostgreSQL database per
//! test, a controllable clock, and (optionally) a real SMTP server.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use cohort::clock::ManualClock;
use cohort::config::Settings;
use cohort::db::models::OutboxMessage;
use cohort::db::Db;
use cohort::web::{AppState, Application};
use diesel::prelude::*;

pub use crate::smtp::TestSmtp;

#[path = "../support/mod.rs"]
mod support;
pub use support::{csrf_from, utc, Backend, PgDatabase};

/// Runs a test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {
        $(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::helpers::Backend::Postgres).await
            }
        }
        )+
    };
}

/// The PostgreSQL server for tests: `COHORT_TEST_POSTGRES`. Outside CI a
/// missing URL skips (with a message); with `CI=true` it fails the test.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("COHORT_TEST_POSTGRES") {
        Ok(u) if !u.is_empty() => Some(u),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but COHORT_TEST_POSTGRES is not set: PostgreSQL tests must run in CI")
        }
        _ => {
            eprintln!(
                "skipped: set COHORT_TEST_POSTGRES=postgres://… to run the PostgreSQL variant"
            );
            None
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: actix_web::web::Data<AppState>,
    pub clock: Arc<ManualClock>,
    pub smtp: Option<TestSmtp>,
    /// Kept so the data folder lives as long as the app (the first server
    /// of a folder owns it).
    pub _dir: Option<tempfile::TempDir>,
    pub backend: Backend,
    /// Dropped with the app: the test database goes away.
    pub _pg: Option<PgDatabase>,
    /// Whether this app checks, when the test ends, that all mail went out
    /// (a second server on the same database leaves that to the first).
    pub checks_outbox: bool,
}

impl Drop for TestApp {
    /// A test that ends with mail still in the outbox has hidden a failure
    /// (a notice that cannot be rendered or sent): it fails here, after
    /// giving the worker time to finish what it is sending.
    fn drop(&mut self) {
        if !self.checks_outbox || std::thread::panicking() {
            return;
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            self.state.mail_wake.notify_one();
            let unsent = self
                .state
                .db
                .read_now(cohort::db::outbox::unsent_count)
                .expect("count the outbox");
            if unsent == 0 {
                return;
            }
            if std::time::Instant::now() > deadline {
                panic!("the test ended with {unsent} unsent outbox message(s)");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

/// 2023-11-15 12:00 in Riga: the seed cycle's registration is open.
pub fn seed_now() -> DateTime<Utc> {
    utc("2023-11-15T10:00:00Z")
}

pub struct Options {
    pub smtp: bool,
    pub tweak: Box<dyn FnOnce(&mut Settings) + Send>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            smtp: false,
            tweak: Box::new(|_| {}),
        }
    }
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, Options::default()).await
    }

    pub async fn spawn_with_smtp(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(
            backend,
            Options {
                smtp: true,
                ..Default::default()
            },
        )
        .await
    }

    pub async fn spawn_with(backend: Backend, options: Options) -> Option<TestApp> {
        cohort::telemetry::init_for_tests();
        let dir = tempfile::tempdir().expect("temp dir");
        let pg = match backend {
            Backend::Postgres => Some(PgDatabase::create(&postgres_admin_url()?, "cohort_test")),
            Backend::Sqlite => None,
        };
        let smtp = if options.smtp {
            Some(TestSmtp::start().await)
        } else {
            None
        };
        let mut settings = Settings::load().expect("default settings");
        settings.bind = "127.0.0.1:0".into();
        settings.data_dir = dir.path().to_path_buf();
        settings.database_url = match &pg {
            Some(db) => db.url.clone(),
            None => format!("sqlite://{}", dir.path().join("cohort.db").display()),
        };
        settings.smtp_url = smtp.as_ref().map(|s| s.url().into());
        settings.mail_poll_milliseconds = 50;
        settings.registrations_per_ip_per_minute = 10_000;
        settings.secret_key = Some(
            "a test secret that is long enough to use"
                .to_string()
                .into(),
        );
        (options.tweak)(&mut settings);
        Some(Self::start(settings, backend, dir, pg, smtp).await)
    }

    /// A second server process on the same database (PostgreSQL).
    pub async fn another_server(&self) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = self.state.settings.clone();
        settings.data_dir = dir.path().to_path_buf();
        self.serve_also(settings, Some(dir))
    }

    /// The same server started again on the same data folder (so the same
    /// node id), as after a crash: the first one's tasks keep running.
    pub async fn restarted_server(&self) -> TestApp {
        self.serve_also(self.state.settings.clone(), None)
    }

    /// One more server on this one's database and clock, on a port of its own;
    /// it leaves the outbox check to this one.
    fn serve_also(&self, mut settings: Settings, dir: Option<tempfile::TempDir>) -> TestApp {
        settings.bind = "127.0.0.1:0".into();
        let clock = self.clock.clone();
        let app = Application::build(settings, clock.clone()).expect("another server builds");
        let port = app.port();
        let state = app.state.clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            client: client(),
            state,
            clock,
            smtp: None,
            _dir: dir,
            backend: self.backend,
            _pg: None,
            checks_outbox: false,
        }
    }

    async fn start(
        mut settings: Settings,
        backend: Backend,
        dir: tempfile::TempDir,
        pg: Option<PgDatabase>,
        smtp: Option<TestSmtp>,
    ) -> TestApp {
        let clock = Arc::new(ManualClock::new(seed_now()));
        // Links in emails must point at this test server: on port 0 the app
        // binds first and derives its links from the port it was given (a
        // port probed free and bound again could be taken in between).
        settings.bind = "127.0.0.1:0".into();
        settings.base_url = cohort::config::base_url_for(&settings.bind);
        let app = Application::build(settings, clock.clone()).expect("app builds");
        let port = app.port();
        assert_eq!(
            app.state.settings.base_url,
            format!("http://127.0.0.1:{port}")
        );
        let state = app.state.clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            address: format!("http://127.0.0.1:{port}"),
            client: client(),
            state,
            clock,
            smtp,
            _dir: Some(dir),
            backend,
            _pg: pg,
            checks_outbox: true,
        }
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// A fresh browser: its own cookie jar.
    pub fn browser(&self) -> reqwest::Client {
        client()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_html(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("body")
    }

    /// The page at `path` as `browser` (its cookies) sees it.
    pub async fn page(&self, browser: &reqwest::Client, path: &str) -> String {
        browser
            .get(self.url(path))
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body")
    }

    /// Loads a form page with `browser` and returns its CSRF token.
    pub async fn csrf(&self, browser: &reqwest::Client, path: &str) -> String {
        let html = self.page(browser, path).await;
        csrf_from(&html).unwrap_or_else(|| panic!("no csrf_token on {path}"))
    }

    pub async fn post_form(
        &self,
        browser: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        browser
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Imports a cycle from TOML text, as `cohort cycle import` does.
    pub async fn import_cycle(&self, toml: &str) {
        let spec = cohort::domain::cycle_file::parse_cycle_file(toml).expect("valid cycle file");
        let saved = cohort::app::cycles::save_cycle(&self.state.services, spec)
            .await
            .expect("import");
        assert!(saved.is_ok(), "saved: {saved:?}");
    }

    pub async fn login_as_organiser(&self) -> reqwest::Client {
        self.login_with("organiser@muzeji.lv", "Organiser", false)
            .await
    }

    pub async fn login_as_admin(&self) -> reqwest::Client {
        self.login_with("admin@muzeji.lv", "Admin", true).await
    }

    async fn login_with(&self, email: &str, name: &str, admin: bool) -> reqwest::Client {
        let hash = cohort::passwords::hash("a long enough password").expect("hash");
        let (email_s, name_s) = (email.to_string(), name.to_string());
        let now = self.clock.now_utc();
        self.db()
            .write(move |c| {
                let email = cohort::domain::Email::parse(&email_s).expect("email");
                if cohort::db::organisers::by_email(c, email.normalised())?.is_none() {
                    cohort::db::organisers::add(c, &email, &name_s, admin, &hash, now)?;
                }
                Ok(())
            })
            .await
            .expect("add organiser");
        let browser = self.browser();
        let token = self.csrf(&browser, "/login").await;
        let res = self
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
        assert_redirect_to(&res, "/admin");
        browser
    }

    /// Runs the outbox worker's loop until `n` messages arrived at the SMTP server.
    pub async fn emails(&self, n: usize) -> Vec<crate::smtp::ReceivedMail> {
        self.state.mail_wake.notify_one();
        self.smtp
            .as_ref()
            .expect("app started with SMTP")
            .wait_for(n, std::time::Duration::from_secs(20))
            .await
    }
}

pub trait NowUtc {
    fn now_utc(&self) -> DateTime<Utc>;
}

impl NowUtc for ManualClock {
    fn now_utc(&self) -> DateTime<Utc> {
        cohort::clock::Clock::now(self)
    }
}

pub fn client() -> reqwest::Client {
    support::client_with_timeout(std::time::Duration::from_secs(60))
}

pub fn assert_redirect_to(res: &reqwest::Response, to: &str) {
    assert_eq!(res.status().as_u16(), 303, "expected a redirect to {to}");
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some(to)
    );
}

/// Where a 303 sends the browser (it must be a 303).
pub fn redirect_target(res: &reqwest::Response) -> String {
    assert_eq!(res.status().as_u16(), 303, "expected a redirect");
    res.headers()["location"]
        .to_str()
        .expect("a readable Location")
        .to_string()
}

/// Text of the elements matching `css`.
pub fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(css).expect("selector");
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The cycle of seed 002 as a cycle file (the same file serves the unit tests and benches).
pub const SEED_CYCLE: &str = include_str!("../fixtures/kopienas-2023.toml");

/// A person filling in the form.
#[derive(Clone)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub institution: String,
}

impl Person {
    pub fn new(first: &str, last: &str, email: &str) -> Self {
        Self {
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            institution: "Talsu novada muzejs".into(),
        }
    }
    /// The registration form as a browser sends it for this person.
    pub fn form<'a>(&'a self, csrf: &'a str) -> Vec<(&'static str, &'a str)> {
        vec![
            ("csrf_token", csrf),
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("email", &self.email),
            ("phone", ""),
            ("institution", &self.institution),
            ("institution_type", "museum"),
            ("position", "Krājuma glabātāja"),
            ("region", "Talsu novads"),
            ("country", "LV"),
            ("language", "lv"),
            ("consent", "on"),
            ("website", ""),
        ]
    }

    pub fn numbered(n: usize) -> Self {
        Self::new(
            "Dalībnieks",
            &format!("Nr{n}"),
            &format!("dalibnieks{n}@muzejs.lv"),
        )
    }
}

impl TestApp {
    /// Opens the cycle page with `browser` and submits the form for `p`.
    pub async fn register_with(
        &self,
        browser: &reqwest::Client,
        slug: &str,
        p: &Person,
    ) -> reqwest::Response {
        // A closed cycle's page has no form; the session's token is on /login.
        let page = browser
            .get(self.url(&format!("/cycles/{slug}")))
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body");
        let token = match csrf_from(&page) {
            Some(t) => t,
            None => self.csrf(browser, "/login").await,
        };
        self.post_form(
            browser,
            &format!("/cycles/{slug}/register"),
            &p.form(&token),
        )
        .await
    }

    pub async fn register(&self, slug: &str, p: &Person) -> reqwest::Response {
        self.register_with(&self.browser(), slug, p).await
    }
}

pub async fn outbox_rows(app: &TestApp) -> Vec<OutboxMessage> {
    app.db()
        .read(|c| {
            Ok(cohort::db::schema::outbox::table
                .order(cohort::db::schema::outbox::id.asc())
                .select(OutboxMessage::as_select())
                .load(c)?)
        })
        .await
        .expect("outbox")
}

/// Waits until every message is sent (or found no longer to apply).
pub async fn all_mail_sent(app: &TestApp) {
    wait_for_outbox(app, "all mail sent", |rows| {
        rows.iter().all(|m| m.sent_at.is_some())
    })
    .await;
}

/// Waits until every message is sent or given up for good.
pub async fn all_mail_sent_or_given_up(app: &TestApp) {
    wait_for_outbox(app, "all mail sent or given up", |rows| {
        rows.iter()
            .all(|m| m.sent_at.is_some() || m.attempts >= cohort::db::outbox::MAX_ATTEMPTS)
    })
    .await;
}

/// Waits (real time) until `done` holds for the outbox, or fails saying what it saw.
pub async fn wait_for_outbox(app: &TestApp, what: &str, done: impl Fn(&[OutboxMessage]) -> bool) {
    for _ in 0..200 {
        let rows = outbox_rows(app).await;
        if done(&rows) {
            return;
        }
        app.state.mail_wake.notify_one();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{what}: outbox is {:?}", outbox_rows(app).await);
}

/// The fields a browser would send from the first form matching `css`, as
/// the page fills them in (inputs, ticked boxes, chosen options, text areas).
pub fn form_fields(html: &str, css: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let form = doc
        .select(&scraper::Selector::parse(css).unwrap())
        .next()
        .unwrap_or_else(|| panic!("no form {css}"));
    let fields = scraper::Selector::parse("input[name], select[name], textarea[name]").unwrap();
    let chosen = scraper::Selector::parse("option[selected]").unwrap();
    let mut out = vec![];
    for field in form.select(&fields) {
        let element = field.value();
        let name = element.attr("name").unwrap_or_default().to_string();
        let value = match element.name() {
            "textarea" => field.text().collect::<String>(),
            "select" => match field.select(&chosen).next() {
                Some(option) => option.value().attr("value").unwrap_or_default().to_string(),
                None => continue,
            },
            _ => {
                let kind = element.attr("type").unwrap_or("text");
                if matches!(kind, "checkbox" | "radio") && element.attr("checked").is_none() {
                    continue;
                }
                if matches!(kind, "submit" | "button" | "file") {
                    continue;
                }
                element
                    .attr("value")
                    .unwrap_or(if kind == "checkbox" { "on" } else { "" })
                    .to_string()
            }
        };
        out.push((name, value));
    }
    out
}

/// Sets `name` in a form's fields (adding it when absent).
pub fn set_field(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) => *v = value.to_string(),
        None => fields.push((name.to_string(), value.to_string())),
    }
}

/// Everything an organiser page could change, as one comparable value:
/// compared before and after what must store nothing.
pub async fn database_snapshot(app: &TestApp) -> String {
    use cohort::db::schema::*;
    app.db()
        .read(|c| {
            let cycles: Vec<(String, String, i32, i32, bool)> = cycles::table
                .order(cycles::id)
                .select((
                    cycles::slug,
                    cycles::title,
                    cycles::capacity,
                    cycles::seats_taken,
                    cycles::published,
                ))
                .load(c)?;
            let sessions: Vec<(i32, Option<i32>, String)> = sessions::table
                .order(sessions::id)
                .select((sessions::seats_taken, sessions::capacity, sessions::title))
                .load(c)?;
            let regs: Vec<(i32, String)> = registrations::table
                .order(registrations::id)
                .select((registrations::id, registrations::status))
                .load(c)?;
            let attended: Vec<(i32, i32, bool)> = attendance::table
                .order((attendance::registration_id, attendance::session_id))
                .select((
                    attendance::registration_id,
                    attendance::session_id,
                    attendance::present,
                ))
                .load(c)?;
            let applications: Vec<(i32, String)> = grant_applications::table
                .order(grant_applications::id)
                .select((grant_applications::id, grant_applications::status))
                .load(c)?;
            let counts = (
                attendance_audit::table.count().get_result::<i64>(c)?,
                outbox::table.count().get_result::<i64>(c)?,
                messages::table.count().get_result::<i64>(c)?,
                certificates::table.count().get_result::<i64>(c)?,
                cycle_owners::table.count().get_result::<i64>(c)?,
                organisers::table.count().get_result::<i64>(c)?,
            );
            let identities: Vec<(String, String, String, String)> = organisations::table
                .order(organisations::id)
                .select((
                    organisations::name,
                    organisations::site_name,
                    organisations::mail_from_address,
                    organisations::contact_email,
                ))
                .load(c)?;
            Ok(format!(
                "{cycles:?} {sessions:?} {regs:?} {attended:?} {applications:?} {counts:?} \
                 {identities:?}"
            ))
        })
        .await
        .unwrap()
}

/// An event's SEQUENCE: a calendar keeps the one with the highest.
pub fn sequence_of(event: &str) -> u32 {
    event
        .lines()
        .find_map(|l| l.strip_prefix("SEQUENCE:"))
        .unwrap_or_else(|| panic!("a SEQUENCE in {event}"))
        .trim()
        .parse()
        .expect("a number")
}
