//! Attendance pages of a large cycle: 5,000 confirmed participants, 5
//! sessions, about 70% present at each (and ~5% recorded absent, as a Zoom
//! import leaves them).
//!
//! For each backend (SQLite in a temporary file; PostgreSQL in a fresh
//! database when `COHORT_BENCH_POSTGRES` is set) it times the database
//! functions `attendance::roster` (one session), `attendance::matrix` and
//! `attendance::attended_counts` (the eligibility list), and the organiser's
//! pages GET /admin/cycles/{slug}/attendance (matrix) and
//! GET /admin/cycles/{slug}/sessions/1/attendance (roster) on the real app.
//! Run: `cargo bench --bench attendance` (see docs/BENCHMARKS.md).

mod common;

use std::time::Instant;

use cohort::db::attendance as att;
use cohort::db::Db;
use common::*;

const PARTICIPANTS: u64 = 5_000;
const SLUG: &str = "liels-cikls";
const PASSWORD: &str = "a long enough password";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Timings of one operation, in milliseconds.
struct Timed {
    name: &'static str,
    rows: usize,
    bytes: Option<usize>,
    ms: Vec<f64>,
}

/// The cycle, its participants and their attendance; returns (cycle id,
/// session ids, expected present marks in total).
fn populate(db: &Db, backend: Backend) -> (i32, Vec<i32>, i64) {
    let now = registration_now();
    db.write_now(|c| {
        let cycle = create_cycle(c, SLUG, PARTICIPANTS as u32, true, now)?;
        let id = cycle.id;
        exec(
            c,
            &format!(
                "INSERT INTO registrations (cycle_id, first_name, last_name, email, \
                 email_normalised, phone, institution, institution_type, position, region, \
                 country, language, consent_at, consent_version, status, token_nonce, \
                 registered_at, confirmed_at, hold_expires_at, status_changed_at) \
                 SELECT {id}, 'Dalībnieks', 'Uzvārds' || i, 'p' || i || '@muzejs.lv', \
                 'p' || i || '@muzejs.lv', '+371 20000000', 'Muzejs ' || (i % 400), 'museum', \
                 'Krājuma glabātāja', 'Rīga', 'LV', 'lv', {t}, '2026-11', 'confirmed', \
                 'nonce' || i, {t}, {t}, NULL, {t} FROM {src}",
                t = ts("2023-11-10 10:00:00"),
                src = series(backend, PARTICIPANTS),
            ),
        )?;
        exec(
            c,
            &format!("UPDATE cycles SET seats_taken = {PARTICIPANTS} WHERE id = {id}"),
        )?;
        // (id·37 + position·11) mod 100 is uniform over the participants:
        // < 70 present, 70–74 recorded absent, the rest have no row.
        let hash = "((r.id * 37 + s.position * 11) % 100)";
        exec(
            c,
            &format!(
                "INSERT INTO attendance (registration_id, session_id, present, source, minutes, \
                 recorded_by, recorded_at) \
                 SELECT r.id, s.id, CASE WHEN {hash} < 70 THEN TRUE ELSE FALSE END, \
                 CASE WHEN s.position = 1 THEN 'manual' ELSE 'import' END, \
                 CASE WHEN s.position = 1 THEN NULL WHEN {hash} < 70 THEN 170 ELSE 20 END, \
                 NULL, {t} \
                 FROM registrations r CROSS JOIN sessions s \
                 WHERE r.cycle_id = {id} AND s.cycle_id = {id} AND {hash} < 75",
                t = ts("2024-01-20 10:00:00"),
            ),
        )?;
        let sessions: Vec<i32> = cohort::db::cycles::sessions_of(c, id)?
            .into_iter()
            .map(|s| s.id)
            .collect();
        let present: i64 = att::totals(c, &sessions)?.values().sum();
        Ok((id, sessions, present))
    })
    .expect("populate")
}

async fn login(app: &RunningApp) -> reqwest::Client {
    let hash = cohort::passwords::hash(PASSWORD).expect("hash");
    let now = cohort::clock::Clock::now(app.clock.as_ref());
    app.db()
        .write(move |c| {
            let email = cohort::domain::Email::parse("organiser@muzeji.lv").expect("email");
            cohort::db::organisers::add(c, &email, "Organiser", false, &hash, now)?;
            Ok(())
        })
        .await
        .expect("add organiser");
    let browser = client();
    let html = browser
        .get(app.url("/login"))
        .send()
        .await
        .expect("GET /login")
        .text()
        .await
        .expect("body");
    let token = csrf_from(&html).expect("csrf_token on /login");
    let res = browser
        .post(app.url("/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "organiser@muzeji.lv"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .expect("POST /login");
    assert_eq!(res.status().as_u16(), 303, "login redirects");
    browser
}

fn time_db<T>(
    db: &Db,
    name: &'static str,
    runs: usize,
    f: impl Fn(&mut cohort::db::AnyConnection) -> cohort::db::DbResult<Vec<T>>,
) -> Timed {
    let rows = db.read_now(&f).expect(name).len(); // warm-up
    let mut ms_v = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = db.read_now(&f).expect(name);
        ms_v.push(ms(t.elapsed()));
        assert_eq!(out.len(), rows);
    }
    Timed {
        name,
        rows,
        bytes: None,
        ms: ms_v,
    }
}

async fn time_get(
    browser: &reqwest::Client,
    app: &RunningApp,
    name: &'static str,
    path: &str,
    runs: usize,
    rows: usize,
) -> Timed {
    let get = || async {
        let res = browser.get(app.url(path)).send().await.expect("GET");
        assert_eq!(res.status().as_u16(), 200, "GET {path}");
        res.bytes().await.expect("body")
    };
    let body = get().await; // warm-up
    let text = String::from_utf8_lossy(&body);
    let last = format!("Uzvārds{}", PARTICIPANTS - 1);
    assert!(text.contains(&last), "{path} lists every participant");
    let mut ms_v = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let b = get().await;
        ms_v.push(ms(t.elapsed()));
        assert_eq!(b.len(), body.len());
    }
    Timed {
        name,
        rows,
        bytes: Some(body.len()),
        ms: ms_v,
    }
}

