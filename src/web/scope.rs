//! Which organiser may open which organiser page (issue 10), decided in ONE
//! place: when a handler asks for the logged-in organiser
//! (`CurrentOrganiser`, and so `OrganiserCycle`), the URL's parameters are
//! read by name and whatever they name must belong to one of the organiser's
//! organisations, or the page is refused with 403 saying why. A route added
//! later is scoped by naming its parameters as these do:
//!
//! - `{slug}` — a cycle;
//! - `{registration_id}` — a registration (scoped by its cycle);
//! - `{code}` under `/admin/checkin/` — the registration a check-in code opens;
//! - `{organisation}` — an organisation's own pages (its slug).
//!
//! Other parameters (`{n}`, `{id}` of an application or message) are read
//! by the handler within the cycle the `{slug}` named. The census in
//! `tests/api/organisations.rs` tries every /admin route as an organiser of
//! another organisation: a route whose parameter this list misses lets them in.

use actix_web::HttpRequest;

use super::error::{AppError, AppResult};
use super::AppState;
use crate::app::organisations::{reach, Reach, Target};
use crate::db::models::Organiser;
use crate::domain::organisations::Scope;
use crate::tokens::{Keys, Purpose};

/// The parameter names this module reads (and the census test knows).
pub const SCOPED_PARAMETERS: [&str; 4] = ["slug", "registration_id", "code", "organisation"];

/// The message of the 403 page.
pub const REFUSED: &str = "error-other-organisation";

/// What the organiser may manage, after checking everything the URL names.
pub async fn check(req: &HttpRequest, state: &AppState, organiser: &Organiser) -> AppResult<Scope> {
    let scope = crate::app::organisations::scope_of(&state.services, organiser).await?;
    if scope == Scope::Everything {
        return Ok(scope);
    }
    for target in targets(req, state).await? {
        match reach(&state.services, &scope, target).await? {
            Reach::Allowed | Reach::Missing => {}
            Reach::OtherOrganisation => return Err(AppError::Forbidden(REFUSED)),
        }
    }
    Ok(scope)
}

/// What the matched route's parameters name.
async fn targets(req: &HttpRequest, state: &AppState) -> AppResult<Vec<Target>> {
    let info = req.match_info();
    let mut found = Vec::new();
    if let Some(slug) = info.get("slug") {
        found.push(Target::Cycle(slug.to_string()));
    }
    if let Some(id) = info.get("registration_id") {
        // Not a number: no such registration; the handler's 404 says so.
        if let Ok(id) = id.parse() {
            found.push(Target::Registration(id));
        }
    }
    if let Some(slug) = info.get("organisation") {
        found.push(Target::Organisation(slug.to_string()));
    }
    if let Some(code) = info.get("code") {
        if req.path().starts_with("/admin/checkin/") {
            if let Some(id) = checkin_registration(state, code).await? {
                found.push(Target::Registration(id));
            }
        }
    }
    Ok(found)
}

/// The registration a genuine check-in code opens; a forged one names
/// nothing (the page's own 404 answers it, so a guess learns nothing).
async fn checkin_registration(state: &AppState, code: &str) -> AppResult<Option<i32>> {
    let Some(id) = Keys::claimed_id(code) else {
        return Ok(None);
    };
    let Some((reg, _)) = crate::app::registration::with_cycle(&state.services, id).await? else {
        return Ok(None);
    };
    Ok(state
        .keys
        .verify(Purpose::Checkin, code, &reg.token_nonce)
        .then_some(id))
}
