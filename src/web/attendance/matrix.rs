//! The attendance matrix, the eligibility CSV, and notifying the eligible.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;

use crate::app::attendance as app_att;
use crate::i18n::Tr;
use crate::web::download::{self, Format};
use crate::web::error::AppResult;
use crate::web::extract::OrganiserCycle;
use crate::web::flash;
use crate::web::lang::Lang;
use crate::web::pages::Frame;
use crate::web::pages::{organiser_frame, see_other};
use crate::web::AppState;

pub struct MatrixLine {
    pub id: i32,
    pub name: String,
    pub institution: String,
    /// Per session: "present", "absent" or "upcoming" (not held yet).
    pub marks: Vec<&'static str>,
    pub attended: u32,
    pub verdict: String,
    pub verdict_key: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/matrix.html")]
pub struct MatrixPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub title: String,
    pub sessions: Vec<(i32, String)>,
    pub lines: Vec<MatrixLine>,
    pub totals: Vec<i64>,
    pub eligible: usize,
    pub notice: Option<String>,
}

pub async fn matrix(
    state: web::Data<AppState>,
    OrganiserCycle {
        me,
        cycle,
        sessions,
    }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let matrix = app_att::matrix(&state.services, &cycle, &sessions).await?;
    let lines: Vec<MatrixLine> = matrix
        .lines
        .into_iter()
        .map(|line| MatrixLine {
            id: line.registration.id,
            name: format!(
                "{} {}",
                line.registration.last_name, line.registration.first_name
            ),
            institution: line.registration.institution,
            marks: line.marks,
            attended: line.standing.attended,
            verdict: t.keyed("verdict-", line.standing.verdict.as_str()),
            verdict_key: line.standing.verdict.as_str(),
        })
        .collect();
    let notice = flash::take(&session, &t);
    Ok(MatrixPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        title: cycle.title.clone(),
        totals: matrix.totals,
        sessions: sessions
            .iter()
            .map(|s| (s.position, s.title.clone()))
            .collect(),
        eligible: lines.iter().filter(|l| l.verdict_key == "eligible").count(),
        lines,
        notice,
        tr: t,
    })
}

async fn eligibility_download(
    state: &AppState,
    cycle: &crate::db::models::Cycle,
    format: Format,
) -> AppResult<HttpResponse> {
    let list = app_att::eligibility_list(&state.services, cycle).await?;
    download::table(
        &crate::app::exports::eligibility_table(&list),
        &format!("{}-eligibility", cycle.slug),
        format,
    )
}

pub async fn eligibility_csv(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    eligibility_download(&state, &cycle, Format::Csv).await
}

pub async fn eligibility_xlsx(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
) -> AppResult<HttpResponse> {
    eligibility_download(&state, &cycle, Format::Xlsx).await
}

/// Tells every eligible participant once; pressing again sends nothing new.
pub async fn notify_eligible(
    state: web::Data<AppState>,
    OrganiserCycle { cycle, .. }: OrganiserCycle,
    session: Session,
) -> AppResult<HttpResponse> {
    let sent = app_att::notify_eligible(&state.services, &cycle).await?;
    flash::set(
        &session,
        if sent == 0 {
            "notice-no-new-eligible"
        } else {
            "notice-eligible-notified"
        },
    );
    Ok(see_other(&format!(
        "/admin/cycles/{}/attendance",
        cycle.slug
    )))
}
