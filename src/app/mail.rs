//! The state of outgoing mail, for monitors and organisers.

use anyhow::Context;

use super::Services;
use crate::db::outbox;

/// Mail not sent yet, and how long the oldest has waited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    /// Still being tried.
    pub unsent: i64,
    pub oldest_waiting: Option<chrono::Duration>,
    /// Given up (refused for good, or tried for a day): kept with the reason.
    pub given_up: i64,
}

impl Backlog {
    /// How long the oldest message has waited, once that is longer than
    /// `limit_minutes` (monitors and organisers are told then).
    pub fn stalled_for(&self, limit_minutes: u32) -> Option<chrono::Duration> {
        let limit = chrono::Duration::minutes(i64::from(limit_minutes));
        self.oldest_waiting.filter(|age| *age > limit)
    }
}

pub async fn backlog(services: &Services) -> anyhow::Result<Backlog> {
    let now = services.now();
    let (unsent, oldest, given_up) = services
        .db
        .read(|c| {
            let given_up = outbox::given_up_count(c)?;
            Ok((
                outbox::unsent_count(c)? - given_up,
                outbox::oldest_unsent(c)?,
                given_up,
            ))
        })
        .await
        .context("reading the outbox")?;
    Ok(Backlog {
        unsent,
        oldest_waiting: oldest.map(|written| now - written),
        given_up,
    })
}
