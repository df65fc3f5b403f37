//! What the server's scheduler asks on every tick: the reminders before each
//! session (the domain says which are due, storage writes one per seat
//! holder, once per session start) and the end of the waiting list when a
//! cycle's first session starts. The mail worker sends them.

use anyhow::Context;

use super::Services;
use crate::db::{reminders, waitlist};

/// Writes the reminders now due; returns how many were written.
pub async fn write_due(services: &Services) -> anyhow::Result<usize> {
    let now = services.now();
    let owed = services
        .db
        .read(move |c| reminders::owed(c, now))
        .await
        .context("finding sessions owed a reminder")?;
    let mut written = 0;
    for (session, cycle) in owed {
        if !cycle
            .reminder_rule()
            .is_due(session.starts_at.and_utc(), cycle.tz(), now)
        {
            continue;
        }
        let id = session.id;
        let done = services
            .db
            .write(move |c| reminders::write(c, &session, now))
            .await
            .with_context(|| format!("writing the reminders of session {id}"))?;
        if let Some(n) = done {
            tracing::info!(session = id, reminders = n, "session reminders written");
            written += n;
        }
    }
    if written > 0 {
        services.wake_mail();
    }
    Ok(written)
}

/// Tells the people still waiting in cycles whose first session started
/// that no seat became free; returns how many were told.
pub async fn close_waitlists(services: &Services) -> anyhow::Result<usize> {
    let now = services.now();
    let cycles = services
        .db
        .read(move |c| waitlist::to_close(c, now))
        .await
        .context("finding waiting lists to close")?;
    let mut told = 0;
    for cycle_id in cycles {
        let done = services
            .db
            .write(move |c| waitlist::close(c, cycle_id, now))
            .await
            .with_context(|| format!("closing the waiting list of cycle {cycle_id}"))?;
        if let Some(n) = done {
            tracing::info!(cycle = cycle_id, told = n, "waiting list closed");
            told += n;
        }
    }
    if told > 0 {
        services.wake_mail();
    }
    Ok(told)
}
