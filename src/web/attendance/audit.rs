//! The audit trail of one registration's attendance.

use std::collections::BTreeMap;

use actix_session::Session;
use actix_web::{web, HttpRequest, Responder};
use askama::Template;
use askama_web::WebTemplate;

use crate::app::attendance as app_att;
use crate::db::attendance as att;
use crate::domain::Status;
use crate::i18n::Tr;
use crate::web::auth::CurrentOrganiser;
use crate::web::error::{AppError, AppResult};
use crate::web::lang::Lang;
use crate::web::pages::organiser_frame;
use crate::web::pages::Frame;
use crate::web::AppState;

pub struct AuditLine {
    pub when: String,
    pub session: String,
    pub change: String,
    pub source: String,
    pub minutes: String,
    pub by: String,
    pub note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub lines: Vec<AuditLine>,
}

pub async fn audit(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<i32>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let id = path.into_inner();
    let now = state.now();
    let record = app_att::record(&state.services, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = record
        .standing(now)
        .for_status(record.reg.status() == Status::Confirmed);
    let (entries, organisers) = state
        .db
        .read(move |c| {
            let organisers: BTreeMap<i32, String> = crate::db::organisers::all(c)?
                .into_iter()
                .map(|o| (o.id, o.name))
                .collect();
            Ok((att::audit_of(c, id)?, organisers))
        })
        .await?;
    let app_att::Record {
        reg,
        cycle,
        sessions,
        ..
    } = record;
    let tz = cycle.tz();
    let attended = standing.attended;
    let verdict = standing.verdict;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("attended", attended);
    args.set("total", sessions.len());
    args.set("min", cycle.min_sessions);
    args.set("verdict", t.keyed("verdict-", verdict.as_str()));
    args.set("status", t.keyed("status-", reg.status().as_str()));
    let summary = t.args("audit-summary", &args);
    let yes_no = |p: Option<bool>| match p {
        Some(true) => t.text("attendance-present"),
        Some(false) => t.text("attendance-absent"),
        None => "—".to_string(),
    };
    let lines = entries
        .into_iter()
        .map(|e| AuditLine {
            when: t.datetime(e.changed_at.and_utc(), tz),
            session: sessions
                .iter()
                .find(|s| s.id == e.session_id)
                .map(|s| format!("{}. {}", s.position, s.title))
                .unwrap_or_default(),
            change: format!(
                "{} → {}",
                yes_no(e.old_present),
                yes_no(Some(e.new_present))
            ),
            source: t.keyed("source-", e.source.as_str()),
            minutes: e.minutes.map(|m| m.to_string()).unwrap_or_default(),
            by: e
                .changed_by
                .and_then(|id| organisers.get(&id).cloned())
                .unwrap_or_default(),
            note: e.note.unwrap_or_default(),
        })
        .collect();
    Ok(AuditPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        name: reg.full_name(),
        summary,
        lines,
        tr: t,
    })
}
