//! The registration rush: N people submit the form for one cycle (30 seats
//! and a waitlist) at the same moment.
//!
//! For each backend (SQLite in a temporary file; PostgreSQL in a fresh
//! database when `COHORT_BENCH_POSTGRES` is set):
//!
//! a. floor: N concurrent `Db::write(registrations::register)` calls, the
//!    app's own transaction without HTTP; also the bare three statements
//!    (seat update, registration insert, outbox insert) for comparison;
//! b. HTTP: the real app on port 0; N browsers (own cookie jar each) load the
//!    cycle page for a CSRF token first, then all POST the form at once;
//! c. growth: (a) again with 10,000 and 100,000 registrations (and their sent
//!    outbox messages) in other cycles.
//!
//! Every run asserts that exactly 30 seats were taken and N rows written.
//! Run: `cargo bench --bench registration_rush` (see docs/BENCHMARKS.md).

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use cohort::db::models::Cycle;
use cohort::db::registrations::{self, Applicant, Registered};
use cohort::db::schema::{outbox, registrations as regs_t};
use cohort::db::{AnyConnection, Db, DbResult};
use cohort::mail::Composer;
use cohort::tokens::Keys;
use common::*;
use diesel::prelude::*;
use futures_util::StreamExt;

const CAPACITY: u32 = 30;
const GROWTH: [u64; 3] = [0, 10_000, 100_000];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One burst of N registrations.
struct Burst {
    n: usize,
    wall: Duration,
    latencies_ms: Vec<f64>,
}

impl Burst {
    fn rate(&self) -> f64 {
        self.n as f64 / self.wall.as_secs_f64()
    }
}

/// Medians over the timed runs.
#[derive(Clone, Copy)]
struct Summary {
    rate: f64,
    p50: f64,
    p99: f64,
    min_rate: f64,
    max_rate: f64,
}

fn summarise(runs: &[Burst]) -> Summary {
    let rates: Vec<f64> = runs.iter().map(Burst::rate).collect();
    let p50s: Vec<f64> = runs
        .iter()
        .map(|b| percentile(&b.latencies_ms, 50.0))
        .collect();
    let p99s: Vec<f64> = runs
        .iter()
        .map(|b| percentile(&b.latencies_ms, 99.0))
        .collect();
    Summary {
        rate: median(&rates),
        p50: median(&p50s),
        p99: median(&p99s),
        min_rate: rates.iter().cloned().fold(f64::INFINITY, f64::min),
        max_rate: rates.iter().cloned().fold(0.0, f64::max),
    }
}

/// Checks the outcome of a burst: exactly `CAPACITY` seats, everyone else
/// on the waitlist, one outbox message per registration.
async fn verify(db: &Db, cycle_id: i32, n: usize, what: &str) {
    let (taken, counts, messages) = db
        .read(move |c| {
            let taken = cohort::db::cycles::by_id(c, cycle_id)?.seats_taken;
            let counts = cohort::db::cycles::status_counts(c, cycle_id)?;
            let messages: i64 = outbox::table
                .inner_join(regs_t::table.on(regs_t::id.nullable().eq(outbox::registration_id)))
                .filter(regs_t::cycle_id.eq(cycle_id))
                .count()
                .get_result(c)?;
            Ok((taken, counts, messages))
        })
        .await
        .expect("verify");
    let count = |s: &str| {
        counts
            .iter()
            .find(|(k, _)| k == s)
            .map(|(_, v)| *v as usize)
            .unwrap_or(0)
    };
    assert_eq!(taken, CAPACITY as i32, "{what}: seats_taken must be 30");
    assert_eq!(count("pending"), CAPACITY as usize, "{what}: seated rows");
    assert_eq!(
        count("waitlisted"),
        n - CAPACITY as usize,
        "{what}: waitlisted rows"
    );
    assert_eq!(messages as usize, n, "{what}: one outbox message each");
}

async fn new_cycle(db: &Db, slug: &str) -> Cycle {
    let slug = slug.to_string();
    let now = registration_now();
    db.write(move |c| create_cycle(c, &slug, CAPACITY, true, now))
        .await
        .expect("create cycle")
}

