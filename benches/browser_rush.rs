//! The opening-minute rush from outside (issue 12): the real server binary
//! as its own process, driven over loopback the way a browser without
//! JavaScript registers: GET the cycle page (form, CSRF token, session
//! cookie), POST the form, GET the page the 303 names. Each simulated
//! browser has its own cookie jar and keeps its connection alive.
//!
//! Loads, each for `--duration` seconds, the median of `--runs` runs:
//! - `flow`: the three requests in a loop, at each of `--clients`;
//! - `get`: only the cycle page, at each of `--clients`;
//! - `growth`: `flow` at `--growth-clients` with 0, 10,000 and 100,000
//!   registrations (and their sent mail) already in other cycles, inserted
//!   by SQL before the server starts;
//! - `floor`: the same writes with the raw driver, no HTTP, no app: one
//!   plain diesel connection per client running the three statements
//!   (seat, registration, outbox) in a transaction, and the app's own
//!   `registrations::register` the same way. On SQLite the clients take
//!   turns (one writer), as the app's queue makes them.
//!
//! Each row prints the server's peak RSS (VmHWM) so far. After each flow
//! run the benchmark reads the database: every 303 has its row (and no
//! other row appeared), and the cycle is not overbooked.
//!
//! Run: `cargo bench --bench browser_rush -- --help` (see docs/BENCHMARKS.md).

mod common;
// A folder of its own, so that Cargo does not take it for a benchmark.
#[path = "browser_rush/floor.rs"]
mod floor;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use cohort::db::schema::{cycles as cycles_t, registrations as regs_t};
use common::*;
use diesel::prelude::*;

const SLUG: &str = "rush";
/// The cycle: big enough that every registration takes a seat.
const CAPACITY: i32 = 100_000;

#[derive(Parser, Debug)]
#[command(about = "The registration rush against the real release binary, over loopback")]
struct Args {
    /// sqlite, postgres, or both (PostgreSQL needs COHORT_BENCH_POSTGRES).
    #[arg(long, default_value = "both")]
    backend: String,
    /// Concurrent browsers, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1,8,32,128")]
    clients: Vec<usize>,
    /// Seconds per timed run.
    #[arg(long, default_value_t = 5.0)]
    duration: f64,
    /// Timed runs per row (after one warm-up second per server).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// What to run, comma-separated: flow, get, growth, floor.
    #[arg(long, value_delimiter = ',', default_value = "flow,get,growth,floor")]
    loads: Vec<String>,
    /// Existing registrations for the growth runs, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "0,10000,100000")]
    existing: Vec<u64>,
    /// Browsers in the growth runs.
    #[arg(long, default_value_t = 32)]
    growth_clients: usize,
    /// The server binary (default: the release build cargo made for this bench).
    #[arg(long)]
    binary: Option<PathBuf>,
    /// Print the server's pid and wait this many seconds before the first
    /// timed run of each server (time to attach `perf record -p PID`).
    #[arg(long, default_value_t = 0)]
    attach_wait: u64,
    /// The page the `get` load asks for (default the cycle page); e.g.
    /// `/favicon.ico` measures what the load generator itself can do.
    #[arg(long, default_value = "/cycles/rush")]
    get_path: String,
    /// Where the server sends its mail: `smtp` (a counting SMTP server in
    /// this process, as a deployment talks SMTP) or `files` (the
    /// development fallback, one `.eml` file per message).
    #[arg(long, value_enum, default_value_t = Mail::Smtp)]
    mail: Mail,
    /// `cargo bench` passes this; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Mail {
    Smtp,
    Files,
}

/// One timed run: how many completed, in what time, each one's latency.
struct Run {
    done: usize,
    wall: Duration,
    latencies_ms: Vec<f64>,
}

/// The row: medians over the runs.
struct Row {
    backend: Backend,
    existing: u64,
    load: &'static str,
    clients: usize,
    rate: f64,
    min_rate: f64,
    max_rate: f64,
    p50: f64,
    p95: f64,
    p99: f64,
    rss_mb: Option<f64>,
    checks: String,
}

