//! Creating and changing cycles (admin form and `cohort cycle import`).

use anyhow::Context;

use super::Services;
use crate::db::cycles::{self, SaveProblem, Saved};
use crate::db::models::{Cycle, Session};
use crate::db::{organisations, registrations};
use crate::domain::cycle_file::CycleSpec;

/// Saves a cycle by slug, then fills any seats the change freed from the
/// waitlist, in one transaction.
pub async fn save_cycle(
    services: &Services,
    spec: CycleSpec,
) -> anyhow::Result<Result<Saved, SaveProblem>> {
    let now = services.now();
    let saved = services
        .db
        .write(move |c| {
            // An unknown organisation refuses the whole save, before any write.
            let named = match organisations::resolve(c, &spec.organisations)? {
                Ok(named) => named,
                Err(slug) => return Ok(Err(SaveProblem::UnknownOrganisation(slug))),
            };
            let saved = cycles::save(c, &spec, now)?;
            if let Ok(Saved::Created(id) | Saved::Updated { id, .. }) = saved {
                organisations::set_for_cycle(c, id, &named)?;
                registrations::promote(c, id, now)?;
            }
            Ok(saved)
        })
        .await
        .context("saving the cycle")?;
    services.wake_mail();
    Ok(saved)
}

/// A cycle by slug with its sessions; `None` when there is none.
pub async fn cycle_with_sessions(
    services: &Services,
    slug: String,
) -> anyhow::Result<Option<(Cycle, Vec<Session>)>> {
    services
        .db
        .read(move |c| cycles::with_sessions(c, &slug))
        .await
        .context("loading a cycle")
}

/// A published cycle with its sessions, as the public pages show it: from
/// this process's copy when fresh (see `public_cycles`); `None` for a draft
/// or an unknown slug.
pub async fn public_cycle(
    services: &Services,
    slug: &str,
) -> anyhow::Result<Option<super::public_cycles::PublicCycle>> {
    services
        .public_cycles
        .get(&services.db, slug)
        .await
        .context("loading a cycle")
}