/// Collects (latency, outcome) from spawned tasks.
async fn join<T>(handles: Vec<tokio::task::JoinHandle<(Duration, T)>>) -> (Vec<f64>, Vec<T>) {
    let mut lat = Vec::with_capacity(handles.len());
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        let (d, t) = h.await.expect("task");
        lat.push(ms(d));
        out.push(t);
    }
    (lat, out)
}

// ---- (a) the floor: the app's transaction, no HTTP ------------------------

async fn floor_burst(db: &Db, slug: &str, n: usize) -> Burst {
    let now = registration_now();
    let cycle = Arc::new(new_cycle(db, slug).await);
    let cycle_id = cycle.id;
    // As the handler does: the sessions are read once, before the transaction.
    let first_start = db
        .read(move |c| cohort::db::cycles::first_session_starts(c, cycle_id))
        .await
        .expect("sessions");
    let people: Vec<Applicant> = (0..n).map(|i| applicant(slug, i)).collect();
    let t0 = Instant::now();
    let handles: Vec<_> = people
        .into_iter()
        .map(|who| {
            let (db, cycle) = (db.clone(), cycle.clone());
            tokio::spawn(async move {
                let start = Instant::now();
                let nonce = cohort::tokens::random(16);
                let r = db
                    .write(move |c| {
                        registrations::register(c, cycle.id, first_start, &who, &nonce, now)
                    })
                    .await
                    .expect("register");
                (start.elapsed(), r)
            })
        })
        .collect();
    let (latencies_ms, outcomes) = join(handles).await;
    let wall = t0.elapsed();
    let seated = outcomes
        .iter()
        .filter(|r| matches!(r, Registered::Seated { .. }))
        .count();
    let waitlisted = outcomes
        .iter()
        .filter(|r| matches!(r, Registered::Waitlisted { .. }))
        .count();
    assert_eq!(
        (seated, waitlisted),
        (CAPACITY as usize, n - CAPACITY as usize)
    );
    verify(db, cycle.id, n, "floor").await;
    Burst {
        n,
        wall,
        latencies_ms,
    }
}

async fn bare_burst(db: &Db, slug: &str, n: usize) -> Burst {
    let now = registration_now();
    let cycle = new_cycle(db, slug).await;
    let people: Vec<Applicant> = (0..n).map(|i| applicant(slug, i)).collect();
    let t0 = Instant::now();
    let handles: Vec<_> = people
        .into_iter()
        .map(|who| {
            let (db, id) = (db.clone(), cycle.id);
            tokio::spawn(async move {
                let start = Instant::now();
                let nonce = cohort::tokens::random(16);
                let r = db
                    .write(move |c| bare_register(c, id, &who, &nonce, now))
                    .await
                    .expect("bare register");
                (start.elapsed(), r)
            })
        })
        .collect();
    let (latencies_ms, grabbed) = join(handles).await;
    let wall = t0.elapsed();
    assert_eq!(grabbed.iter().filter(|g| **g).count(), CAPACITY as usize);
    verify(db, cycle.id, n, "bare").await;
    Burst {
        n,
        wall,
        latencies_ms,
    }
}

/// Microseconds to render one waitlist email (`Composer::render`, which the
/// mail worker calls at send time, outside any transaction): median of 5
/// batches of 200.
async fn render_cost(db: &Db, composer: &Arc<Composer>) -> f64 {
    use cohort::domain::registration::Notice;
    let (cycle, sessions, reg) = db
        .read(|c| {
            let reg = cohort::db::schema::registrations::table
                .order(regs_t::id.desc())
                .select(cohort::db::models::Registration::as_select())
                .first(c)?;
            let cycle = cohort::db::cycles::by_id(c, reg.cycle_id)?;
            let sessions = cohort::db::cycles::sessions_of(c, cycle.id)?;
            Ok((cycle, sessions, reg))
        })
        .await
        .expect("a registration");
    let batches: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..200 {
                let m = composer
                    .render(
                        Notice::Waitlisted { position: 7 },
                        &cycle,
                        &sessions,
                        &reg,
                        cohort::mail::Attached::Nothing,
                        None,
                    )
                    .expect("renders");
                std::hint::black_box(m);
            }
            t.elapsed().as_secs_f64() * 1e6 / 200.0
        })
        .collect();
    median(&batches)
}

