//! The state of outgoing mail, for monitors and organisers.

use anyhow::Context;

use super::Services;
use crate::db::outbox;

/// Mail not sent yet, and how long the oldest has waited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    pub unsent: i64,
    pub oldest_waiting: Option<chrono::Duration>,
}

pub async fn backlog(services: &Services) -> anyhow::Result<Backlog> {
    let now = services.now();
    let (unsent, oldest) = services
        .db
        .read(|c| Ok((outbox::unsent_count(c)?, outbox::oldest_unsent(c)?)))
        .await
        .context("reading the outbox")?;
    Ok(Backlog {
        unsent,
        oldest_waiting: oldest.map(|written| now - written),
    })
}
