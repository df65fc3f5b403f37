//! Attendance: the roster per session, door check-in by QR code, Zoom report
//! import with a preview, the matrix, eligibility, and the audit trail.

pub mod audit;
pub mod checkin;
pub mod import;
pub mod matrix;
pub mod roster;

use actix_web::web;

use super::error::{AppError, AppResult};
use super::public::cycle_with_sessions;
use super::AppState;
use crate::db::models::{Cycle, Session as CycleSession};
use audit::audit;
use checkin::{checkin, checkin_page};
use import::{apply, preview, upload};
use matrix::{eligibility_csv, eligibility_xlsx, matrix, notify_eligible};
use roster::{roster, save_roster};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/cycles/{slug}/attendance", web::get().to(matrix))
        .route(
            "/admin/cycles/{slug}/eligibility.csv",
            web::get().to(eligibility_csv),
        )
        .route(
            "/admin/cycles/{slug}/eligibility.xlsx",
            web::get().to(eligibility_xlsx),
        )
        .route(
            "/admin/cycles/{slug}/notify-eligible",
            web::post().to(notify_eligible),
        )
        .route(
            "/admin/cycles/{slug}/sessions/{n}/attendance",
            web::get().to(roster),
        )
        .route(
            "/admin/cycles/{slug}/sessions/{n}/attendance",
            web::post().to(save_roster),
        )
        .route(
            "/admin/cycles/{slug}/sessions/{n}/import",
            web::post().to(upload),
        )
        .route(
            "/admin/cycles/{slug}/sessions/{n}/import/{id}",
            web::get().to(preview),
        )
        .route(
            "/admin/cycles/{slug}/sessions/{n}/import/apply",
            web::post().to(apply),
        )
        .route(
            "/admin/registrations/{registration_id}/audit",
            web::get().to(audit),
        )
        .route("/admin/checkin/{code}", web::get().to(checkin_page))
        .route("/admin/checkin/{code}", web::post().to(checkin));
}

/// The cycle of `{slug}` and its session number `{n}`; 404 for either missing.
async fn cycle_session(state: &AppState, slug: String, n: i32) -> AppResult<(Cycle, CycleSession)> {
    let (cycle, sessions) = cycle_with_sessions(state, slug).await?;
    let session = sessions
        .into_iter()
        .find(|s| s.position == n)
        .ok_or(AppError::NotFound)?;
    Ok((cycle, session))
}

/// The session key of the message when marks were refused for being early.
const EARLY_ERROR: &str = "early_error";

/// Before the session's doors open: what the roster and the import say
/// above the reason field. `None` once marks are open.
fn early_warning(
    t: &crate::i18n::Tr,
    cycle: &Cycle,
    s: &CycleSession,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<String> {
    let opens = crate::domain::eligibility::marking_opens(s.starts_at.and_utc());
    (now < opens).then(|| {
        t.with_one(
            "attendance-early-warning",
            "opens",
            &t.datetime(opens, cycle.tz()),
        )
    })
}

/// Leaves the refusal for the page the organiser is sent back to.
fn refuse_early(session: &actix_session::Session) {
    let _ = session.insert(EARLY_ERROR, true);
}

/// Whether the last save was refused for being early (taking it clears it).
fn was_refused_early(session: &actix_session::Session) -> bool {
    session
        .remove_as::<bool>(EARLY_ERROR)
        .and_then(Result::ok)
        .unwrap_or(false)
}

/// The reason typed into a form, if any.
fn early_reason(form: &[(String, String)]) -> Option<String> {
    form.iter()
        .find(|(k, _)| k == "early_reason")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.trim().is_empty())
}