fn row(
    backend: Backend,
    existing: u64,
    load: &'static str,
    clients: usize,
    runs: &[Run],
    rss_mb: Option<f64>,
    checks: String,
) -> Row {
    let rates: Vec<f64> = runs
        .iter()
        .map(|r| r.done as f64 / r.wall.as_secs_f64())
        .collect();
    let p = |q: f64| {
        median(
            &runs
                .iter()
                .map(|r| percentile(&r.latencies_ms, q))
                .collect::<Vec<_>>(),
        )
    };
    let r = Row {
        backend,
        existing,
        load,
        clients,
        rate: median(&rates),
        min_rate: rates.iter().cloned().fold(f64::INFINITY, f64::min),
        max_rate: rates.iter().cloned().fold(0.0, f64::max),
        p50: p(50.0),
        p95: p(95.0),
        p99: p(99.0),
        rss_mb,
        checks,
    };
    eprintln!(
        "  {} {} existing={} clients={}: {}/s (runs {}–{}), p50 {} p99 {} ms, RSS {}",
        r.backend.name(),
        r.load,
        r.existing,
        r.clients,
        fmt_rate(r.rate),
        fmt_rate(r.min_rate),
        fmt_rate(r.max_rate),
        fmt_ms(r.p50),
        fmt_ms(r.p99),
        r.rss_mb.map_or("—".into(), |m| format!("{m:.1} MB"))
    );
    r
}

// ---- the server as its own process -----------------------------------------

/// `cohort serve` on a free port; killed when dropped.
struct Server {
    child: Child,
    address: String,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Peak resident memory so far (VmHWM), in MB.
    fn peak_rss_mb(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }

    /// CPU used so far by the server, this load generator (and its mail
    /// server), PostgreSQL and the whole machine.
    fn cpu_use(&self) -> CpuUse {
        CpuUse::now(self.child.id())
    }

    /// Log lines at ERROR (there should be none).
    fn errors(&self) -> usize {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("ERROR"))
            .count()
    }
}

fn environment(store: &Store, bind: &str, smtp: Option<&str>) -> Vec<(&'static str, String)> {
    let mut env = vec![
        ("DATABASE_URL", store.url.clone()),
        ("COHORT_DATA_DIR", store.dir.path().display().to_string()),
        ("COHORT_BIND", bind.to_string()),
        ("COHORT_SECRET_KEY", SECRET.to_string()),
        // One address sends everything: the limit must not be what is measured.
        (
            "COHORT_REGISTRATIONS_PER_IP_PER_MINUTE",
            "1000000000".into(),
        ),
        ("RUST_LOG", "warn".into()),
    ];
    if let Some(url) = smtp {
        env.push(("COHORT_SMTP_URL", url.to_string()));
    }
    env
}

/// A cycle open now (the binary runs on the system clock).
fn cycle_file() -> String {
    let today = chrono::Utc::now().date_naive();
    let day = |d: i64| today + chrono::Duration::days(d);
    let session = |d: i64| day(d).format("%Y-%m-%d").to_string();
    let mut f = format!(
        "slug = \"{SLUG}\"\ntitle = \"Kopienu attīstības apmācību cikls\"\n\
         description = \"Pieci semināri muzeju krājuma darbiniekiem.\"\n\
         language = \"lv\"\ntimezone = \"Europe/Riga\"\ncapacity = {CAPACITY}\n\
         registration_opens = \"{}T00:00\"\nregistration_closes = \"{}T23:59\"\n\
         waitlist = true\nrequire_email_confirmation = true\nmin_sessions = 4\n\
         published = true\n",
        day(-2),
        day(30)
    );
    for k in 0..5 {
        f.push_str(&format!(
            "\n[[sessions]]\ntitle = \"Nodarbība {}\"\nstarts = \"{}T10:00\"\n\
             ends = \"{}T13:00\"\nmode = \"in_person\"\n\
             location = \"Latvijas Kara muzejs, Smilšu iela 20, Rīga\"\n",
            k + 1,
            session(40 + 7 * k),
            session(40 + 7 * k),
        ));
    }
    f
}

