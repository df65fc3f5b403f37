//! The database floor of the rush: the same writes with the raw driver, no
//! HTTP and no app around them (`--loads floor`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cohort::db::registrations;
use cohort::db::schema::cycles as cycles_t;
use cohort::db::AnyConnection;
use diesel::prelude::*;

use super::common::*;
use super::{row, Args, Row, Run, CAPACITY};

/// `clients` threads, each its own plain connection, run `step` in a
/// transaction in a loop for `duration`. On SQLite they take turns.
fn floor_run(
    store: &Store,
    clients: usize,
    duration: Duration,
    tag: &str,
    app_transaction: bool,
) -> Run {
    let turn = Arc::new(Mutex::new(()));
    let sqlite = store.backend == Backend::Sqlite;
    let stop = Arc::new(AtomicBool::new(false));
    // A cycle per run, so no run fills the seats of the next.
    let (cycle_id, first_start) = {
        let mut c = store.direct();
        let cycle = c
            .transaction(|tx| create_cycle(tx, tag, CAPACITY as u32, true, registration_now()))
            .expect("cycle");
        let first = cohort::db::cycles::first_session_starts(&mut c, cycle.id).expect("sessions");
        (cycle.id, first)
    };
    let t0 = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let mut conn: AnyConnection = store.direct();
            let (turn, stop, tag) = (turn.clone(), stop.clone(), tag.to_string());
            std::thread::spawn(move || {
                let now = registration_now();
                let mut lat = Vec::new();
                let mut k = 0;
                while !stop.load(Ordering::Relaxed) {
                    let who = applicant(&format!("{tag}-{c}"), k);
                    k += 1;
                    let nonce = cohort::tokens::random(16);
                    let t = Instant::now();
                    let _turn = sqlite.then(|| turn.lock().expect("turn"));
                    conn.transaction(|tx| {
                        if app_transaction {
                            registrations::register(tx, cycle_id, first_start, &who, &nonce, now)
                                .map(|_| ())
                        } else {
                            bare_register(tx, cycle_id, &who, &nonce, now).map(|_| ())
                        }
                    })
                    .expect("registration");
                    lat.push(ms(t.elapsed()));
                }
                lat
            })
        })
        .collect();
    std::thread::sleep(duration);
    stop.store(true, Ordering::Relaxed);
    let mut latencies_ms = Vec::new();
    for t in threads {
        latencies_ms.extend(t.join().expect("thread"));
    }
    let wall = t0.elapsed();
    let mut c = store.direct();
    let taken: i32 = cycles_t::table
        .find(cycle_id)
        .select(cycles_t::seats_taken)
        .first(&mut c)
        .expect("cycle");
    assert!(taken <= CAPACITY, "floor overbooked");
    Run {
        done: latencies_ms.len(),
        wall,
        latencies_ms,
    }
}

pub(crate) fn floor_rows(args: &Args, backend: Backend) -> Vec<Row> {
    let store = Store::fresh(backend);
    drop(store.connect());
    let duration = Duration::from_secs_f64(args.duration);
    let mut rows = Vec::new();
    for (name, app_transaction) in [
        ("floor: 3 statements", false),
        ("floor: app's register", true),
    ] {
        let warm = format!("warm{}", u8::from(app_transaction));
        let _warm = floor_run(&store, 8, Duration::from_secs(1), &warm, app_transaction);
        for &asked in &args.clients {
            // PostgreSQL's default max_connections is 100 (tests and other
            // servers use some): one plain connection per client, at most 64.
            let clients = match backend {
                Backend::Postgres => asked.min(64),
                Backend::Sqlite => asked,
            };
            let runs: Vec<Run> = (0..args.runs)
                .map(|r| {
                    let tag = format!("f{}-{clients}-{r}", u8::from(app_transaction));
                    floor_run(&store, clients, duration, &tag, app_transaction)
                })
                .collect();
            rows.push(row(backend, 0, name, clients, &runs, None, String::new()));
        }
    }
    rows
}
