//! `/healthz/mail`: whether mail is going out, for monitors. It fails once
//! the oldest unsent message has waited longer than
//! `mail_backlog_alert_minutes` (a stalled or failing mail server).

use actix_web::{web, HttpResponse};

use super::error::AppResult;
use super::AppState;

pub async fn mail(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let backlog = crate::app::mail::backlog(&state.services).await?;
    let mut answer = match backlog.stalled_for(state.settings.mail_backlog_alert_minutes) {
        Some(age) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain")
            .body(format!(
                "mail is not going out: {} unsent, the oldest waiting {} min",
                backlog.unsent,
                age.num_minutes()
            )),
        _ => HttpResponse::Ok().content_type("text/plain").body(format!(
            "ok: {} unsent, {} given up",
            backlog.unsent, backlog.given_up
        )),
    };
    // Monitors read this plain answer, not the error page.
    answer.extensions_mut().insert(super::error::OwnBody);
    Ok(answer)
}