/// Migrates, inserts `existing` registrations in other cycles by SQL,
/// imports the rush cycle with the CLI, then starts the server.
async fn start_server(binary: &Path, store: &Store, existing: u64, smtp: Option<&str>) -> Server {
    let db = store.connect();
    let t = Instant::now();
    prefill(&db, store.backend, existing);
    analyze(&db);
    drop(db);
    if existing > 0 {
        eprintln!(
            "  {existing} existing registrations inserted in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let bind = format!("127.0.0.1:{port}");
    let env = environment(store, &bind, smtp);
    let file = store.dir.path().join("rush.toml");
    std::fs::write(&file, cycle_file()).expect("cycle file");
    let out = Command::new(binary)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .args(["cycle", "import"])
        .arg(&file)
        .output()
        .expect("cohort cycle import");
    assert!(
        out.status.success(),
        "cycle import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = store.dir.path().join("server.log");
    let child = Command::new(binary)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("cohort serve");
    let server = Server {
        child,
        address: format!("http://{bind}"),
        log,
    };
    let probe = client();
    for _ in 0..600 {
        if let Ok(res) = probe
            .get(format!("{}/healthz", server.address))
            .send()
            .await
        {
            if res.status() == 200 {
                return server;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start: see {}", server.log.display());
}

// ---- the browsers ------------------------------------------------------------

/// The CSRF token in the form, found as text (an HTML parser here would cost
/// the load generator more than the server spends on the page).
fn csrf_in(html: &str) -> Option<&str> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

/// One registration, the browser's way. Returns the address written on a 303
/// (and the page it named answered 200).
async fn register_once(browser: &reqwest::Client, base: &str, email: &str) -> Result<(), String> {
    let page = browser
        .get(format!("{base}/cycles/{SLUG}"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if page.status() != 200 {
        return Err(format!("GET cycle page: {}", page.status()));
    }
    let html = page.text().await.map_err(|e| e.to_string())?;
    let token = csrf_in(&html).ok_or("no csrf_token on the page")?;
    let res = browser
        .post(format!("{base}/cycles/{SLUG}/register"))
        .form(&[
            ("csrf_token", token),
            ("first_name", "Dalībnieks"),
            ("last_name", "Bērziņš"),
            ("email", email),
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
        .map_err(|e| e.to_string())?;
    if res.status() != 303 {
        return Err(format!("POST: {}", res.status()));
    }
    let next = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .ok_or("303 without Location")?
        .to_string();
    let _ = res.bytes().await;
    let done = browser
        .get(format!("{base}{next}"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if done.status() != 200 {
        return Err(format!("GET {next}: {}", done.status()));
    }
    let _ = done.bytes().await.map_err(|e| e.to_string())?;
    Ok(())
}

/// `clients` browsers register in a loop for `duration`. Returns the run and
/// the addresses that got their 303.
async fn flow_run(base: &str, clients: usize, duration: Duration, tag: &str) -> (Run, Vec<String>) {
    let stop = Instant::now() + duration;
    let t0 = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let base = base.to_string();
            let tag = tag.to_string();
            tokio::spawn(async move {
                let browser = client();
                let mut lat = Vec::new();
                let mut written = Vec::new();
                let mut k = 0;
                while Instant::now() < stop {
                    let email = format!("{tag}-{c}-{k}@muzejs.lv");
                    k += 1;
                    let t = Instant::now();
                    if let Err(e) = register_once(&browser, &base, &email).await {
                        panic!("browser {c}: {e}");
                    }
                    lat.push(ms(t.elapsed()));
                    written.push(email);
                }
                (lat, written)
            })
        })
        .collect();
    let mut latencies_ms = Vec::new();
    let mut written = Vec::new();
    for t in tasks {
        let (l, w) = t.await.expect("browser task");
        latencies_ms.extend(l);
        written.extend(w);
    }
    let run = Run {
        done: written.len(),
        wall: t0.elapsed(),
        latencies_ms,
    };
    (run, written)
}

/// `clients` browsers load the cycle page in a loop.
async fn get_run(base: &str, path: &str, clients: usize, duration: Duration) -> Run {
    let stop = Instant::now() + duration;
    let t0 = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let url = format!("{base}{path}");
            tokio::spawn(async move {
                let browser = client();
                let mut lat = Vec::new();
                while Instant::now() < stop {
                    let t = Instant::now();
                    let res = browser.get(&url).send().await.expect("GET");
                    assert!(res.status().is_success(), "GET {url}: {}", res.status());
                    let _ = res.bytes().await.expect("body");
                    lat.push(ms(t.elapsed()));
                }
                lat
            })
        })
        .collect();
    let mut latencies_ms = Vec::new();
    for t in tasks {
        latencies_ms.extend(t.await.expect("browser task"));
    }
    Run {
        done: latencies_ms.len(),
        wall: t0.elapsed(),
        latencies_ms,
    }
}

/// The server's own CPU time per completed operation over these runs (on a
/// shared machine the rate depends on the share of the cores the server
/// gets; this does not).
fn cpu_per_op(server: &Server, before: CpuUse, runs: &[Run], load: &str, clients: usize) {
    let now = server.cpu_use();
    let done = runs.iter().map(|r| r.done).sum::<usize>().max(1) as f64;
    let wall: f64 = runs.iter().map(|r| r.wall.as_secs_f64()).sum();
    let per_op = |after: f64, before: f64| (after - before) * 1e6 / done;
    eprintln!(
        "  CPU per operation, {load} at {clients} clients: server {:.0} µs, load generator {:.0} µs, \
         PostgreSQL {:.0} µs; whole machine {:.0} µs ({:.2} of {} cores busy)",
        per_op(now.server, before.server),
        per_op(now.generator, before.generator),
        per_op(now.postgres, before.postgres),
        per_op(now.machine, before.machine),
        (now.machine - before.machine) / wall.max(1e-9),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
}

// ---- what the database says afterwards ------------------------------------

/// Every address that heard 303 has its row, no other row with this run's
/// tag exists, and the cycle holds no more seats than it has or than rows
/// that hold one.
fn check(store: &Store, tag: &str, written: &[String]) -> String {
    let mut conn = store.direct();
    let pattern = format!("{tag}-%");
    let stored: Vec<String> = regs_t::table
        .inner_join(cycles_t::table)
        .filter(cycles_t::slug.eq(SLUG))
        .filter(regs_t::email.like(&pattern))
        .select(regs_t::email)
        .load(&mut conn)
        .expect("rows");
    let stored: HashSet<String> = stored.into_iter().collect();
    let answered: HashSet<String> = written.iter().cloned().collect();
    assert_eq!(answered.len(), written.len(), "each address once");
    let missing = answered.difference(&stored).count();
    let extra = stored.difference(&answered).count();
    assert_eq!(
        missing, 0,
        "{missing} registrations answered 303 have no row"
    );
    assert_eq!(extra, 0, "{extra} rows no browser heard 303 for");
    let (taken, capacity): (i32, i32) = cycles_t::table
        .filter(cycles_t::slug.eq(SLUG))
        .select((cycles_t::seats_taken, cycles_t::capacity))
        .first(&mut conn)
        .expect("cycle");
    let holding: i64 = regs_t::table
        .inner_join(cycles_t::table)
        .filter(cycles_t::slug.eq(SLUG))
        .filter(regs_t::status.eq_any(["pending", "confirmed"]))
        .count()
        .get_result(&mut conn)
        .expect("seated rows");
    assert!(taken <= capacity, "overbooked: {taken} of {capacity}");
    assert_eq!(
        i64::from(taken),
        holding,
        "seats taken must equal the rows holding one"
    );
    "303 = row ✓, not overbooked ✓".into()
}

// ---- the programme -----------------------------------------------------------

async fn server_rows(
    args: &Args,
    binary: &Path,
    backend: Backend,
    existing: u64,
    smtp: Option<&SmtpSink>,
) -> Vec<Row> {
    let store = Store::fresh(backend);
    let server = start_server(binary, &store, existing, smtp.map(|s| s.url()).as_deref()).await;
    let base = server.address.clone();
    let duration = Duration::from_secs_f64(args.duration);
    let wants = |l: &str| args.loads.iter().any(|x| x == l);
    // Warm-up: connections, caches, the allocator's arenas (GETs only when
    // only GETs are measured, so no mail is being sent meanwhile).
    if existing == 0 && !wants("flow") {
        get_run(&base, &args.get_path, 8, Duration::from_secs(1)).await;
    } else {
        let (_, warm) = flow_run(&base, 8, Duration::from_secs(1), "warm").await;
        check(&store, "warm", &warm);
    }
    if args.attach_wait > 0 {
        eprintln!(
            "  server pid {}: attach now (waiting {} s)",
            server.child.id(),
            args.attach_wait
        );
        tokio::time::sleep(Duration::from_secs(args.attach_wait)).await;
    }
    let mut rows = Vec::new();
    let flow_clients: Vec<usize> = if existing == 0 && wants("flow") {
        args.clients.clone()
    } else if existing == 0 {
        // `--loads get` alone: no flow (its mail would still be drained,
        // QR codes and all, while the GETs are timed).
        vec![]
    } else {
        vec![args.growth_clients]
    };
    let load = if existing == 0 && wants("flow") {
        "flow"
    } else {
        "growth"
    };
    for clients in flow_clients {
        let mut runs = Vec::new();
        let mut checks = String::new();
        let cpu = server.cpu_use();
        let mail_before = smtp.map(|sink| sink.accepted());
        for r in 0..args.runs {
            let tag = format!("e{existing}-c{clients}-r{r}");
            let (run, written) = flow_run(&base, clients, duration, &tag).await;
            checks = check(&store, &tag, &written);
            runs.push(run);
        }
        cpu_per_op(&server, cpu, &runs, load, clients);
        if let (Some(sink), Some(before)) = (smtp, mail_before) {
            // Mail competes with the rush for the same cores: how much of it
            // went out during the timed runs says how far it kept up.
            let during = sink.accepted() - before;
            let registered: usize = runs.iter().map(|run| run.done).sum();
            let wall: f64 = runs.iter().map(|run| run.wall.as_secs_f64()).sum();
            // (Between runs too, and the warm-up's backlog: an estimate.)
            eprintln!(
                "  mail: {during} emails delivered during the timed runs (≈ {:.0}/s, \
                 {:.2} per registration); {} accepted by SMTP so far",
                during as f64 / wall,
                during as f64 / registered.max(1) as f64,
                sink.accepted()
            );
        }
        rows.push(row(
            backend,
            existing,
            load,
            clients,
            &runs,
            server.peak_rss_mb(),
            checks,
        ));
    }
    if existing == 0 && wants("get") {
        for &clients in &args.clients {
            let runs: Vec<Run> = {
                let mut v = Vec::new();
                let cpu = server.cpu_use();
                for _ in 0..args.runs {
                    v.push(get_run(&base, &args.get_path, clients, duration).await);
                }
                cpu_per_op(&server, cpu, &v, "get", clients);
                v
            };
            rows.push(row(
                backend,
                existing,
                "get",
                clients,
                &runs,
                server.peak_rss_mb(),
                String::new(),
            ));
        }
    }
    let errors = server.errors();
    if errors > 0 {
        eprintln!(
            "  the server logged {errors} ERROR lines: {}",
            server.log.display()
        );
        // Keep the folder for reading.
        std::mem::forget(store);
    }
    rows
}

async fn run(args: Args) {
    let binary = args
        .binary
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_cohort")));
    let backends: Vec<Backend> = backends()
        .into_iter()
        .filter(|b| match args.backend.as_str() {
            "sqlite" => *b == Backend::Sqlite,
            "postgres" => *b == Backend::Postgres,
            _ => true,
        })
        .collect();
    let wants = |l: &str| args.loads.iter().any(|x| x == l);
    let load_before = load();
    let started = Instant::now();
    eprintln!("server binary: {}; mail: {:?}", binary.display(), args.mail);
    let sink = match args.mail {
        Mail::Files => None,
        Mail::Smtp => Some(SmtpSink::start().await),
    };
    let mut rows = Vec::new();
    for &backend in &backends {
        eprintln!("{} …", backend.name());
        if wants("flow") || wants("get") {
            rows.extend(server_rows(&args, &binary, backend, 0, sink.as_ref()).await);
        }
        if wants("growth") {
            for &existing in &args.existing {
                if existing == 0 && wants("flow") {
                    continue; // the flow rows above at growth_clients are the 0 row
                }
                rows.extend(server_rows(&args, &binary, backend, existing, sink.as_ref()).await);
            }
        }
        if wants("floor") {
            rows.extend(floor::floor_rows(&args, backend));
        }
    }
    println!("## Registration rush over HTTP, the real binary\n");
    print_machine(&load_before);
    println!(
        "Server: `{}`. Each row: median of {} runs of {:.0} s (after a 1 s warm-up per server); \
         flow latency is the three requests of one registration; RSS is the server's peak so far.\n",
        binary.display(),
        args.runs,
        args.duration
    );
    table(
        &[
            "backend",
            "existing",
            "load",
            "clients",
            "per second",
            "range of runs",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "server peak RSS",
            "checks",
        ],
        3,
        &rows
            .iter()
            .map(|r| {
                vec![
                    r.backend.name().into(),
                    fmt_rate(r.existing as f64),
                    r.load.into(),
                    r.clients.to_string(),
                    fmt_rate(r.rate),
                    format!("{}–{}", fmt_rate(r.min_rate), fmt_rate(r.max_rate)),
                    fmt_ms(r.p50),
                    fmt_ms(r.p95),
                    fmt_ms(r.p99),
                    r.rss_mb.map_or("—".into(), |m| format!("{m:.1} MB")),
                    r.checks.clone(),
                ]
            })
            .collect::<Vec<_>>(),
    );
    eprintln!("total time {:.0} s", started.elapsed().as_secs_f64());
}

fn main() {
    let args = Args::parse();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(run(args));
}
