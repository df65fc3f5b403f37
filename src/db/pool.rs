//! The connection pool's manager: diesel's, except that a PostgreSQL
//! connection which answered within the last second is handed out without
//! a `SELECT 1` first. Testing every checkout was one round trip in five of
//! a registration rush; a connection idle for longer is still tested, and
//! one that failed for want of the server is never handed out again.

use std::ops::{Deref, DerefMut};
use std::time::{Duration, Instant};

use diesel::r2d2::{ConnectionManager, ManageConnection};

use super::AnyConnection;

/// How recently a connection must have answered to skip the test
/// (HikariCP's `aliveBypassWindowMs` is half of this).
const ALIVE_WITHOUT_TEST: Duration = Duration::from_secs(1);

/// A pooled connection and what the pool knows of its health.
pub struct Pooled {
    conn: AnyConnection,
    answered_at: Instant,
    /// A query on it failed as if the server were gone: the pool drops it.
    suspect: bool,
}

impl Pooled {
    /// After a failure that `DbError::is_unavailable` recognises.
    pub fn mark_suspect(&mut self) {
        self.suspect = true;
    }
}

impl Deref for Pooled {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.conn
    }
}

impl DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.conn
    }
}

pub struct Manager(pub ConnectionManager<AnyConnection>);

impl ManageConnection for Manager {
    type Connection = Pooled;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<Pooled, Self::Error> {
        Ok(Pooled {
            conn: self.0.connect()?,
            answered_at: Instant::now(),
            suspect: false,
        })
    }

    fn is_valid(&self, pooled: &mut Pooled) -> Result<(), Self::Error> {
        if pooled.answered_at.elapsed() < ALIVE_WITHOUT_TEST {
            return Ok(());
        }
        self.0.is_valid(&mut pooled.conn)?;
        pooled.answered_at = Instant::now();
        Ok(())
    }

    /// Called as a connection comes back to the pool: one that is not
    /// broken or suspect has just been used, so it answered.
    fn has_broken(&self, pooled: &mut Pooled) -> bool {
        if pooled.suspect || self.0.has_broken(&mut pooled.conn) {
            return true;
        }
        pooled.answered_at = Instant::now();
        false
    }
}
