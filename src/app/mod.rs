//! The use cases: what an organiser, a participant or the command line asks
//! Cohort to do. Each takes the [`Services`] (database, clock, the mail
//! worker's bell) and what else it needs, asks the domain for the decision,
//! and has storage apply it. `web` and `cli` both call these and never each
//! other.

pub mod accounts;
pub mod attendance;
pub mod cycles;
pub mod exports;
pub mod grants;
pub mod index;
pub mod mail;
pub mod messages;
pub mod organisations;
pub mod privacy;
pub mod public_cycles;
pub mod registration;
pub mod reminders;
pub mod reports;
pub mod tracks;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::db::Db;

/// What every use case needs.
#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    /// Rung after a change that wrote to the outbox, so mail goes out at once
    /// instead of at the worker's next poll.
    pub mail_wake: Arc<Notify>,
    /// The public pages' copy of the published cycles.
    pub public_cycles: Arc<public_cycles::PublicCycles>,
}

impl Services {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Self {
        Self {
            db,
            clock,
            mail_wake: Arc::new(Notify::new()),
            public_cycles: Arc::default(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn wake_mail(&self) {
        self.mail_wake.notify_one();
    }
}
