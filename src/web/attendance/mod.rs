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
        .route("/admin/registrations/{id}/audit", web::get().to(audit))
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
