//! Door check-in by the QR code in the participant's email.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::app::attendance as app_att;
use crate::db::attendance::{Change, Source};
use crate::db::models::{Cycle, Registration, Session as CycleSession};
use crate::domain::eligibility::marking_opens;
use crate::domain::Status;
use crate::i18n::Tr;
use crate::tokens::Purpose;
use crate::web::auth::CurrentOrganiser;
use crate::web::error::AppResult;
use crate::web::flash;
use crate::web::lang::Lang;
use crate::web::pages::Frame;
use crate::web::pages::{organiser_frame, see_other};
use crate::web::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "admin/checkin.html")]
pub struct CheckinPage {
    pub tr: Tr,
    pub frame: Frame,
    pub code: String,
    pub name: String,
    pub institution: String,
    pub cycle_title: String,
    pub status_ok: bool,
    pub sessions: Vec<(i32, String, bool, bool)>,
    pub message: Option<String>,
    pub wrong_cycle: Option<String>,
}

async fn find_code(
    state: &AppState,
    code: &str,
) -> AppResult<(Registration, Cycle, Vec<CycleSession>, Vec<i32>)> {
    let f = crate::web::participant::find_by_token(state, Purpose::Checkin, code).await?;
    Ok((f.reg, f.cycle, f.sessions, f.present))
}

/// The session running now, or about to start (doors open an hour early).
fn current_session(sessions: &[CycleSession], now: DateTime<Utc>) -> Option<i32> {
    sessions
        .iter()
        .find(|s| marking_opens(s.starts_at.and_utc()) <= now && now <= s.ends_at.and_utc())
        .map(|s| s.position)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CheckinQuery {
    /// The cycle the organiser is checking people in for (remembered).
    pub cycle: String,
}

pub async fn checkin_page(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<String>,
    q: web::Query<CheckinQuery>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let code = path.into_inner();
    let (reg, cycle, sessions, present) = find_code(&state, &code).await?;
    if !q.cycle.is_empty() {
        let _ = session.insert("checkin_cycle", &q.cycle);
    }
    let expected = session.get::<String>("checkin_cycle").ok().flatten();
    let wrong_cycle = expected.filter(|slug| *slug != cycle.slug).map(|slug| {
        t.with(
            "checkin-wrong-cycle",
            &[("cycle", &cycle.title), ("expected", &slug)],
        )
    });
    let now_n = current_session(&sessions, state.now());
    let message = flash::take(&session, &t);
    Ok(CheckinPage {
        frame: organiser_frame(&req, &session, &me.0),
        code,
        name: reg.full_name(),
        institution: reg.institution.clone(),
        cycle_title: cycle.title.clone(),
        status_ok: reg.status() == Status::Confirmed,
        sessions: sessions
            .iter()
            .map(|s| {
                (
                    s.position,
                    format!(
                        "{}. {} — {}",
                        s.position,
                        s.title,
                        t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), cycle.tz())
                    ),
                    Some(s.position) == now_n,
                    present.contains(&s.id),
                )
            })
            .collect(),
        message,
        wrong_cycle,
        tr: t,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CheckinForm {
    pub session: String,
}

pub async fn checkin(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<String>,
    session: Session,
    form: web::Form<CheckinForm>,
) -> AppResult<HttpResponse> {
    let code = path.into_inner();
    let (reg, cycle, sessions, _) = find_code(&state, &code).await?;
    let back = format!("/admin/checkin/{code}");
    if session
        .get::<String>("checkin_cycle")
        .ok()
        .flatten()
        .is_some_and(|slug| slug != cycle.slug)
    {
        flash::set(&session, "checkin-refused-other-cycle");
        return Ok(see_other(&back));
    }
    let n: i32 = form
        .session
        .parse()
        .ok()
        .or_else(|| current_session(&sessions, state.now()))
        .unwrap_or(0);
    let Some(s) = sessions.iter().find(|s| s.position == n) else {
        flash::set(&session, "checkin-choose-session");
        return Ok(see_other(&back));
    };
    if reg.status() != Status::Confirmed {
        flash::set(&session, "checkin-not-confirmed");
        return Ok(see_other(&back));
    }
    let change = Change {
        source: Source::Checkin,
        by: Some(me.0.id),
        at: state.now(),
        note: None,
    };
    let checked = app_att::check_in(&state.services, reg.id, s, change).await?;
    flash::set(
        &session,
        match checked {
            Ok(true) => "checkin-done",
            Ok(false) => "checkin-already",
            Err(_) => "checkin-too-early",
        },
    );
    Ok(see_other(&back))
}
