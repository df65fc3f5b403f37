//! Chosen sessions (issue 10): a participant changes a choice; the
//! participant's page reads what there is to choose.

use anyhow::Context;

use super::Services;
use crate::db::models::Session;
use crate::db::{choices, cycles};
use crate::domain::tracks::ChangeRefusal;

/// Moves a registration to the session at `position` of its slot: `Ok(true)`
/// when it moved, `Ok(false)` when it had chosen it already.
pub async fn change_choice(
    services: &Services,
    registration_id: i32,
    cycle_id: i32,
    position: i32,
) -> anyhow::Result<Result<bool, ChangeRefusal>> {
    let now = services.now();
    services
        .db
        .write(move |c| {
            let Some(session) = cycles::session_at(c, cycle_id, position)? else {
                return Ok(Err(ChangeRefusal::NotAChoice));
            };
            choices::change(c, registration_id, session.id, now)
        })
        .await
        .context("changing a session choice")
}

/// Every session of a cycle and what this registration chose.
pub async fn choices_of(
    services: &Services,
    registration_id: i32,
    cycle_id: i32,
) -> anyhow::Result<(Vec<Session>, Vec<i32>)> {
    services
        .db
        .read(move |c| {
            Ok((
                cycles::sessions_of(c, cycle_id)?,
                choices::of_registration(c, registration_id)?,
            ))
        })
        .await
        .context("reading session choices")
}
