//! The only place that knows diesel. One code path serves SQLite and
//! PostgreSQL through `AnyConnection`; backend-specific SQL is confined to
//! `match conn { … }` blocks in this folder.

pub mod answers;
pub mod attendance;
pub mod choices;
pub mod cycles;
pub mod grants;
pub mod messages;
pub mod models;
pub mod organisations;
pub mod organisers;
pub mod outbox;
mod pool;
mod prepared;
pub mod privacy;
pub mod progress;
pub mod registrations;
pub mod reminders;
pub mod reports;
pub mod schedule;
pub mod schema;
pub mod waitlist;
mod writer;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use pool::{Manager, Pooled};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("connection pool: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("connection pool: every connection stayed busy")]
    Busy,
    #[error("migrations: {0}")]
    Migration(String),
    #[error("blocking task failed")]
    Blocking,
    /// A rule the code relies on did not hold (a bug, never user input).
    #[error("invariant broken: {0}")]
    Invariant(&'static str),
    #[error(
        "cannot create the SQLite database {path}: {reason} \
         (check that the folder exists and Cohort may write there, or set DATABASE_URL)"
    )]
    File { path: String, reason: String },
    #[error(
        "cannot connect to PostgreSQL at {server}: {reason} \
         (is it running? `pg_isready` tells; check DATABASE_URL)"
    )]
    Unreachable { server: String, reason: String },
    #[error("unsupported database URL (use sqlite://PATH, a file path, or postgres://…)")]
    UnsupportedUrl,
}

impl DbError {
    /// The database is out of reach (down, restarting, the network cut),
    /// not wrong: no connection came within the pool's wait, or the one in
    /// hand was lost.
    pub fn is_unavailable(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        matches!(
            self,
            DbError::Pool(_)
                | DbError::Busy
                | DbError::Query(Error::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                    _,
                ))
        )
    }
}

pub type DbResult<T> = Result<T, DbError>;

/// PostgreSQL advisory lock key taken while migrating ("Cohort" in ASCII).
const MIGRATION_LOCK: i64 = 0x436f686f7274;

/// A pool plus, for SQLite, a fair queue of writers.
#[derive(Clone)]
pub struct Db {
    pool: Pool<Manager>,
    backend: Backend,
    /// SQLite allows one writer at a time: its writes go, in arrival order,
    /// to one thread (`writer`) instead of colliding on `busy_timeout`, which
    /// keeps the tail latency flat under a rush. PostgreSQL needs no such
    /// queue; its row locks serialise the seat grab.
    writer: Option<writer::Writer>,
    /// How long a request waits for a connection before the database
    /// counts as out of reach (`connect_waiting`).
    wait: Duration,
    /// One per pooled connection: a request beyond them waits here, as a
    /// task, instead of as a blocking thread parked in the pool (128
    /// browsers on PostgreSQL made 170 threads, each with its own malloc
    /// arena, and the server's memory passed 50 MB).
    permits: Arc<tokio::sync::Semaphore>,
    /// Write transactions this process committed: what was read before
    /// this moved may be out of date (`app::public_cycles`).
    writes: Arc<AtomicU64>,
}