/// One client, one plain connection, one registration after another: the
/// database's own cost per transaction, without pool, queue or waiting.
fn direct_sequential(
    store: &Store,
    n: usize,
    slug: &str,
    step: impl Fn(&mut AnyConnection, &Cycle, &Applicant, &str) -> DbResult<bool>,
) -> Burst {
    let mut conn = store.direct();
    let now = registration_now();
    let cycle = conn
        .transaction(|c| create_cycle(c, slug, CAPACITY, true, now))
        .expect("create cycle");
    let people: Vec<Applicant> = (0..n).map(|i| applicant(slug, i)).collect();
    let mut latencies_ms = Vec::with_capacity(n);
    let mut seated = 0;
    let t0 = Instant::now();
    for who in &people {
        let start = Instant::now();
        let nonce = cohort::tokens::random(16);
        if conn
            .transaction(|c| step(c, &cycle, who, &nonce))
            .expect("registration")
        {
            seated += 1;
        }
        latencies_ms.push(ms(start.elapsed()));
    }
    let wall = t0.elapsed();
    assert_eq!(seated, CAPACITY as usize, "{slug}: seats");
    Burst {
        n,
        wall,
        latencies_ms,
    }
}

fn direct_runs(
    store: &Store,
    n: usize,
    reps: usize,
    tag: &str,
    step: impl Fn(&mut AnyConnection, &Cycle, &Applicant, &str) -> DbResult<bool> + Copy,
) -> Summary {
    let _warm = direct_sequential(store, n, &format!("{tag}-warm"), step);
    let runs: Vec<Burst> = (0..reps)
        .map(|r| direct_sequential(store, n, &format!("{tag}-{r}"), step))
        .collect();
    summarise(&runs)
}

// ---- (c) growth: existing rows in other cycles --------------------------

// ---- (b) the full HTTP path ---------------------------------------------

async fn http_burst(app: &RunningApp, slug: &str, n: usize) -> Burst {
    let cycle = new_cycle(app.db(), slug).await;
    let page = app.url(&format!("/cycles/{slug}"));
    // Every browser loads the page first (session cookie + CSRF token).
    let browsers: Vec<(reqwest::Client, String)> = futures_util::stream::iter(0..n)
        .map(|_| {
            let page = page.clone();
            async move {
                let b = client();
                let html = b
                    .get(&page)
                    .send()
                    .await
                    .expect("GET cycle")
                    .text()
                    .await
                    .expect("body");
                let token = csrf_from(&html).expect("csrf_token on the cycle page");
                (b, token)
            }
        })
        .buffered(32)
        .collect()
        .await;
    let action = Arc::new(app.url(&format!("/cycles/{slug}/register")));
    let t0 = Instant::now();
    let handles: Vec<_> = browsers
        .into_iter()
        .enumerate()
        .map(|(i, (b, token))| {
            let action = action.clone();
            let email = format!("{slug}-{i}@muzejs.lv");
            let last = format!("Nr{i}");
            tokio::spawn(async move {
                let start = Instant::now();
                let res = b
                    .post(action.as_str())
                    .form(&[
                        ("csrf_token", token.as_str()),
                        ("first_name", "Dalībnieks"),
                        ("last_name", &last),
                        ("email", &email),
                        ("phone", ""),
                        ("institution", "Talsu novada muzejs"),
                        ("institution_type", "museum"),
                        ("position", "Krājuma glabātāja"),
                        ("region", "Talsu novads"),
                        ("country", "LV"),
                        ("language", "lv"),
                        ("consent", "on"),
                        ("website", ""),
                    ])
                    .send()
                    .await
                    .expect("POST");
                let status = res.status().as_u16();
                let _ = res.bytes().await;
                (start.elapsed(), status)
            })
        })
        .collect();
    let (latencies_ms, statuses) = join(handles).await;
    let wall = t0.elapsed();
    let bad: Vec<u16> = statuses.iter().copied().filter(|s| *s != 303).collect();
    assert!(
        bad.is_empty(),
        "every POST must redirect (303); got {} others, e.g. {:?}",
        bad.len(),
        &bad[..bad.len().min(5)]
    );
    verify(app.db(), cycle.id, n, "http").await;
    Burst {
        n,
        wall,
        latencies_ms,
    }
}

// ---- the programme -------------------------------------------------------

