//! Registering, confirming, giving a seat back, and what organisers and the
//! hold sweeper change about registrations.

use anyhow::Context;

use super::Services;
use crate::db::models::{Cycle, Session};
use crate::db::registrations::{self, CapacityChange, Changed};
use crate::db::{cycles, from_db, is_unique_violation};
use crate::domain::registration::{Applicant, Registered};
use crate::domain::Capacity;

/// Rules 1–5 for one submitted form.
pub async fn register(
    services: &Services,
    cycle: &Cycle,
    sessions: &[Session],
    applicant: Applicant,
    chosen_sessions: Vec<i32>,
) -> anyhow::Result<Registered> {
    let first_session_starts = sessions.iter().map(|s| from_db(s.starts_at)).min();
    let now = services.now();
    let cycle_id = cycle.id;
    let attempt = || {
        let applicant = applicant.clone();
        let chosen = chosen_sessions.clone();
        let nonce = crate::tokens::random(16);
        // A registration without chosen sessions is not counted as a change by
        // the public pages' copy (it would be dropped on every submission of a
        // rush; the seat is told below). One that takes a workshop seat is:
        // the copy's per-session seats must show it.
        let counted = !chosen.is_empty();
        services.db.write_maybe_counted(counted, move |c| {
            crate::db::choices::register(
                c,
                cycle_id,
                first_session_starts,
                &applicant,
                &chosen,
                &nonce,
                now,
            )
        })
    };
    // Two submissions with one address at the same instant: the loser of the
    // unique index is simply the second attempt, and runs again as one.
    let outcome = match attempt().await {
        Err(e) if is_unique_violation(&e) => attempt().await,
        other => other,
    }
    .context("registering")?;
    if matches!(outcome, Registered::Seated { .. }) {
        services.public_cycles.took_seat(cycle_id);
    }
    services.wake_mail();
    Ok(outcome)
}

/// "Lost your link?": the link goes again to this address if it is
/// registered anywhere; nothing tells the asker whether it was.
pub async fn send_links_again(
    services: &Services,
    email: crate::domain::Email,
) -> anyhow::Result<()> {
    let now = services.now();
    let written = services
        .db
        .write(move |c| registrations::send_links_again(c, &email, now))
        .await
        .context("sending participant links again")?;
    if written > 0 {
        services.wake_mail();
    }
    tracing::info!(written, "participant links asked for again");
    Ok(())
}

/// The participant confirms their address.
pub async fn confirm(services: &Services, registration_id: i32) -> anyhow::Result<Changed> {
    let now = services.now();
    services
        .db
        .write(move |c| registrations::confirm(c, registration_id, now))
        .await
        .context("confirming a registration")
}

/// The participant (or an organiser) gives the seat back; the waitlist moves up.
pub async fn cancel(services: &Services, registration_id: i32) -> anyhow::Result<Changed> {
    let now = services.now();
    let changed = services
        .db
        .write(move |c| registrations::cancel(c, registration_id, now))
        .await
        .context("cancelling a registration")?;
    services.wake_mail();
    Ok(changed)
}

/// The participant stops (`false`) or restarts the emails about their
/// progress after each session; returns whether anything changed.
pub async fn want_progress_emails(
    services: &Services,
    registration_id: i32,
    wanted: bool,
) -> anyhow::Result<bool> {
    services
        .db
        .write(move |c| crate::db::progress::set_wanted(c, registration_id, wanted))
        .await
        .context("changing the progress emails of a registration")
}

/// A registration and its cycle, for the page that asks an organiser to
/// confirm a change; `None` when there is no such registration.
pub async fn with_cycle(
    services: &Services,
    registration_id: i32,
) -> anyhow::Result<Option<(crate::db::models::Registration, Cycle)>> {
    services
        .db
        .read(move |c| {
            let Some(reg) = registrations::by_id(c, registration_id)? else {
                return Ok(None);
            };
            let cycle = cycles::by_id(c, reg.cycle_id)?;
            Ok(Some((reg, cycle)))
        })
        .await
        .context("reading a registration")
}

/// An organiser cancels or restores a registration; returns what changed and
/// the cycle's slug, or `None` when there is no such registration.
pub async fn organiser_change(
    services: &Services,
    registration_id: i32,
    restore: bool,
) -> anyhow::Result<Option<(Changed, String)>> {
    let now = services.now();
    let outcome = services
        .db
        .write(move |c| {
            let Some(reg) = registrations::by_id(c, registration_id)? else {
                return Ok(None);
            };
            let changed = if restore {
                registrations::restore(c, registration_id, now)?
            } else {
                registrations::cancel(c, registration_id, now)?
            };
            Ok(Some((changed, cycles::by_id(c, reg.cycle_id)?.slug)))
        })
        .await
        .context("changing a registration")?;
    services.wake_mail();
    Ok(outcome)
}

/// Rule 4: expires unconfirmed seats whose hold ran out (the background task).
pub async fn expire_holds(services: &Services) -> anyhow::Result<usize> {
    let now = services.now();
    let expired = services
        .db
        .write(move |c| registrations::expire_holds(c, now))
        .await
        .context("expiring holds")?;
    if expired > 0 {
        services.wake_mail();
    }
    Ok(expired)
}

/// An organiser changes the number of seats; free seats go to the waitlist.
pub async fn set_capacity(
    services: &Services,
    cycle_id: i32,
    capacity: Capacity,
) -> anyhow::Result<CapacityChange> {
    let now = services.now();
    let changed = services
        .db
        .write(move |c| registrations::set_capacity(c, cycle_id, capacity.get(), now))
        .await
        .context("changing the capacity")?;
    services.wake_mail();
    Ok(changed)
}
