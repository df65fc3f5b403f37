//! Reminders before each session: the server's scheduler asks this on every
//! tick; the domain says which sessions are due, storage writes one reminder
//! per seat holder, once per session start, and the mail worker sends them.

use anyhow::Context;

use super::Services;
use crate::db::reminders;

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