struct Results {
    backend: Backend,
    growth: Vec<(u64, Summary)>,
    bare: Summary,
    direct_bare: Summary,
    render_us: f64,
    direct_register: Summary,
    http: Summary,
}

async fn run_backend(backend: Backend, n: usize, reps: usize) -> Results {
    let composer = Arc::new(Composer {
        keys: Keys::new(SECRET.as_bytes()),
        base_url: "http://127.0.0.1:8080".into(),
        contact: "cohort@localhost.localdomain".into(),
    });
    let mut growth = Vec::new();
    let mut bare = None;
    let mut direct_bare = None;
    let mut render_us = f64::NAN;
    let mut direct_register = None;
    for (level, rows) in GROWTH.into_iter().enumerate() {
        let store = Store::fresh(backend);
        let db = store.connect();
        let t = Instant::now();
        prefill(&db, backend, rows);
        analyze(&db);
        if rows > 0 {
            eprintln!(
                "  {}: {rows} existing registrations inserted in {:.1} s",
                backend.name(),
                t.elapsed().as_secs_f64()
            );
        }
        let _warm = floor_burst(&db, &format!("warm-{level}"), n).await;
        let mut runs = Vec::new();
        for r in 0..reps {
            runs.push(floor_burst(&db, &format!("floor-{level}-{r}"), n).await);
        }
        let s = summarise(&runs);
        eprintln!(
            "  {} floor, {rows} rows: {} reg/s (runs {}–{})",
            backend.name(),
            fmt_rate(s.rate),
            fmt_rate(s.min_rate),
            fmt_rate(s.max_rate)
        );
        growth.push((rows, s));
        if rows == 0 {
            render_us = render_cost(&db, &composer).await;
            let now = registration_now();
            direct_bare = Some(direct_runs(
                &store,
                n,
                reps,
                "direct-bare",
                |c, cy, who, nonce| bare_register(c, cy.id, who, nonce, now),
            ));
            direct_register = Some(direct_runs(
                &store,
                n,
                reps,
                "direct-register",
                |c, cy, who, nonce| {
                    // One connection, no handler: the sessions read is part of this row.
                    let first_start = cohort::db::cycles::first_session_starts(c, cy.id)?;
                    Ok(matches!(
                        registrations::register(c, cy.id, first_start, who, nonce, now)?,
                        Registered::Seated { .. }
                    ))
                },
            ));
            let _warm = bare_burst(&db, "bare-warm", n).await;
            let mut runs = Vec::new();
            for r in 0..reps {
                runs.push(bare_burst(&db, &format!("bare-{r}"), n).await);
            }
            bare = Some(summarise(&runs));
        }
    }
    let store = Store::fresh(backend);
    let app = start_app(&store, registration_now()).await;
    let _warm = http_burst(&app, "http-warm", n).await;
    let mut runs = Vec::new();
    for r in 0..reps {
        runs.push(http_burst(&app, &format!("http-{r}"), n).await);
    }
    let http = summarise(&runs);
    eprintln!(
        "  {} HTTP: {} reg/s (runs {}–{})",
        backend.name(),
        fmt_rate(http.rate),
        fmt_rate(http.min_rate),
        fmt_rate(http.max_rate)
    );
    let mails = std::fs::read_dir(&app.mail_dir)
        .map(|d| d.count())
        .unwrap_or(0);
    eprintln!("  ({mails} .eml files written by the app's mail worker)");
    Results {
        backend,
        growth,
        bare: bare.expect("measured at 0 rows"),
        direct_bare: direct_bare.expect("measured at 0 rows"),
        render_us,
        direct_register: direct_register.expect("measured at 0 rows"),
        http,
    }
}

fn row(
    backend: Backend,
    path: &str,
    clients: &str,
    s: &Summary,
    floor: Option<&Summary>,
) -> Vec<String> {
    vec![
        backend.name().into(),
        path.into(),
        clients.into(),
        fmt_rate(s.rate),
        format!("{}–{}", fmt_rate(s.min_rate), fmt_rate(s.max_rate)),
        fmt_ms(s.p50),
        fmt_ms(s.p99),
        floor.map_or("—".into(), |f| fmt_ratio(s.rate / f.rate)),
    ]
}

