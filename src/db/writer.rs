//! SQLite's one writer, as one thread with a connection of its own. Writes
//! reach it through a channel in arrival order (FIFO, as the queue before it)
//! and run back to back, each its own transaction, committed before its
//! caller hears back. The queue used to be a lock held across two thread
//! hand-offs per write (to the blocking pool and back), and those hand-offs
//! were inside the one section that cannot run in parallel: a registration
//! rush spent most of it waking threads, not writing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;

use diesel::r2d2::Pool;

use super::pool::Manager;
use super::{write_transaction, AnyConnection, DbError, DbResult};

type Job = Box<dyn FnOnce(&mut AnyConnection) -> Outcome + Send>;

/// What a job left its connection in.
enum Outcome {
    Done,
    /// It panicked, perhaps mid-transaction: the connection is not reused.
    Panicked,
}

#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// The thread ends when the last `Db` holding this writer is dropped.
    pub fn start(pool: Pool<Manager>) -> Writer {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || serve(&pool, &queue))
            .expect("the SQLite writer thread starts");
        Writer { jobs }
    }

    /// Runs `f` in a write transaction after every write queued before it.
    pub async fn write<T, F>(&self, f: F) -> DbResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> DbResult<T> + Send + 'static,
    {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |conn| {
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
        let conn = match held.take() {
            Some(conn) => conn,
            None => match pool.get() {
                Ok(conn) => conn,
                // Leaves the job's reply unsent: its caller hears an error.
                Err(e) => {
                    tracing::error!(error = %e, "the SQLite writer has no connection");
                    continue;
                }
            },
        };
        let mut conn = conn;
        match job(&mut conn) {
            Outcome::Done => held = Some(conn),
            Outcome::Panicked => conn.mark_suspect(),
        }
    }
}
