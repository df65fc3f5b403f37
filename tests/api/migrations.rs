//! Migrations move real data: a database of the first schema, with mail
//! still waiting in the outbox, is upgraded on both backends.

use cohort::db::models::OutboxMessage;
use cohort::db::schema::outbox;
use cohort::db::{Db, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};
use cohort::domain::registration::Notice;
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;

use crate::helpers::{Backend, PgDatabase};
use crate::on_both_backends;

fn exec(db: &Db, sql: &'static str) {
    db.write_now(|c| {
        diesel::sql_query(sql).execute(c)?;
        Ok(())
    })
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn unsent_mail_survives_the_outbox_migration(b: Backend) {
    let dir = tempfile::tempdir().expect("temp dir");
    let pg = match b {
        Backend::Postgres => match crate::helpers::postgres_admin_url() {
            Some(admin) => Some(PgDatabase::create(&admin, "cohort_test")),
            None => return,
        },
        Backend::Sqlite => None,
    };
    let url = match &pg {
        Some(db) => db.url.clone(),
        None => format!("sqlite://{}", dir.path().join("cohort.db").display()),
    };
    let migrations = match b {
        Backend::Sqlite => SQLITE_MIGRATIONS,
        Backend::Postgres => POSTGRES_MIGRATIONS,
    };
    let db = Db::connect(&url, 2).expect("connect");
    // The first schema only, as a server of 2026-11 left it.
    db.read_now(|c| {
        c.run_next_migration(migrations)
            .map(|_| ())
            .map_err(|e| cohort::db::DbError::Migration(e.to_string()))
    })
    .expect("first migration");
    exec(
        &db,
        "INSERT INTO cycles (slug, title, description, language, timezone, country, capacity, \
         seats_taken, registration_opens, registration_closes, waitlist, \
         require_email_confirmation, hold_hours, min_sessions, published, created_at, updated_at) \
         VALUES ('kopienas-2023', 'Kopienu cikls', '', 'lv', 'Europe/Riga', 'LV', 1, 1, \
         '2023-11-01 00:00:00', '2023-11-29 21:59:00', TRUE, TRUE, 48, 4, TRUE, \
         '2023-11-01 00:00:00', '2023-11-01 00:00:00')",
    );
    for (n, status) in [(1, "pending"), (2, "waitlisted"), (3, "waitlisted")] {
        let sql = format!(
            "INSERT INTO registrations (cycle_id, first_name, last_name, email, email_normalised, \
             phone, institution, institution_type, position, region, country, language, \
             consent_at, consent_version, status, token_nonce, registered_at, \
             status_changed_at) VALUES (1, 'Dalībnieks', 'Nr{n}', 'd{n}@muzejs.lv', \
             'd{n}@muzejs.lv', '', 'Muzejs', 'museum', 'Glabātāja', 'Rīga', 'LV', 'lv', \
             '2023-11-15 10:00:00', '2026-11', '{status}', 'nonce{n}', '2023-11-15 10:00:00', \
             '2023-11-15 10:00:00')"
        );
        db.write_now(|c| {
            diesel::sql_query(&sql).execute(c)?;
            Ok(())
        })
        .expect("registration");
    }
    // One message sent, two not yet: rendered text, as the old outbox held it.
    for (registration, kind, sent) in [
        (1, "seated", "'2023-11-15 10:00:05'"),
        (2, "waitlisted", "NULL"),
        (3, "waitlisted", "NULL"),
    ] {
        let sql = format!(
            "INSERT INTO outbox (registration_id, kind, to_address, to_name, subject, \
             body_text, body_html, created_at, next_attempt_at, sent_at) VALUES \
             ({registration}, '{kind}', 'd@muzejs.lv', 'D', 'S', 'text', '<p>html</p>', \
             '2023-11-15 10:00:00', '2023-11-15 10:00:00', {sent})"
        );
        db.write_now(|c| {
            diesel::sql_query(&sql).execute(c)?;
            Ok(())
        })
        .expect("outbox row");
    }
    db.migrate().expect("the remaining migrations");
    let rows: Vec<OutboxMessage> = db
        .read_now(|c| {
            Ok(outbox::table
                .order(outbox::id.asc())
                .select(OutboxMessage::as_select())
                .load(c)?)
        })
        .expect("outbox");
    let notices: Vec<Notice> = rows.iter().map(|m| m.notice().expect("a notice")).collect();
    // The waiting people keep the places they hold now.
    assert_eq!(
        notices,
        [
            Notice::Seated,
            Notice::Waitlisted { position: 1 },
            Notice::Waitlisted { position: 2 }
        ]
    );
    assert!(rows[0].sent_at.is_some() && rows[1].sent_at.is_none());

    // A value the program does not know is an error, never a guessed default.
    exec(&db, "UPDATE registrations SET language = 'xx' WHERE id = 2");
    let read = db.read_now(|c| cohort::db::registrations::by_id(c, 2));
    let error = read
        .expect_err("an unknown language is refused")
        .to_string();
    assert!(error.contains("xx"), "the error names the value: {error}");
    assert!(db
        .read_now(|c| cohort::db::registrations::by_id(c, 1))
        .is_ok());
}

on_both_backends!(unsent_mail_survives_the_outbox_migration);

/// Two servers started at the same moment on a fresh PostgreSQL database:
/// both come up, and the schema is migrated once.
#[test]
fn two_servers_migrating_a_fresh_database_at_once_both_start() {
    let Some(admin) = crate::helpers::postgres_admin_url() else {
        return;
    };
    for _ in 0..3 {
        let pg = PgDatabase::create(&admin, "cohort_test");
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let starts: Vec<_> = (0..2)
            .map(|_| {
                let (url, barrier) = (pg.url.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let db = Db::connect(&url, 2).expect("connect");
                    barrier.wait();
                    db.migrate()
                })
            })
            .collect();
        for start in starts {
            start
                .join()
                .expect("thread")
                .expect("each server migrates or finds it done");
        }
        let db = Db::connect(&pg.url, 2).expect("connect");
        let applied: i64 = db
            .read_now(|c| {
                Ok(
                    diesel::sql_query("SELECT COUNT(*) AS n FROM __diesel_schema_migrations")
                        .get_result::<Count>(c)?
                        .n,
                )
            })
            .expect("count");
        assert_eq!(
            applied as usize,
            std::fs::read_dir(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/postgres")
            )
            .expect("migrations")
            .count(),
            "each migration once"
        );
    }
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// The first start on a fresh SQLite file: the pool opens its connections
/// at once, and each used to switch the new file to WAL, racing the others
/// ("ERROR r2d2: database is locked" in the log). The real server, started
/// five times, each on a fresh folder, must log no error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_sqlite_file_starts_without_database_is_locked() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = dir.path().join("server.log");
        let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_cohort"))
            .arg("serve")
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("cohort.db").display()),
            )
            .env("COHORT_DATA_DIR", dir.path())
            .env("COHORT_BIND", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "info")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("cohort serve");
        let browser = crate::helpers::client();
        let mut up = false;
        for _ in 0..200 {
            if let Ok(res) = browser
                .get(format!("http://127.0.0.1:{port}/healthz"))
                .send()
                .await
            {
                up = res.status() == 200;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        server.kill().expect("stopped");
        server.wait().expect("reaped");
        let log = std::fs::read_to_string(&log).expect("log");
        assert!(up, "the server answers /healthz: {log}");
        assert!(!log.contains("database is locked"), "{log}");
        assert!(!log.contains("ERROR"), "{log}");
    }
}
