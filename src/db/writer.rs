//! SQLite's one writer, as one thread with a connection of its own. Writes
//! reach it through a channel in arrival order (FIFO, as the queue before it)
//! and run back to back, each its own transaction, committed before its
//! caller hears back. The queue used to be a lock held across two thread
//! hand-offs per write (to the blocking pool and back), and those hand-offs
//! were inside the one section that cannot run in parallel: a registration
//! rush spent most of it waking threads, not writing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;

use diesel::r2d2::{Pool, R2D2Connection};

use super::pool::Manager;
use super::{checkout, write_transaction, AnyConnection, DbError, DbResult};

type Job = Box<dyn FnOnce(Result<&mut AnyConnection, DbError>) -> Outcome + Send>;

/// What a job left its connection in.
enum Outcome {
    Done,
    /// It panicked, perhaps mid-transaction: the connection is not reused.
    Panicked,
}

#[derive(Clone)]
pub struct Writer {
    // Declared first, so dropped first: the last clone closes the channel
    // before `_thread` waits for the queue to drain.
    jobs: mpsc::Sender<Job>,
    _thread: Arc<Joined>,
}

/// The thread, waited for when the last `Writer` goes: what was queued
/// (a mail worker's "sent" mark at shutdown) is written, not cut off.
struct Joined(Mutex<Option<JoinHandle<()>>>);

impl Drop for Joined {
    fn drop(&mut self) {
        let handle = self.0.lock().ok().and_then(|mut h| h.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}

impl Writer {
    /// The thread ends once the last `Db` holding this writer is dropped
    /// and the writes queued before have run.
    pub fn start(pool: Pool<Manager>) -> DbResult<Writer> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let handle = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || serve(&pool, &queue))
            .map_err(|_| DbError::Blocking)?;
        Ok(Writer {
            jobs,
            _thread: Arc::new(Joined(Mutex::new(Some(handle)))),
        })
    }

    /// Runs `f` in a write transaction after every write queued before it.
    pub async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
            let conn = match conn {
                Ok(conn) => conn,
                Err(e) => {
                    let _ = reply.send(Err(e));
                    return Outcome::Done;
                }
            };
            match catch_unwind(AssertUnwindSafe(|| write_transaction(conn, f))) {
                Ok(written) => {
                    let _ = reply.send(written);
                    Outcome::Done
                }
                Err(_) => {
                    let _ = reply.send(Err(DbError::Blocking));
                    Outcome::Panicked
                }
            }
        });
        self.jobs.send(job).map_err(|_| DbError::Blocking)?;
        answer.await.map_err(|_| DbError::Blocking)?
    }
}

fn serve(pool: &Pool<Manager>, queue: &mpsc::Receiver<Job>) {
    let mut held = None;
    for job in queue {
        let mut conn = match held.take() {
            Some(conn) => conn,
            // As any other write waits for a connection; a failure is
            // the caller's answer (503 when the database is out of reach).
            None => match checkout(pool) {
                Ok(conn) => conn,
                Err(e) => {
                    job(Err(e));
                    continue;
                }
            },
        };
        let outcome = job(Ok(&mut conn));
        // A commit or rollback that failed (disk full, I/O error) leaves
        // diesel's transaction manager broken: every later write on this
        // connection would fail, so it goes back to be dropped instead.
        match outcome {
            Outcome::Done if !R2D2Connection::is_broken(&mut **conn) => held = Some(conn),
            _ => conn.mark_suspect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::RunQueryDsl;

    use crate::db::{Db, DbError, DbResult};

    fn rows(db: &Db) -> i64 {
        db.read_now(|c| {
            Ok(
                diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                    "(SELECT COUNT(*) FROM scratch)",
                ))
                .get_result(c)?,
            )
        })
        .expect("count")
    }

    /// A bug that panics inside a write (mid-transaction) fails that write
    /// alone: what it wrote is not kept, and the writes after it commit.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_that_panics_fails_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("writer.db");
        let db = Db::connect(path.to_str().expect("utf-8 path"), 2).expect("db");
        db.migrate().expect("migrate");
        db.write(|c| Ok(c.batch_execute("CREATE TABLE scratch (n INTEGER)")?))
            .await
            .expect("table");
        let failed: DbResult<()> = db
            .write(|c| {
                c.batch_execute("INSERT INTO scratch VALUES (1)")?;
                panic!("a bug in a write");
            })
            .await;
        assert!(matches!(failed, Err(DbError::Blocking)), "{failed:?}");
        db.write(|c| Ok(c.batch_execute("INSERT INTO scratch VALUES (2)")?))
            .await
            .expect("the next write commits");
        assert_eq!(rows(&db), 1, "only the second write is stored");
    }

    /// Writes queued at once all commit, in the order they were queued.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn queued_writes_commit_in_arrival_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("order.db");
        let db = Db::connect(path.to_str().expect("utf-8 path"), 2).expect("db");
        db.migrate().expect("migrate");
        db.write(|c| Ok(c.batch_execute("CREATE TABLE scratch (n INTEGER)")?))
            .await
            .expect("table");
        let writes: Vec<_> = (0..200)
            .map(|n| {
                db.write(
                    move |c| Ok(c.batch_execute(&format!("INSERT INTO scratch VALUES ({n})"))?),
                )
            })
            .collect();
        for written in futures_util::future::join_all(writes).await {
            written.expect("write");
        }
        assert_eq!(rows(&db), 200);
        let in_order: Vec<i32> = db
            .read_now(|c| {
                Ok(diesel::select(diesel::dsl::sql::<diesel::sql_types::Text>(
                    "(SELECT group_concat(n) FROM (SELECT n FROM scratch ORDER BY rowid))",
                ))
                .get_result::<String>(c)?
                .split(',')
                .map(|n| n.parse().expect("number"))
                .collect())
            })
            .expect("rows");
        assert_eq!(in_order, (0..200).collect::<Vec<_>>());
    }
}
