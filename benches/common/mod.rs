//! Shared by the benchmark programs: fresh databases (a temporary SQLite file,
//! or a throwaway PostgreSQL database when `COHORT_BENCH_POSTGRES` is set), the
//! real application on port 0, cycles, statistics and Markdown tables.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use cohort::clock::ManualClock;
use cohort::config::Settings;
use cohort::db::models::Cycle;
use cohort::db::{AnyConnection, Db, DbResult};
use cohort::web::{AppState, Application};
use diesel::{Connection, RunQueryDsl};

/// The server for PostgreSQL runs, e.g. `postgres://postgres@127.0.0.1:5432/test`.
pub const PG_ENV: &str = "COHORT_BENCH_POSTGRES";

/// Long enough for `Settings::secret`; fixed so runs are comparable.
pub const SECRET: &str = "a benchmark secret that is long enough to use";

mod cpu;
mod smtp_sink;
mod writes;
#[allow(unused_imports)]
pub use cpu::CpuUse;
#[allow(unused_imports)]
pub use smtp_sink::SmtpSink;
#[allow(unused_imports)]
pub use writes::{applicant, bare_register, prefill};

#[path = "../../tests/support/mod.rs"]
mod support;
#[allow(unused_imports)]
pub use support::{csrf_from, utc, Backend, PgDatabase};

/// SQLite always; PostgreSQL when its URL is given.
pub fn backends() -> Vec<Backend> {
    let mut out = vec![Backend::Sqlite];
    match std::env::var(PG_ENV) {
        Ok(u) if !u.is_empty() => out.push(Backend::Postgres),
        _ => eprintln!("note: {PG_ENV} is not set; PostgreSQL is skipped"),
    }
    out
}

/// A fresh, empty database and a temporary data folder. A PostgreSQL
/// database is dropped when this is dropped.
pub struct Store {
    pub backend: Backend,
    pub url: String,
    pub dir: tempfile::TempDir,
    /// Dropped with the store: the benchmark database goes away.
    _pg: Option<PgDatabase>,
}

impl Store {
    pub fn fresh(backend: Backend) -> Store {
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => Store {
                backend,
                url: format!("sqlite://{}", dir.path().join("cohort.db").display()),
                dir,
                _pg: None,
            },
            Backend::Postgres => {
                let admin = std::env::var(PG_ENV).expect("PostgreSQL URL");
                let pg = PgDatabase::create(&admin, "cohort_bench");
                Store {
                    backend,
                    url: pg.url.clone(),
                    dir,
                    _pg: Some(pg),
                }
            }
        }
    }

    /// One plain connection, outside any pool, with the app's SQLite settings.
    pub fn direct(&self) -> AnyConnection {
        match self.backend {
            Backend::Sqlite => {
                let path = self.url.strip_prefix("sqlite://").expect("sqlite URL");
                let mut c = diesel::SqliteConnection::establish(path).expect("open SQLite");
                diesel::connection::SimpleConnection::batch_execute(
                    &mut c,
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .expect("pragmas");
                AnyConnection::Sqlite(c)
            }
            Backend::Postgres => AnyConnection::Postgresql(
                diesel::PgConnection::establish(&self.url).expect("connect PostgreSQL"),
            ),
        }
    }

    /// A pool like the app's (same size as the default settings), migrated.
    pub fn connect(&self) -> Db {
        let db = Db::connect(&self.url, default_settings().db_max_connections).expect("connect");
        db.migrate().expect("migrate");
        db
    }
}

pub fn default_settings() -> Settings {
    Settings::load().expect("default settings")
}

/// The app's settings for a benchmark: port 0, the store's database and data
/// folder, no SMTP (mail goes to .eml files), a fixed secret and a rate limit
/// that a benchmark from one address cannot reach.
pub fn settings_for(store: &Store) -> Settings {
    let mut s = default_settings();
    s.bind = "127.0.0.1:0".into();
    s.data_dir = store.dir.path().to_path_buf();
    s.database_url = store.url.clone();
    s.smtp_url = None;
    s.registrations_per_ip_per_minute = 1_000_000;
    s.secret_key = Some(SECRET.to_string().into());
    s
}

/// The real application, serving on its own port until the process ends.
pub struct RunningApp {
    pub address: String,
    pub state: actix_web::web::Data<AppState>,
    pub clock: Arc<ManualClock>,
    pub mail_dir: PathBuf,
}

impl RunningApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }
    pub fn db(&self) -> &Db {
        &self.state.db
    }
}

pub async fn start_app(store: &Store, now: DateTime<Utc>) -> RunningApp {
    start_app_with(settings_for(store), now).await
}