/// Per-connection settings for SQLite, applied to every pooled connection.
#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<Pooled, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut Pooled) -> Result<(), diesel::r2d2::Error> {
        if let AnyConnection::Sqlite(c) = &mut **conn {
            // WAL: readers never block the writer. synchronous=NORMAL in WAL loses
            // nothing on a process crash (kill -9); only an OS crash or power cut
            // may drop the last commits — a fair trade for ~4x the write rate.
            // busy_timeout covers other processes (the CLI) writing meanwhile.
            c.batch_execute(
                "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
            // SQLite's own lower() folds only ASCII; searching "ūdre" must find
            // "Ūdre". PostgreSQL's lower() already follows Unicode.
            lower_utils::register_impl(c, |s: String| s.to_lowercase())
                .map_err(diesel::r2d2::Error::QueryError)?;
            // The organisers' search ignores accents; PostgreSQL has the
            // same function from a migration, with the same table.
            cohort_fold_utils::register_impl(c, |s: String| crate::domain::text::fold(&s))
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);
diesel::define_sql_function!(
    /// Lower case without accents (`domain::text::fold`): Rust on SQLite, a
    /// `translate()` from a migration on PostgreSQL.
    fn cohort_fold(x: diesel::sql_types::Text) -> diesel::sql_types::Text
);

impl Db {
    /// Opens a pool for `url`: `postgres://…`/`postgresql://…`, `sqlite://PATH`,
    /// or a plain file path. The backend is chosen here from the scheme, because
    /// SQLite would accept any string as a file name.
    pub fn connect(url: &str, max_connections: u32) -> DbResult<Self> {
        Self::connect_waiting(url, max_connections, Duration::from_secs(10))
    }

    /// As `connect`, waiting at most `wait` for a pooled connection: the
    /// server passes a short wait, so a database that is down is a quick
    /// "try again" rather than a page that hangs.
    pub fn connect_waiting(url: &str, max_connections: u32, wait: Duration) -> DbResult<Self> {
        let (backend, conn_url) =
            if url.starts_with("postgres://") || url.starts_with("postgresql://") {
                (Backend::Postgres, url.to_string())
            } else if let Some(path) = url.strip_prefix("sqlite://") {
                (Backend::Sqlite, path.to_string())
            } else if !url.contains("://") && !url.is_empty() {
                (Backend::Sqlite, url.to_string())
            } else {
                return Err(DbError::UnsupportedUrl);
            };
        // Held until the pool is open (see `switch_to_wal`).
        let _wal = match backend {
            Backend::Sqlite => {
                prepare_sqlite_file(&conn_url)?;
                Some(switch_to_wal(&conn_url)?)
            }
            // The pool's own error for a server that does not answer is
            // "invalid connection url for multiconnection": connect once
            // directly, so the message names the server and the cause.
            Backend::Postgres => {
                if let Err(e) = diesel::PgConnection::establish(&conn_url) {
                    return Err(DbError::Unreachable {
                        server: without_password(&conn_url),
                        reason: e.to_string().trim().to_string(),
                    });
                }
                None
            }
        };
        let manager = Manager(ConnectionManager::<AnyConnection>::new(conn_url));
        let pool = Pool::builder()
            .max_size(max_connections.max(2))
            // A SQLite connection is a file in this process: nothing to test
            // on each checkout (r2d2 would run `SELECT 1` before every query;
            // a profile of the rush showed it). A PostgreSQL one may have
            // been cut by the server, so it is tested unless it answered
            // within the last second (`pool`).
            .test_on_check_out(backend == Backend::Postgres)
            .connection_timeout(wait)
            .connection_customizer(Box::new(SqlitePragmas))
            .build(manager)?;
        let writer = match backend {
            Backend::Sqlite => Some(writer::Writer::start(pool.clone())?),
            Backend::Postgres => None,
        };
        Ok(Self {
            pool,
            backend,
            writer,
            wait,
            permits: Arc::new(tokio::sync::Semaphore::new(max_connections.max(2) as usize)),
            writes: Arc::default(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A turn at one of the pool's connections, waited for as long as a
    /// checkout would wait (the pool's own wait still tells an outage).
    async fn permit(&self) -> DbResult<tokio::sync::OwnedSemaphorePermit> {
        let turn = self.permits.clone().acquire_owned();
        match tokio::time::timeout(self.longest_wait(), turn).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(DbError::Busy),
        }
    }

    /// The longest a read or write may wait for a connection while the
    /// database answers: the short wait, then the busy pool's.
    pub fn longest_wait(&self) -> Duration {
        self.wait + BUSY_POOL_WAIT
    }

    pub fn migrate(&self) -> DbResult<()> {
        let mut pooled = self.pool.get()?;
        let conn: &mut AnyConnection = &mut pooled;
        let migrations = match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        // Two servers started at once on a fresh PostgreSQL database would
        // both create the tables and the second would die: the first to
        // take this lock migrates, the other then finds nothing to do. The
        // lock belongs to the connection, so a crash releases it.
        let postgres = self.backend == Backend::Postgres;
        if postgres {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
                .execute(conn)?;
        }
        let migrated = conn
            .run_pending_migrations(migrations)
            .map(|_| ())
            .map_err(|e| DbError::Migration(e.to_string()));
        if postgres {
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
                .execute(conn)?;
        }
        migrated
    }

    /// Runs `f` on a pooled connection, on the blocking thread pool.
    pub async fn read<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = checkout(&pool)?;
            watched(&mut conn, f)
        })
        .await
        .map_err(|_| DbError::Blocking)?
    }

    /// Runs `f` inside one transaction, after the writers queued before it.
    pub async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        self.write_maybe_counted(true, f).await
    }

    /// `write` when `counted`, else `write_uncounted`: for a caller that knows
    /// only at run time whether the public pages' copy must see its change.
    pub async fn write_maybe_counted<T, F>(&self, counted: bool, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        let written = self.write_uncounted(f).await;
        if counted && written.is_ok() {
            self.writes.fetch_add(1, Ordering::Release);
        }
        written
    }

    /// As `write`, but not counted in `writes`: for the one caller that
    /// tells what it changed to those who cache reads itself (a registration).
    pub async fn write_uncounted<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        if let Some(writer) = &self.writer {
            return writer.write(f).await;
        }
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = checkout(&pool)?;
            watched(&mut conn, |c| write_transaction(c, f))
        })
        .await
        .map_err(|_| DbError::Blocking)?
    }

    /// How many write transactions this process has committed (`write`,
    /// `write_now`); a cached read taken before this moved may be stale.
    pub fn writes(&self) -> u64 {
        self.writes.load(Ordering::Acquire)
    }

    /// Synchronous variants for the command line.
    pub fn read_now<T>(&self, f: impl FnOnce(&mut AnyConnection) -> DbResult<T>) -> DbResult<T> {
        let mut conn = self.pool.get()?;
        watched(&mut conn, f)
    }

    pub fn write_now<T>(&self, f: impl FnOnce(&mut AnyConnection) -> DbResult<T>) -> DbResult<T> {
        let mut conn = self.pool.get()?;
        let written = watched(&mut conn, |c| write_transaction(c, f));
        if written.is_ok() {
            self.writes.fetch_add(1, Ordering::Release);
        }
        written
    }

    pub async fn ping(&self) -> DbResult<()> {
        self.read(|c| {
            diesel::sql_query("SELECT 1").execute(c)?;
            Ok(())
        })
        .await
    }
}

