//! Issue 13: `kill -9` while the outbox drains. The real server binary, as
//! its own process, against a real SMTP server; killed twice while it sends,
//! started again each time on the same data folder (so the same node id).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{Datelike, Utc};

use crate::helpers::*;
use crate::on_both_backends;

const SLUG: &str = "crash-drain";
const PEOPLE: usize = 300;

/// One `cohort serve` process; killed when dropped (a failing test leaves
/// no server behind).
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Setup {
    env: Vec<(&'static str, String)>,
    address: String,
}

impl Setup {
    fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cohort"));
        cmd.envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    }

    /// Starts the server and waits until `/healthz` answers.
    async fn serve(&self) -> Server {
        let server = Server(self.command().arg("serve").spawn().expect("cohort serve"));
        let client = client();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(res) = client.get(format!("{}/healthz", self.address)).send().await {
                if res.status() == 200 {
                    return server;
                }
            }
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// SIGKILL: no shutdown, no last write.
fn kill_9(mut server: Server) {
    server.0.kill().expect("SIGKILL");
    server.0.wait().expect("reaped");
}

/// A cycle open now (real time: the binary runs on the system clock).
fn cycle_file() -> String {
    let today = Utc::now().date_naive();
    let day = |d: i64| today + chrono::Duration::days(d);
    let first = day(40);
    format!(
        r#"slug = "{SLUG}"
title = "Krājuma digitalizācija"
description = "Cikls, ko nogalina darba vidū."
language = "lv"
timezone = "Europe/Riga"
capacity = 1000
registration_opens = "{}T00:00"
registration_closes = "{}T23:59"
waitlist = true
require_email_confirmation = true
min_sessions = 1
published = true

[[sessions]]
title = "Pirmā nodarbība"
starts = "{}-{:02}-{:02}T10:00"
ends = "{}-{:02}-{:02}T12:00"
mode = "in_person"
location = "Latvijas Kara muzejs, Smilšu iela 20, Rīga"
"#,
        day(-2),
        day(30),
        first.year(),
        first.month(),
        first.day(),
        first.year(),
        first.month(),
        first.day(),
    )
}

/// Waits (polling every 5 ms, so the kill lands while mail is moving) until
/// at least `n` messages arrived; returns how many had.
async fn arrived_at_least(smtp: &TestSmtp, n: usize) -> usize {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let got = smtp.messages().len();
        if got >= n {
            return got;
        }
        assert!(Instant::now() < deadline, "only {got} of {n} arrived");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn kill_9_during_the_mail_drain_loses_nothing(b: Backend) {
    let pg = match b {
        Backend::Postgres => match postgres_admin_url() {
            Some(admin) => Some(PgDatabase::create(&admin, "cohort_crash")),
            None => return,
        },
        Backend::Sqlite => None,
    };
    let dir = tempfile::tempdir().unwrap();
    let database_url = match &pg {
        Some(db) => db.url.clone(),
        None => format!("sqlite://{}", dir.path().join("cohort.db").display()),
    };
    let smtp = TestSmtp::start().await;
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let address = format!("http://127.0.0.1:{port}");
    let setup = Setup {
        env: vec![
            ("DATABASE_URL", database_url.clone()),
            ("COHORT_DATA_DIR", dir.path().display().to_string()),
            ("COHORT_BIND", format!("127.0.0.1:{port}")),
            ("COHORT_BASE_URL", address.clone()),
            ("COHORT_SMTP_URL", smtp.url()),
            (
                "COHORT_SECRET_KEY",
                "a test secret that is long enough to use".into(),
            ),
            ("COHORT_MAIL_POLL_MILLISECONDS", "50".into()),
            ("COHORT_MAIL_RETRY_SECONDS", "1".into()),
            ("COHORT_REGISTRATIONS_PER_IP_PER_MINUTE", "100000".into()),
            ("RUST_LOG", "warn".into()),
        ],
        address: address.clone(),
    };
    let file = dir.path().join("cycle.toml");
    std::fs::write(&file, cycle_file()).unwrap();
    let out = setup
        .command()
        .args(["cycle", "import"])
        .arg(&file)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The mail server hangs while the registrations come in: the outbox
    // fills, the worker sits in its first delivery.
    smtp.set_silent(true);
    let first = setup.serve().await;
    let browser = client();
    for n in 0..PEOPLE {
        let page = browser
            .get(format!("{address}/cycles/{SLUG}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = csrf_from(&page).expect("the form");
        let p = Person::numbered(n);
        let res = browser
            .post(format!("{address}/cycles/{SLUG}/register"))
            .form(&p.form(&csrf))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 303, "registration {n}");
    }
    assert!(smtp.messages().is_empty());
    // Killed in the middle of a delivery that the server never answered.
    kill_9(first);
    smtp.set_silent(false);

    // Killed twice more while the backlog goes out.
    let started = Instant::now();
    let second = setup.serve().await;
    let at_first_kill = arrived_at_least(&smtp, PEOPLE / 3).await;
    kill_9(second);
    let third = setup.serve().await;
    let at_second_kill = arrived_at_least(&smtp, 2 * PEOPLE / 3).await;
    kill_9(third);
    let last = setup.serve().await;

    // Every registration's email arrives.
    let expected: std::collections::BTreeSet<String> =
        (0..PEOPLE).map(|n| Person::numbered(n).email).collect();
    let deadline = Instant::now() + Duration::from_secs(120);
    let by_recipient = loop {
        let mut by_recipient: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for m in smtp.messages() {
            for to in &m.rcpt_to {
                by_recipient
                    .entry(to.trim_matches(['<', '>']).to_string())
                    .or_default()
                    .push(m.header("Message-ID").expect("a Message-ID"));
            }
        }
        let reached: std::collections::BTreeSet<String> = by_recipient.keys().cloned().collect();
        if reached == expected {
            break by_recipient;
        }
        assert!(
            Instant::now() < deadline,
            "lost: {:?}",
            expected.difference(&reached).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let drained = started.elapsed();

    // A message that went twice is the same message: one Message-ID.
    let doubled: Vec<(&String, &Vec<String>)> = by_recipient
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .collect();
    for (to, ids) in &doubled {
        assert!(
            ids.iter().all(|id| id == &ids[0]),
            "{to} got different messages: {ids:?}"
        );
    }
    // Each registration wrote one email, and each is recorded sent.
    let db = cohort::db::Db::connect(&database_url, 2).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (registrations, outbox, unsent) = db
            .read(|c| {
                use diesel::prelude::*;
                let registrations: i64 = cohort::db::schema::registrations::table
                    .count()
                    .get_result(c)?;
                let outbox: i64 = cohort::db::schema::outbox::table.count().get_result(c)?;
                Ok((registrations, outbox, cohort::db::outbox::unsent_count(c)?))
            })
            .await
            .unwrap();
        assert_eq!((registrations, outbox), (PEOPLE as i64, PEOPLE as i64));
        if unsent == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{unsent} still unsent");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop(db);
    drop(last);
    eprintln!(
        "{}: {PEOPLE} emails, killed with {at_first_kill} and {at_second_kill} arrived, \
         all {} arrived {:.1} s after the first restart, {} doubled (same Message-ID)",
        b.name(),
        by_recipient.len(),
        drained.as_secs_f64(),
        doubled.len()
    );
}

on_both_backends!(kill_9_during_the_mail_drain_loses_nothing);