/// The real application with these settings (e.g. `settings_for` plus SMTP).
pub async fn start_app_with(settings: Settings, now: DateTime<Utc>) -> RunningApp {
    let mail_dir = settings.mail_dir();
    let clock = Arc::new(ManualClock::new(now));
    let app = Application::build(settings, clock.clone()).expect("app builds");
    let port = app.port();
    let state = app.state.clone();
    tokio::spawn(app.run_until_stopped());
    let app = RunningApp {
        address: format!("http://127.0.0.1:{port}"),
        state,
        clock,
        mail_dir,
    };
    // Wait until it answers.
    let c = client();
    for _ in 0..100 {
        if c.get(app.url("/healthz")).send().await.is_ok() {
            return app;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the app did not answer on {}", app.address);
}

/// A browser: its own cookie jar (and so its own session and connections).
pub fn client() -> reqwest::Client {
    support::client_with_timeout(Duration::from_secs(120))
}

pub fn cycle_toml(slug: &str, capacity: u32, waitlist: bool) -> String {
    include_str!("../../tests/fixtures/kopienas-2023.toml")
        .replace("slug = \"kopienas-2023\"", &format!("slug = \"{slug}\""))
        .replace("capacity = 30", &format!("capacity = {capacity}"))
        .replace("waitlist = true", &format!("waitlist = {waitlist}"))
}

/// During registration (the window above is open).
pub fn registration_now() -> DateTime<Utc> {
    utc("2023-11-15T10:00:00Z")
}

/// Creates a cycle from `cycle_toml` and returns it as stored.
pub fn create_cycle(
    conn: &mut AnyConnection,
    slug: &str,
    capacity: u32,
    waitlist: bool,
    now: DateTime<Utc>,
) -> DbResult<Cycle> {
    let spec = cohort::domain::cycle_file::parse_cycle_file(&cycle_toml(slug, capacity, waitlist))
        .expect("valid cycle file");
    let saved = cohort::db::cycles::save(conn, &spec, now)?;
    assert!(saved.is_ok(), "cycle saved: {saved:?}");
    Ok(cohort::db::cycles::by_slug(conn, slug)?.expect("just saved"))
}

/// Runs one SQL statement (no results) on either backend.
pub fn exec(conn: &mut AnyConnection, sql: &str) -> DbResult<usize> {
    Ok(diesel::sql_query(sql).execute(conn)?)
}

/// Refreshes planner statistics on PostgreSQL, as autovacuum would after a
/// bulk load; SQLite is left as the app leaves it (no ANALYZE).
pub fn analyze(db: &Db) {
    if db.backend() == cohort::db::Backend::Postgres {
        db.read_now(|c| exec(c, "ANALYZE")).expect("ANALYZE");
    }
}

/// A timestamp literal both backends read as TIMESTAMP.
pub fn ts(t: &str) -> String {
    format!("'{t}'")
}

/// Rows 0..n as a SQL row source with column `i`.
pub fn series(backend: Backend, n: u64) -> String {
    match backend {
        Backend::Sqlite => format!(
            "(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < {n}) \
             SELECT i FROM s) AS n"
        ),
        Backend::Postgres => format!("generate_series(0, {n} - 1) AS n(i)"),
    }
}

/// A string of `len` x's, computed by the database.
pub fn filler(backend: Backend, len: usize) -> String {
    match backend {
        Backend::Sqlite => format!("substr(replace(hex(zeroblob({len})), '0', 'x'), 1, {len})"),
        Backend::Postgres => format!("repeat('x', {len})"),
    }
}

// ---- statistics ---------------------------------------------------------

pub fn median(v: &[f64]) -> f64 {
    percentile(v, 50.0)
}

/// Nearest-rank percentile of unsorted values.
pub fn percentile(v: &[f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    let rank = ((p / 100.0) * s.len() as f64).ceil() as usize;
    s[rank.clamp(1, s.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Milliseconds with sensible precision.
pub fn fmt_ms(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

/// A rate with thousands separators.
pub fn fmt_rate(x: f64) -> String {
    let n = x.round() as u64;
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn fmt_ratio(x: f64) -> String {
    format!("{x:.2}×")
}

/// Prints a Markdown table; the first `text_columns` are left-aligned, the
/// rest (numbers) right-aligned.
pub fn table(headers: &[&str], text_columns: usize, rows: &[Vec<String>]) {
    println!("| {} |", headers.join(" | "));
    println!(
        "|{}|",
        (0..headers.len())
            .map(|i| if i < text_columns { "---" } else { "---:" })
            .collect::<Vec<_>>()
            .join("|")
    );
    for r in rows {
        println!("| {} |", r.join(" | "));
    }
    println!();
}

/// Machine and run facts for the report header.
pub fn print_machine(load_before: &str) {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    println!(
        "Machine: {cores} cores, {cpu}; release build. Load average (1, 5, 15 min) \
         before: {load_before}; after: {}.\n",
        load()
    );
}

/// The load average, to judge how noisy a run was (the benchmark itself adds
/// about 2 while it runs).
pub fn load() -> String {
    let l = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}