async fn run_backend(backend: Backend, runs: usize) -> Vec<Timed> {
    let store = Store::fresh(backend);
    // After the last session: every verdict on the matrix is final.
    let app = start_app(&store, utc("2024-02-01T10:00:00Z")).await;
    let db = app.db().clone();
    let t = Instant::now();
    let (cid, sessions, present) = populate(&db, backend);
    analyze(&db);
    eprintln!(
        "  {}: {PARTICIPANTS} participants, {present} present marks ({:.0}%) in {:.1} s",
        backend.name(),
        present as f64 * 100.0 / (PARTICIPANTS as f64 * sessions.len() as f64),
        t.elapsed().as_secs_f64()
    );
    let s1 = sessions[0];
    let mut out = vec![
        time_db(&db, "`roster` (session 1)", runs, move |c| {
            att::roster(c, cid, s1)
        }),
        time_db(&db, "`confirmed` (roster's first query)", runs, move |c| {
            att::confirmed(c, cid)
        }),
        time_db(&db, "`matrix`", runs, move |c| att::matrix(c, cid)),
        time_db(&db, "`attended_counts` (eligibility)", runs, move |c| {
            att::attended_counts(c, cid)
        }),
    ];
    let browser = login(&app).await;
    let n = PARTICIPANTS as usize;
    out.push(
        time_get(
            &browser,
            &app,
            "GET roster page",
            &format!("/admin/cycles/{SLUG}/sessions/1/attendance"),
            runs,
            n,
        )
        .await,
    );
    out.push(
        time_get(
            &browser,
            &app,
            "GET matrix page",
            &format!("/admin/cycles/{SLUG}/attendance"),
            runs,
            n,
        )
        .await,
    );
    // The database goes away only after the last request.
    drop(store);
    out
}

fn find<'a>(v: &'a [Timed], name: &str) -> &'a Timed {
    v.iter().find(|t| t.name == name).expect("measured")
}

async fn run() {
    let runs = env_usize("COHORT_BENCH_RUNS", 11).max(5);
    let load_before = load();
    let started = Instant::now();
    let mut all = Vec::new();
    for backend in backends() {
        eprintln!("{} …", backend.name());
        all.push((backend, run_backend(backend, runs).await));
    }

    println!("## Attendance of a large cycle\n");
    print_machine(&load_before);
    println!(
        "{PARTICIPANTS} confirmed participants, 5 sessions, 70% present (+5% recorded \
         absent); median of {runs} runs after one warm-up. Database functions run on one \
         pooled connection; pages are fetched by a logged-in organiser (full body).\n"
    );
    let mut rows = Vec::new();
    for (backend, timed) in &all {
        for t in timed {
            rows.push(vec![
                backend.name().into(),
                t.name.into(),
                fmt_rate(t.rows as f64),
                t.bytes
                    .map_or("—".into(), |b| format!("{:.0} KiB", b as f64 / 1024.0)),
                fmt_ms(median(&t.ms)),
                format!(
                    "{}–{}",
                    fmt_ms(percentile(&t.ms, 0.0)),
                    fmt_ms(percentile(&t.ms, 100.0))
                ),
            ]);
        }
    }
    table(
        &[
            "Backend",
            "Operation",
            "rows",
            "page size",
            "median ms",
            "range ms",
        ],
        2,
        &rows,
    );

    println!("### Ratios (medians)\n");
    let mut rows = Vec::new();
    for (backend, timed) in &all {
        for (page, func) in [
            ("GET roster page", "`roster` (session 1)"),
            ("GET matrix page", "`matrix`"),
        ] {
            let (p, f) = (median(&find(timed, page).ms), median(&find(timed, func).ms));
            rows.push(vec![
                backend.name().into(),
                format!("{page} / {func}"),
                fmt_ratio(p / f),
            ]);
        }
    }
    if all.len() == 2 {
        for t in &all[0].1 {
            let pg = median(&find(&all[1].1, t.name).ms);
            rows.push(vec![
                "PostgreSQL / SQLite".into(),
                t.name.into(),
                fmt_ratio(pg / median(&t.ms)),
            ]);
        }
    }
    table(&["Backend", "Comparison", "ratio"], 2, &rows);
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
