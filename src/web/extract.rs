//! `OrganiserCycle`: the cycle of this URL's `{slug}`, for a logged-in organiser.

use std::future::Future;
use std::pin::Pin;

use actix_web::{dev::Payload, web, FromRequest, HttpRequest};

use super::auth::CurrentOrganiser;
use super::error::AppError;
use super::public::cycle_with_sessions;
use super::AppState;
use crate::db::models::{Cycle, Session};

/// Login first (the same redirect to /login as `CurrentOrganiser`), then the
/// cycle with its sessions (404 when there is none, drafts included).
pub struct OrganiserCycle {
    pub me: CurrentOrganiser,
    pub cycle: Cycle,
    pub sessions: Vec<Session>,
}

impl FromRequest for OrganiserCycle {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;
    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let me = CurrentOrganiser::from_request(req, payload);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let slug = req.match_info().get("slug").map(str::to_string);
        Box::pin(async move {
            let me = me.await?;
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("no state")))?;
            let slug = slug.ok_or(AppError::NotFound)?;
            let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
            Ok(Self {
                me,
                cycle,
                sessions,
            })
        })
    }
}