async fn run() {
    let n = env_usize("COHORT_BENCH_CLIENTS", 500);
    let reps = env_usize("COHORT_BENCH_RUNS", 7).max(1);
    assert!(n > CAPACITY as usize, "more clients than seats");
    let load_before = load();
    let started = Instant::now();
    let mut all = Vec::new();
    for backend in backends() {
        eprintln!("{} …", backend.name());
        all.push(run_backend(backend, n, reps).await);
    }

    println!("## Registration rush\n");
    print_machine(&load_before);
    println!(
        "{n} simultaneous registrations into one cycle (capacity {CAPACITY}, waitlist on), \
         median of {reps} runs after one warm-up run; latency is per registration, from \
         submission to answer, including the wait behind the others.\n"
    );
    let mut rows = Vec::new();
    let burst = format!("{n} at once");
    for r in &all {
        let floor = &r.growth[0].1;
        let b = r.backend;
        rows.push(row(
            b,
            "3 statements, plain connection",
            "1, in turn",
            &r.direct_bare,
            Some(floor),
        ));
        rows.push(row(
            b,
            "`register`, plain connection",
            "1, in turn",
            &r.direct_register,
            Some(floor),
        ));
        rows.push(row(
            b,
            "3 statements via `Db::write`",
            &burst,
            &r.bare,
            Some(floor),
        ));
        rows.push(row(
            b,
            "**floor: `register` via `Db::write`**",
            &burst,
            floor,
            None,
        ));
        rows.push(row(
            b,
            "HTTP: POST /cycles/{slug}/register",
            &burst,
            &r.http,
            Some(floor),
        ));
    }
    table(
        &[
            "Backend",
            "Path",
            "clients",
            "registrations/s",
            "range of runs",
            "p50 ms",
            "p99 ms",
            "vs floor",
        ],
        2,
        &rows,
    );

    for r in &all {
        println!(
            "{}: rendering one email (`Composer::render`, at send time, outside any transaction) takes {:.0} µs.",
            r.backend.name(),
            r.render_us
        );
    }
    println!();

    if all.len() == 2 {
        let (s, p) = (&all[0], &all[1]);
        println!("### PostgreSQL vs SQLite (throughput ratio, median runs)\n");
        table(
            &["Path", "SQLite /s", "PostgreSQL /s", "PostgreSQL / SQLite"],
            1,
            &[
                vec![
                    "3 statements, plain connection, 1 client".into(),
                    fmt_rate(s.direct_bare.rate),
                    fmt_rate(p.direct_bare.rate),
                    fmt_ratio(p.direct_bare.rate / s.direct_bare.rate),
                ],
                vec![
                    "`register`, plain connection, 1 client".into(),
                    fmt_rate(s.direct_register.rate),
                    fmt_rate(p.direct_register.rate),
                    fmt_ratio(p.direct_register.rate / s.direct_register.rate),
                ],
                vec![
                    "3 statements via `Db::write`".into(),
                    fmt_rate(s.bare.rate),
                    fmt_rate(p.bare.rate),
                    fmt_ratio(p.bare.rate / s.bare.rate),
                ],
                vec![
                    "floor (`register`)".into(),
                    fmt_rate(s.growth[0].1.rate),
                    fmt_rate(p.growth[0].1.rate),
                    fmt_ratio(p.growth[0].1.rate / s.growth[0].1.rate),
                ],
                vec![
                    "HTTP".into(),
                    fmt_rate(s.http.rate),
                    fmt_rate(p.http.rate),
                    fmt_ratio(p.http.rate / s.http.rate),
                ],
            ],
        );
    }

    println!("### Growth: the floor with existing registrations in other cycles\n");
    let mut rows = Vec::new();
    for r in &all {
        let base = r.growth[0].1.rate;
        for (existing, s) in &r.growth {
            rows.push(vec![
                r.backend.name().into(),
                fmt_rate(*existing as f64),
                fmt_rate(s.rate),
                format!("{:.0}", 1e6 / s.rate),
                fmt_ms(s.p50),
                fmt_ms(s.p99),
                fmt_ratio(s.rate / base),
            ]);
        }
    }
    table(
        &[
            "Backend",
            "existing rows",
            "registrations/s",
            "µs per registration",
            "p50 ms",
            "p99 ms",
            "throughput vs 0 rows",
        ],
        1,
        &rows,
    );
    eprintln!("total time {:.0} s", started.elapsed().as_secs_f64());
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run());
}
