//! What the server's scheduler asks on every tick: the reminders before each
//! session (the domain says which are due, storage writes one per seat
//! holder, once per session start) and the end of the waiting list when a
//! cycle's first session starts, and where each participant stands after
//! a session. The mail worker sends them.

use anyhow::Context;

use super::Services;
use crate::db::{progress, reminders, waitlist};

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

/// After each session whose attendance is recorded, tells the confirmed
/// participants who have not yet earned the outcome where they stand;
/// returns how many were told.
pub async fn tell_progress(services: &Services) -> anyhow::Result<usize> {
    let now = services.now();
    let ended = services
        .db
        .read(move |c| progress::ended(c, now))
        .await
        .context("finding sessions that ended")?;
    let mut told = 0;
    for ended in ended {
        let due = crate::domain::progress::is_due(
            ended.session.ends_at.and_utc(),
            ended.next_starts,
            ended.attendance_recorded,
            now,
        );
        if !due {
            continue;
        }
        let id = ended.session.id;
        let done = services
            .db
            .write(move |c| progress::write(c, &ended.session, &ended.cycle, now))
            .await
            .with_context(|| format!("writing the progress emails of session {id}"))?;
        if let Some(n) = done {
            tracing::info!(
                session = id,
                still_possible = n.still_possible,
                no_longer_possible = n.no_longer_possible,
                "progress emails written"
            );
            told += n.still_possible + n.no_longer_possible;
        }
    }
    if told > 0 {
        services.wake_mail();
    }
    Ok(told)
}
