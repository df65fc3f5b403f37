//! Issue 13, clear failures: while the database is down, pages answer 503
//! with a translated "try again in a minute" within about two seconds (not
//! after the pool's long wait), nothing is stored, `/healthz` fails; once the
//! database is back, the same server serves again. The database stopped is
//! a private PostgreSQL cluster this test starts, never the shared server.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::helpers::*;

const SLUG: &str = "kopienas-2023";

/// A PostgreSQL cluster of this test's own, on a port of its own, in a temp
/// folder; stopped and removed when dropped.
struct PrivateCluster {
    bin: PathBuf,
    data: PathBuf,
    _dir: tempfile::TempDir,
    port: u16,
}

/// Runs a PostgreSQL program as the `postgres` user when we are root (the
/// server refuses to run as root), as ourselves otherwise.
fn pg_command(program: &Path) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0");
    if root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

impl PrivateCluster {
    /// `None` (skip) when no PostgreSQL server programs are installed, unless CI.
    fn start() -> Option<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| {
                versions
                    .filter_map(Result::ok)
                    .map(|v| v.path().join("bin"))
                    .find(|bin| bin.join("initdb").exists())
            });
        let Some(bin) = bin else {
            assert!(
                !std::env::var("CI").is_ok_and(|v| v == "true"),
                "CI=true but no PostgreSQL server programs under /usr/lib/postgresql"
            );
            eprintln!("skipped: no PostgreSQL server programs to start a private cluster");
            return None;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        // The postgres user must own the folder and reach it.
        Command::new("chmod")
            .args(["755"])
            .arg(dir.path())
            .status()
            .expect("chmod");
        std::fs::create_dir(&data).expect("data folder");
        let _ = Command::new("chown")
            .args(["postgres:postgres"])
            .arg(&data)
            .status();
        let initdb = pg_command(&bin.join("initdb"))
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .expect("initdb runs");
        assert!(
            initdb.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&initdb.stderr)
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("address")
            .port();
        let cluster = Self {
            bin,
            data,
            _dir: dir,
            port,
        };
        cluster.resume();
        Some(cluster)
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the server and waits until it answers.
    fn resume(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off",
            self.port
        );
        let started = pg_command(&self.bin.join("pg_ctl"))
            .args(["-w", "-t", "30", "-D"])
            .arg(&self.data)
            .args(["-o", &options, "-l"])
            .arg(self.data.join("server.log"))
            .arg("start")
            .output()
            .expect("pg_ctl start");
        assert!(
            started.status.success(),
            "pg_ctl start: {}",
            String::from_utf8_lossy(&started.stderr)
        );
    }

    /// Stops the server at once, as a crash or a restart by the host would.
    fn stop(&self) {
        let _ = pg_command(&self.bin.join("pg_ctl"))
            .args(["-w", "-D"])
            .arg(&self.data)
            .args(["-m", "immediate", "stop"])
            .output();
    }
}

impl Drop for PrivateCluster {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn registrations(app: &TestApp) -> i64 {
    app.db()
        .read(|c| {
            use diesel::prelude::*;
            Ok(cohort::db::schema::registrations::table
                .count()
                .get_result::<i64>(c)?)
        })
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_outage_is_a_quick_503_and_the_server_recovers() {
    let Some(cluster) = tokio::task::spawn_blocking(PrivateCluster::start)
        .await
        .expect("start the cluster")
    else {
        return;
    };
    let url = cluster.url();
    let Some(app) = TestApp::spawn_with(
        Backend::Postgres,
        Options {
            tweak: Box::new(move |s| s.database_url = url),
            ..Default::default()
        },
    )
    .await
    else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    let page = format!("/cycles/{SLUG}");
    assert_eq!(app.get(&page).await.status().as_u16(), 200);
    let browser = app.browser();
    let csrf = app.csrf(&browser, &page).await;

    // The database stops for ten seconds.
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.stop();
        cluster
    })
    .await
    .expect("stop");
    let down_since = Instant::now();
    // The public pages keep their copy of the cycle for one second
    // (`app::public_cycles::FRESH_FOR`); past it, the page needs the database.
    tokio::time::sleep(cohort::app::public_cycles::FRESH_FOR + Duration::from_millis(100)).await;

    let started = Instant::now();
    let res = app.get(&format!("{page}?lang=en")).await;
    let waited = started.elapsed();
    assert_eq!(res.status().as_u16(), 503, "the cycle page while down");
    assert!(
        waited < Duration::from_secs(4),
        "answered in {waited:?}, not after a long wait"
    );
    assert_eq!(
        res.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("60")
    );
    let body = res.text().await.expect("body");
    assert!(body.contains("Try again in a minute"), "{body}");

    // A registration sent meanwhile is refused the same way, and so told.
    let started = Instant::now();
    let person = Person::numbered(1);
    let res = app
        .post_form(&browser, &format!("{page}/register"), &person.form(&csrf))
        .await;
    assert_eq!(res.status().as_u16(), 503, "a registration while down");
    assert!(started.elapsed() < Duration::from_secs(4));
    let body = res.text().await.expect("body");
    assert!(body.contains("Mēģiniet vēlreiz pēc minūtes"), "{body}");

    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 503, "health check while down");

    // Back after ten seconds: the same server serves again without a restart.
    let rest = Duration::from_secs(10).saturating_sub(down_since.elapsed());
    tokio::time::sleep(rest).await;
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.resume();
        cluster
    })
    .await
    .expect("resume");
    let mut status = 0;
    for _ in 0..50 {
        status = app.get(&page).await.status().as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(status, 200, "serves again once the database is back");
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    assert_eq!(
        registrations(&app).await,
        0,
        "nothing was stored while down"
    );
    let res = app
        .post_form(&browser, &format!("{page}/register"), &person.form(&csrf))
        .await;
    assert_eq!(res.status().as_u16(), 303, "and registers again");
    assert_eq!(registrations(&app).await, 1);
    all_mail_sent(&app).await;
    drop(app);
    drop(cluster);
}

/// A rush that keeps every connection busy past the short wait is not an
/// outage: the request waits its turn and is served.
async fn a_busy_pool_is_waited_for_not_refused(b: Backend) {
    let Some(app) = TestApp::spawn_with(
        b,
        Options {
            tweak: Box::new(|s| s.db_max_connections = 2),
            ..Default::default()
        },
    )
    .await
    else {
        return;
    };
    app.import_cycle(SEED_CYCLE).await;
    // Both connections held for three seconds, longer than the 2 s wait.
    let hold = |db: cohort::db::Db| async move {
        db.read(|_| {
            std::thread::sleep(Duration::from_secs(3));
            Ok(())
        })
        .await
    };
    let first = tokio::spawn(hold(app.db().clone()));
    let second = tokio::spawn(hold(app.db().clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    let res = app.get(&format!("/cycles/{SLUG}")).await;
    assert_eq!(res.status().as_u16(), 200, "served after waiting its turn");
    assert!(started.elapsed() >= Duration::from_secs(2), "it did wait");
    first.await.unwrap().unwrap();
    second.await.unwrap().unwrap();
}

crate::on_both_backends!(a_busy_pool_is_waited_for_not_refused);
