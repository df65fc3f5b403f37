//! The attendance matrix, the eligibility CSV, and notifying the eligible.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};

use crate::app::attendance as app_att;
use crate::db::attendance as att;
use crate::domain::eligibility::Standing;
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
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let cid = cycle.id;
    let (offered, slots) = crate::db::models::offered_and_slots(&sessions);
    // Without tracks everyone may attend every session: no choices to read.
    let tracked = !slots.is_empty();
    let rows = state
        .db
        .read(move |c| {
            let choices = match tracked {
                true => crate::db::choices::of_cycle(c, cid)?,
                false => Default::default(),
            };
            Ok((att::matrix(c, cid)?, att::totals(c, &ids)?, choices))
        })
        .await?;
    let (rows, totals, choices) = rows;
    let now = state.now();
    let lines: Vec<MatrixLine> = rows
        .into_iter()
        .map(|row| {
            // With tracks, each person's own sessions; the others show "—".
            let chosen = choices
                .get(&row.registration.id)
                .map_or(&[][..], Vec::as_slice);
            let own = crate::domain::tracks::attendable(&offered, &slots, chosen);
            let ends: Vec<(i32, DateTime<Utc>)> = sessions
                .iter()
                .filter(|s| own.contains(&s.id))
                .map(|s| (s.id, s.ends_at.and_utc()))
                .collect();
            let standing = Standing::of(&ends, &row.present, cycle.min_sessions as u32, now);
            let mut own_marks = standing.marks.iter();
            let marks = sessions
                .iter()
                .map(|s| match own.contains(&s.id) {
                    true => own_marks.next().map_or("upcoming", |m| m.as_str()),
                    false => "not-chosen",
                })
                .collect();
            MatrixLine {
                id: row.registration.id,
                name: format!(
                    "{} {}",
                    row.registration.last_name, row.registration.first_name
                ),
                institution: row.registration.institution.clone(),
                marks,
                attended: standing.attended,
                verdict: t.keyed("verdict-", standing.verdict.as_str()),
                verdict_key: standing.verdict.as_str(),
            }
        })
        .collect();
    let notice = flash::take(&session, &t);
    Ok(MatrixPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        title: cycle.title.clone(),
        totals: sessions
            .iter()
            .map(|s| totals.get(&s.id).copied().unwrap_or(0))
            .collect(),
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
