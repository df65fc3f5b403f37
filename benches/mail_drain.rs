//! Mail keeps up with the rush (issue 12): N people register over HTTP at
//! once (32 browsers at a time, each loading the page for its CSRF token
//! first), and the real app sends each one's confirmation to a real SMTP
//! server on loopback. Measured: how long the rush took, and how long until
//! the last of the N confirmations was accepted by the mail server.
//!
//! For each backend (SQLite; PostgreSQL when `COHORT_BENCH_POSTGRES` is set),
//! `COHORT_BENCH_RUNS` runs (default 3) on fresh databases; medians.
//! Run: `cargo bench --bench mail_drain` (see docs/BENCHMARKS.md).

mod common;

#[path = "../tests/api/smtp.rs"]
mod smtp;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use futures_util::StreamExt;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Run {
    rush: Duration,
    /// From the first POST until the last confirmation was accepted.
    all_delivered: Duration,
}

async fn one_run(backend: Backend, n: usize) -> Run {
    let store = Store::fresh(backend);
    let sink = smtp::TestSmtp::start().await;
    let mut settings = settings_for(&store);
    settings.smtp_url = Some(sink.url().into());
    let app = start_app_with(settings, registration_now()).await;
    let slug = "rush";
    let now = registration_now();
    app.db()
        .write(move |c| create_cycle(c, slug, 100_000, true, now))
        .await
        .expect("cycle");
    let page = app.url(&format!("/cycles/{slug}"));
    let action = Arc::new(app.url(&format!("/cycles/{slug}/register")));
    let t0 = Instant::now();
    let statuses: Vec<u16> = futures_util::stream::iter(0..n)
        .map(|i| {
            let (page, action) = (page.clone(), action.clone());
            async move {
                let browser = client();
                let html = browser
                    .get(&page)
                    .send()
                    .await
                    .expect("GET")
                    .text()
                    .await
                    .expect("body");
                let token = csrf_from(&html).expect("csrf_token");
                let email = format!("rush-{i}@muzejs.lv");
                let last = format!("Nr{i}");
                let res = browser
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
                res.status().as_u16()
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let rush = t0.elapsed();
    assert!(statuses.iter().all(|s| *s == 303), "every POST is a 303");
    let deadline = Instant::now() + Duration::from_secs(300);
    while sink.count() < n {
        assert!(
            Instant::now() < deadline,
            "only {} of {n} confirmations arrived in 5 minutes",
            sink.count()
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let all_delivered = t0.elapsed();
    // Each confirmation once: no address twice.
    let mut to: Vec<String> = sink
        .messages()
        .into_iter()
        .flat_map(|m| m.rcpt_to)
        .collect();
    to.sort();
    to.dedup();
    assert_eq!(to.len(), n, "each registrant heard once");
    Run {
        rush,
        all_delivered,
    }
}

async fn run() {
    let n = env_usize("COHORT_BENCH_N", 1000);
    let runs = env_usize("COHORT_BENCH_RUNS", 3);
    println!("| backend | registrations | rush (s) | all confirmations delivered (s) | mail after the rush (s) |");
    println!("|---|---:|---:|---:|---:|");
    for backend in backends() {
        let mut rush = Vec::new();
        let mut delivered = Vec::new();
        for _ in 0..runs {
            let run = one_run(backend, n).await;
            rush.push(run.rush.as_secs_f64());
            delivered.push(run.all_delivered.as_secs_f64());
        }
        let after: Vec<f64> = delivered.iter().zip(&rush).map(|(d, r)| d - r).collect();
        println!(
            "| {} | {n} | {:.2} | {:.2} (runs: {}) | {:.2} |",
            backend.name(),
            median(&rush),
            median(&delivered),
            delivered
                .iter()
                .map(|d| format!("{d:.2}"))
                .collect::<Vec<_>>()
                .join(", "),
            median(&after),
        );
    }
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run());
}