/// How much longer a request waits when every connection is busy: the
/// database answers, the rush is only queueing for it.
const BUSY_POOL_WAIT: Duration = Duration::from_secs(10);

/// A pooled connection within the pool's short wait. When that wait ran out
/// because every connection was in use (a rush, not an outage), wait longer:
/// only a database that cannot be reached fails fast.
fn checkout(pool: &Pool<Manager>) -> Result<diesel::r2d2::PooledConnection<Manager>, DbError> {
    match pool.get() {
        Ok(conn) => Ok(conn),
        Err(_) if pool.state().connections >= pool.max_size() => {
            Ok(pool.get_timeout(BUSY_POOL_WAIT)?)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `f` on a pooled connection; a failure that says the server is out
/// of reach keeps the connection from being handed out again untested.
fn watched<T>(conn: &mut Pooled, f: impl FnOnce(&mut AnyConnection) -> DbResult<T>) -> DbResult<T> {
    let result = f(conn);
    if matches!(&result, Err(e) if e.is_unavailable()) {
        conn.mark_suspect();
    }
    result
}

/// The database file and its folder, private to this user (0600, 0700).
fn prepare_sqlite_file(path: &str) -> DbResult<()> {
    let file = std::path::Path::new(path);
    let failed = |e: std::io::Error| DbError::File {
        path: path.to_string(),
        reason: e.to_string(),
    };
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            crate::files::private_dir(parent).map_err(failed)?;
        }
    }
    crate::files::private_file(file).map_err(failed)
}

/// WAL is kept in the file: switch it once, on one connection, before the
/// pool opens its connections all at once. Left to them, on a fresh file
/// each one tried the switch while the others held the file, and the losers
/// logged "database is locked". The connection is returned so the caller
/// keeps it open while the pool starts (the WAL files stay in place).
fn switch_to_wal(path: &str) -> DbResult<diesel::SqliteConnection> {
    let mut conn = diesel::SqliteConnection::establish(path).map_err(|e| DbError::File {
        path: path.to_string(),
        reason: e.to_string(),
    })?;
    conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")?;
    Ok(conn)
}

/// A PostgreSQL URL fit for a message or a log: the password left out.
fn without_password(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("…"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "the configured server".to_string(),
    }
}

/// A write transaction. On SQLite its first statement is a write, so the
/// write lock is taken at the start (like `BEGIN IMMEDIATE`, waiting under
/// `busy_timeout`) instead of on a later upgrade from reading, which SQLite
/// refuses at once with "database is locked" when another process (the CLI)
/// wrote meanwhile.
fn write_transaction<T>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> DbResult<T>,
) -> DbResult<T> {
    conn.transaction(|c| {
        if let AnyConnection::Sqlite(s) = c {
            s.batch_execute("UPDATE setup_tokens SET token_hash = token_hash WHERE 0")?;
        }
        f(c)
    })
}

/// A UTC instant as stored (both backends keep naive UTC timestamps).
pub fn to_db(t: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    t.naive_utc()
}

pub fn from_db(t: chrono::NaiveDateTime) -> chrono::DateTime<chrono::Utc> {
    t.and_utc()
}

pub fn is_unique_violation(e: &DbError) -> bool {
    matches!(
        e,
        DbError::Query(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _
        ))
    )
}

#[cfg(test)]
mod tests {
    /// Both backends must have the same migrations, or one of them drifts.
    #[test]
    fn migration_folders_have_the_same_versions() {
        let names = |dir: &str| {
            let mut v: Vec<String> =
                std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
                    .expect("migrations folder")
                    .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                    .collect();
            v.sort();
            v
        };
        assert_eq!(names("sqlite"), names("postgres"));
        assert!(!names("sqlite").is_empty());
    }
}
