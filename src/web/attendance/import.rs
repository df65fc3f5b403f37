//! Zoom report import: upload, preview the matches, apply them.

use std::collections::HashMap;

use actix_multipart::form::{bytes::Bytes as UploadBytes, MultipartForm};
use actix_session::Session;
use actix_web::{http::StatusCode, web, Either, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::cycle_session;
use crate::app::attendance::{self as app_att, PlanProblem, Planned};
use crate::db::attendance::{Change, Source};
use crate::db::models::{Cycle, Registration, Session as CycleSession};
use crate::domain::zoom::{self, Assignment, MatchedBy};
use crate::i18n::Tr;
use crate::web::auth::CurrentOrganiser;
use crate::web::error::{AppError, AppResult};
use crate::web::flash;
use crate::web::lang::Lang;
use crate::web::pages::Frame;
use crate::web::pages::{organiser_frame, render_with_status, see_other};
use crate::web::AppState;

/// The largest report accepted (Zoom's reports of a full day stay far below).
pub const REPORT_LIMIT: usize = 10 * 1024 * 1024;

#[derive(MultipartForm)]
pub struct UploadForm {
    #[multipart(limit = "10MiB")]
    pub report: UploadBytes,
}

/// The multipart reader's own limits must let a report of `REPORT_LIMIT`
/// through (its default keeps only 2 MiB in memory), with room for the
/// form's headers.
pub fn upload_config() -> actix_multipart::form::MultipartFormConfig {
    actix_multipart::form::MultipartFormConfig::default()
        .total_limit(REPORT_LIMIT + 64 * 1024)
        .memory_limit(REPORT_LIMIT + 64 * 1024)
}

pub async fn upload(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    lang: Lang,
    req: HttpRequest,
    form: Result<MultipartForm<UploadForm>, actix_web::Error>,
) -> AppResult<HttpResponse> {
    let t = lang.tr();
    let (slug, n) = path.into_inner();
    let (cycle, s) = cycle_session(&state, slug, n).await?;
    // Refused: the roster again (422), unfiltered, the reason above its
    // upload form (a notice waiting for the roster shows here, once).
    let refuse = |error: String| async {
        let frame = organiser_frame(&req, &session, &me.0);
        let query = super::roster::RosterQuery::default();
        let mut page =
            super::roster::roster_page(&state, frame, &session, t, (&cycle, &s, n), &query).await?;
        page.upload_error = Some(error);
        render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let form = match form {
        Ok(form) => form,
        Err(e) => {
            // Too large is not "no file": say which.
            let too_large = matches!(
                e.as_error::<actix_multipart::MultipartError>(),
                Some(actix_multipart::MultipartError::Payload(
                    actix_web::error::PayloadError::Overflow
                ))
            );
            let key = if too_large {
                "import-error-too-large"
            } else {
                "import-error-no-file"
            };
            return refuse(t.text(key)).await;
        }
    };
    let bytes = form.report.data.to_vec();
    // Read it once now, so a file that is not a report is refused at once.
    if let Err(e) = zoom::read_report(&bytes) {
        return refuse(t.report_problem(&e)).await;
    }
    let filename = form
        .report
        .file_name
        .clone()
        .unwrap_or_else(|| "report.csv".into());
    let id = app_att::store_import(&state.services, s.id, me.0.id, filename, bytes).await?;
    Ok(see_other(&format!(
        "/admin/cycles/{}/sessions/{n}/import/{id}",
        cycle.slug
    )))
}

pub struct PlanRow {
    pub name: String,
    pub institution: String,
    pub minutes: u32,
    pub matched_by: String,
    pub report_name: String,
    pub already_present: bool,
}

pub struct UnmatchedRow {
    pub index: usize,
    pub key: String,
    pub name: String,
    pub email: String,
    pub minutes: u32,
    /// Report rows grouped into this entry.
    pub rows: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/import_preview.html")]
pub struct PreviewPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub n: i32,
    pub session_title: String,
    pub import_id: i32,
    pub filename: String,
    pub min_minutes: u32,
    /// Totals; the tables below list at most `LISTED_MATCHES` rows each.
    pub present_count: usize,
    /// Not in the report (or under the threshold) and staying absent.
    pub absent_count: usize,
    /// Not in the report but already present: they stay present.
    pub keep_present_count: usize,
    pub unmatched_count: usize,
    pub present: Vec<PlanRow>,
    pub absent: Vec<PlanRow>,
    pub present_unlisted: usize,
    pub absent_unlisted: usize,
    /// Those offered for hand assignment (most minutes first).
    pub unmatched: Vec<UnmatchedRow>,
    /// What is said of the unmatched entries beyond those.
    pub not_assignable_note: Option<String>,
    pub people: Vec<(i32, String)>,
    /// Before the doors open: why a reason is needed to apply.
    pub early: Option<String>,
    /// The last apply was refused for being early, without a reason.
    pub early_refused: bool,
    /// The last "apply" came without "I have checked…" ticked.
    pub unchecked: bool,
}

/// Session flag: the report was sent to be applied without the check box.
const UNCHECKED: &str = "import_unchecked";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PreviewQuery {
    pub min: Option<u32>,
}

/// A stored report planned against the roster; `None` when the upload is
/// no longer kept (applied, or a day old), a 400 for a file that is no report.
async fn plan(
    state: &AppState,
    cycle: &Cycle,
    s: &CycleSession,
    import_id: i32,
    min_minutes: u32,
    assignments: Vec<Assignment>,
) -> AppResult<Option<Planned>> {
    match app_att::plan_stored_import(
        &state.services,
        cycle,
        s,
        import_id,
        min_minutes,
        assignments,
    )
    .await?
    {
        Ok(planned) => Ok(Some(planned)),
        Err(PlanProblem::NoSuchImport) => Ok(None),
        Err(PlanProblem::NotAReport) => Err(AppError::BadRequest("import-error-not-zoom-report")),
    }
}

/// "N more entries (R rows, M minutes) cannot be assigned here …"
fn not_assignable_note(t: &Tr, rest: zoom::preview::Remainder) -> Option<String> {
    if rest.people == 0 {
        return None;
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", rest.people as i64);
    args.set("rows", rest.rows as i64);
    args.set("minutes", rest.minutes as i64);
    Some(t.args("import-not-assignable", &args))
}

/// Back to the roster, saying the upload is gone: a second press of
/// "Apply", the Back button after applying, or a preview left for a day.
fn gone(session: &Session, t: &Tr, slug: &str, n: i32) -> HttpResponse {
    let _ = session.insert("upload_error", t.text("import-gone"));
    see_other(&format!("/admin/cycles/{slug}/sessions/{n}/attendance"))
}

pub async fn preview(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32, i32)>,
    q: web::Query<PreviewQuery>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<Either<PreviewPage, HttpResponse>> {
    let t = lang.tr();
    let (slug, n, import_id) = path.into_inner();
    let (cycle, s) = cycle_session(&state, slug, n).await?;
    // Rule 7: by default half the session's length.
    let min_minutes = q.min.unwrap_or(s.minutes().div_ceil(2)).min(24 * 60);
    let Some(Planned {
        plan,
        people,
        present_now,
        import,
    }) = plan(&state, &cycle, &s, import_id, min_minutes, vec![]).await?
    else {
        return Ok(Either::Right(gone(&session, &t, &cycle.slug, n)));
    };
    let by_id: HashMap<i32, &Registration> = people.iter().map(|r| (r.id, r)).collect();
    let row = |m: &zoom::Matched| PlanRow {
        name: by_id
            .get(&m.registration_id)
            .map(|r| format!("{} {}", r.last_name, r.first_name))
            .unwrap_or_default(),
        institution: by_id
            .get(&m.registration_id)
            .map(|r| r.institution.clone())
            .unwrap_or_default(),
        minutes: m.minutes,
        matched_by: t.keyed(
            "matched-by-",
            match m.matched_by {
                MatchedBy::Email => "email",
                MatchedBy::Name => "name",
                MatchedBy::Manual => "manual",
                MatchedBy::NotInReport => "none",
            },
        ),
        report_name: m.report_name.clone(),
        already_present: present_now.contains(&m.registration_id),
    };
    // Bounded whatever the report's size (issue 13: 30,000 rows, 45 MB).
    let shown = zoom::preview::preview(&plan, people.len());
    let keep_present_count = plan
        .absent
        .iter()
        .filter(|m| present_now.contains(&m.registration_id))
        .count();
    Ok(Either::Left(PreviewPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        n,
        session_title: s.title.clone(),
        import_id,
        filename: import.filename.clone(),
        min_minutes,
        present_count: plan.present.len(),
        absent_count: plan.absent.len() - keep_present_count,
        keep_present_count,
        unmatched_count: plan.unmatched.len(),
        present: shown.present.iter().map(row).collect(),
        absent: shown.absent.iter().map(row).collect(),
        present_unlisted: shown.present_unlisted,
        absent_unlisted: shown.absent_unlisted,
        unmatched: shown
            .assignable
            .iter()
            .map(|&(index, p)| UnmatchedRow {
                index,
                key: p.key.clone(),
                name: p.display_name.clone(),
                email: p.email.clone().unwrap_or_default(),
                minutes: p.minutes,
                rows: p.rows,
            })
            .collect(),
        not_assignable_note: not_assignable_note(&t, shown.not_assignable),
        people: people
            .iter()
            .map(|r| {
                (
                    r.id,
                    format!("{} {} — {}", r.last_name, r.first_name, r.institution),
                )
            })
            .collect(),
        early: super::early_warning(&t, &cycle, &s, state.now()),
        early_refused: super::was_refused_early(&session),
        unchecked: session
            .remove_as::<bool>(UNCHECKED)
            .and_then(Result::ok)
            .unwrap_or(false),
        tr: t,
    }))
}

pub async fn apply(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    lang: Lang,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (slug, n) = path.into_inner();
    let (cycle, s) = cycle_session(&state, slug, n).await?;
    let field = |k: &str| {
        form.iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let import_id: i32 = field("import_id")
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-request"))?;
    let min_minutes: u32 = field("min_minutes")
        .trim()
        .parse()
        .unwrap_or(s.minutes().div_ceil(2))
        .min(24 * 60);
    // assign_key_N = report person key, assign_to_N = registration id.
    let assignments: Vec<Assignment> = form
        .iter()
        .filter_map(|(k, v)| {
            let i = k.strip_prefix("assign_to_")?;
            let registration_id = v.parse().ok()?;
            let person_key = field(&format!("assign_key_{i}"));
            Some(Assignment {
                person_key,
                registration_id,
            })
        })
        .collect();
    if field("checked") != "yes" {
        // GOV.UK's "I have checked…": applying changes many rows at once.
        let _ = session.insert(UNCHECKED, true);
        return Ok(see_other(&format!(
            "/admin/cycles/{}/sessions/{n}/import/{import_id}?min={min_minutes}",
            cycle.slug
        )));
    }
    let Some(Planned { plan, .. }) =
        plan(&state, &cycle, &s, import_id, min_minutes, assignments).await?
    else {
        return Ok(gone(&session, &lang.tr(), &cycle.slug, n));
    };
    let change = Change {
        source: Source::Import,
        by: Some(me.0.id),
        at: state.now(),
        note: Some(format!("import #{import_id}, {min_minutes} min")),
    };
    let reason = super::early_reason(&form);
    let applied =
        app_att::apply_import(&state.services, &s, import_id, plan, change, reason).await?;
    let Ok(changed) = applied else {
        super::refuse_early(&session);
        return Ok(see_other(&format!(
            "/admin/cycles/{}/sessions/{n}/import/{import_id}?min={min_minutes}",
            cycle.slug
        )));
    };
    flash::set(
        &session,
        if changed == 0 {
            "notice-unchanged"
        } else {
            "notice-attendance-saved"
        },
    );
    Ok(see_other(&format!(
        "/admin/cycles/{}/sessions/{n}/attendance",
        cycle.slug
    )))
}
