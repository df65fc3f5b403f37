//! Attendance: the roster per session, door check-in by QR code, Zoom report
//! import with a preview, the matrix, eligibility, and the audit trail.

use std::collections::{BTreeMap, HashMap};

use actix_multipart::form::{bytes::Bytes as UploadBytes, MultipartForm};
use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::admin::csv_response;
use super::auth::CurrentOrganiser;
use super::error::{AppError, AppResult};
use super::lang::Lang;
use super::pages::Frame;
use super::public::{cycle_with_sessions, organiser_frame, see_other};
use super::AppState;
use crate::app::attendance::{self as app_att, PlanProblem, Planned};
use crate::db::attendance::{self as att, Change, Source};
use crate::db::models::{Cycle, Registration, Session as CycleSession};
use crate::domain::eligibility::Standing;
use crate::domain::zoom::{self, Assignment, MatchedBy};
use crate::domain::Status;
use crate::i18n::Tr;
use crate::tokens::Purpose;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/cycles/{slug}/attendance", web::get().to(matrix))
        .route(
            "/admin/cycles/{slug}/eligibility.csv",
            web::get().to(eligibility_csv),
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

fn session_no(sessions: &[CycleSession], n: i32) -> AppResult<CycleSession> {
    sessions
        .iter()
        .find(|s| s.position == n)
        .cloned()
        .ok_or(AppError::NotFound)
}

// ---------------------------------------------------------------- roster

pub struct RosterRow {
    pub id: i32,
    pub name: String,
    pub institution: String,
    pub present: bool,
    pub source: String,
    pub minutes: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/roster.html")]
pub struct RosterPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub cycle_title: String,
    pub n: i32,
    pub session_title: String,
    pub when: String,
    pub rows: Vec<RosterRow>,
    pub present_count: usize,
    pub sort: String,
    pub q: String,
    pub notice: Option<String>,
    pub upload_error: Option<String>,
    pub min_minutes: u32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RosterQuery {
    pub sort: String,
    pub q: String,
}

pub async fn roster(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    q: web::Query<RosterQuery>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let (slug, n) = path.into_inner();
    let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
    let s = session_no(&sessions, n)?;
    let (cid, sid) = (cycle.id, s.id);
    let list = state.db.read(move |c| att::roster(c, cid, sid)).await?;
    let needle = q.q.trim().to_lowercase();
    let mut rows: Vec<RosterRow> = list
        .into_iter()
        .filter(|(r, _)| {
            needle.is_empty()
                || format!(
                    "{} {} {} {}",
                    r.first_name, r.last_name, r.institution, r.email
                )
                .to_lowercase()
                .contains(&needle)
        })
        .map(|(r, a)| RosterRow {
            id: r.id,
            name: format!("{} {}", r.last_name, r.first_name),
            institution: r.institution.clone(),
            present: a.as_ref().is_some_and(|a| a.present),
            source: a
                .as_ref()
                .map(|a| t.keyed("source-", a.source.as_str()))
                .unwrap_or_default(),
            minutes: a
                .as_ref()
                .and_then(|a| a.minutes)
                .map(|m| m.to_string())
                .unwrap_or_default(),
        })
        .collect();
    if q.sort == "institution" {
        rows.sort_by(|a, b| {
            a.institution
                .to_lowercase()
                .cmp(&b.institution.to_lowercase())
                .then(a.name.cmp(&b.name))
        });
    }
    let notice = session
        .remove_as::<String>("notice")
        .and_then(Result::ok)
        .map(|k| t.text(&k));
    let upload_error = session
        .remove_as::<String>("upload_error")
        .and_then(Result::ok);
    Ok(RosterPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        cycle_title: cycle.title.clone(),
        n,
        session_title: s.title.clone(),
        when: t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), cycle.tz()),
        present_count: rows.iter().filter(|r| r.present).count(),
        rows,
        sort: q.sort.clone(),
        q: q.q.clone(),
        notice,
        upload_error,
        min_minutes: s.minutes().div_ceil(2),
        tr: t,
    })
}

pub async fn save_roster(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (slug, n) = path.into_inner();
    let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
    let s = session_no(&sessions, n)?;
    let all = form.iter().any(|(k, v)| k == "action" && v == "all");
    let present: Vec<i32> = form
        .iter()
        .filter(|(k, _)| k == "present")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let change = Change {
        source: Source::Manual,
        by: Some(me.0.id),
        at: state.now(),
        note: None,
    };
    let changed =
        app_att::save_roster(&state.services, cycle.id, s.id, present, all, change).await?;
    let _ = session.insert(
        "notice",
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

// ---------------------------------------------------------------- Zoom import

#[derive(MultipartForm)]
pub struct UploadForm {
    #[multipart(limit = "10MiB")]
    pub report: UploadBytes,
}

pub async fn upload(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    lang: Lang,
    form: Result<MultipartForm<UploadForm>, actix_web::Error>,
) -> AppResult<HttpResponse> {
    let t = lang.tr();
    let (slug, n) = path.into_inner();
    let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
    let s = session_no(&sessions, n)?;
    let back = format!("/admin/cycles/{}/sessions/{n}/attendance", cycle.slug);
    let Ok(form) = form else {
        let _ = session.insert("upload_error", t.text("import-error-no-file"));
        return Ok(see_other(&back));
    };
    let bytes = form.report.data.to_vec();
    // Read it once now, so a file that is not a report is refused at once.
    if let Err(e) = zoom::read_report(&bytes) {
        let _ = session.insert("upload_error", t.report_problem(&e));
        return Ok(see_other(&back));
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
    pub present: Vec<PlanRow>,
    pub absent: Vec<PlanRow>,
    pub unmatched: Vec<UnmatchedRow>,
    pub people: Vec<(i32, String)>,
    pub already_applied: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PreviewQuery {
    pub min: Option<u32>,
}

/// A stored report planned against the roster; a missing upload is a 404,
/// a file that is no report a 400.
async fn plan(
    state: &AppState,
    cycle: &Cycle,
    s: &CycleSession,
    import_id: i32,
    min_minutes: u32,
    assignments: Vec<Assignment>,
) -> AppResult<Planned> {
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
        Ok(planned) => Ok(planned),
        Err(PlanProblem::NoSuchImport) => Err(AppError::NotFound),
        Err(PlanProblem::NotAReport) => Err(AppError::BadRequest("import-error-not-zoom-report")),
    }
}

pub async fn preview(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32, i32)>,
    q: web::Query<PreviewQuery>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let (slug, n, import_id) = path.into_inner();
    let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
    let s = session_no(&sessions, n)?;
    // Rule 7: by default half the session's length.
    let min_minutes = q.min.unwrap_or(s.minutes().div_ceil(2)).min(24 * 60);
    let Planned {
        plan,
        people,
        present_now,
        import,
    } = plan(&state, &cycle, &s, import_id, min_minutes, vec![]).await?;
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
    Ok(PreviewPage {
        frame: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        n,
        session_title: s.title.clone(),
        import_id,
        filename: import.filename.clone(),
        min_minutes,
        present: plan.present.iter().map(row).collect(),
        absent: plan.absent.iter().map(row).collect(),
        unmatched: plan
            .unmatched
            .iter()
            .enumerate()
            .map(|(index, p)| UnmatchedRow {
                index,
                key: p.key.clone(),
                name: p.display_name.clone(),
                email: p.email.clone().unwrap_or_default(),
                minutes: p.minutes,
            })
            .collect(),
        people: people
            .iter()
            .map(|r| {
                (
                    r.id,
                    format!("{} {} — {}", r.last_name, r.first_name, r.institution),
                )
            })
            .collect(),
        already_applied: import.applied_at.is_some(),
        tr: t,
    })
}

pub async fn apply(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let (slug, n) = path.into_inner();
    let (cycle, sessions) = cycle_with_sessions(&state, slug).await?;
    let s = session_no(&sessions, n)?;
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
    let Planned { plan, .. } =
        plan(&state, &cycle, &s, import_id, min_minutes, assignments).await?;
    let change = Change {
        source: Source::Import,
        by: Some(me.0.id),
        at: state.now(),
        note: Some(format!("import #{import_id}, {min_minutes} min")),
    };
    let changed = app_att::apply_import(&state.services, s.id, import_id, plan, change).await?;
    let _ = session.insert(
        "notice",
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

// ---------------------------------------------------------------- matrix

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
    me: CurrentOrganiser,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let (cycle, sessions) = cycle_with_sessions(&state, path.into_inner()).await?;
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let cid = cycle.id;
    let (rows, totals) = state
        .db
        .read(move |c| Ok((att::matrix(c, cid)?, att::totals(c, &ids)?)))
        .await?;
    let now = state.now();
    let ends: Vec<(i32, DateTime<Utc>)> = sessions
        .iter()
        .map(|s| (s.id, s.ends_at.and_utc()))
        .collect();
    let lines: Vec<MatrixLine> = rows
        .into_iter()
        .map(|row| {
            let standing = Standing::of(&ends, &row.present, cycle.min_sessions as u32, now);
            MatrixLine {
                id: row.registration.id,
                name: format!(
                    "{} {}",
                    row.registration.last_name, row.registration.first_name
                ),
                institution: row.registration.institution.clone(),
                marks: standing.marks.iter().map(|m| m.as_str()).collect(),
                attended: standing.attended,
                verdict: t.keyed("verdict-", standing.verdict.as_str()),
                verdict_key: standing.verdict.as_str(),
            }
        })
        .collect();
    let notice = session
        .remove_as::<String>("notice")
        .and_then(Result::ok)
        .map(|k| t.text(&k));
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

pub async fn eligibility_csv(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (cycle, _) = cycle_with_sessions(&state, path.into_inner()).await?;
    let list = app_att::eligibility_list(&state.services, &cycle).await?;
    Ok(csv_response(
        &format!("{}-eligibility.csv", cycle.slug),
        crate::app::exports::eligibility_csv(&list)?,
    ))
}

/// Tells every eligible participant once; pressing again sends nothing new.
pub async fn notify_eligible(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<String>,
    session: Session,
) -> AppResult<HttpResponse> {
    let (cycle, _) = cycle_with_sessions(&state, path.into_inner()).await?;
    let sent = app_att::notify_eligible(&state.services, &cycle).await?;
    let _ = session.insert(
        "notice",
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

// ---------------------------------------------------------------- audit

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

// ---------------------------------------------------------------- check-in

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
    let f = super::participant::find_by_token(state, Purpose::Checkin, code).await?;
    Ok((f.reg, f.cycle, f.sessions, f.present))
}

/// The session running now, or about to start (doors open an hour early).
fn current_session(sessions: &[CycleSession], now: DateTime<Utc>) -> Option<i32> {
    sessions
        .iter()
        .find(|s| {
            s.starts_at.and_utc() - chrono::Duration::hours(1) <= now && now <= s.ends_at.and_utc()
        })
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
    let message = session
        .remove_as::<String>("notice")
        .and_then(Result::ok)
        .map(|k| t.text(&k));
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
        let _ = session.insert("notice", "checkin-refused-other-cycle");
        return Ok(see_other(&back));
    }
    let n: i32 = form
        .session
        .parse()
        .ok()
        .or_else(|| current_session(&sessions, state.now()))
        .unwrap_or(0);
    let Some(s) = sessions.iter().find(|s| s.position == n) else {
        let _ = session.insert("notice", "checkin-choose-session");
        return Ok(see_other(&back));
    };
    if reg.status() != Status::Confirmed {
        let _ = session.insert("notice", "checkin-not-confirmed");
        return Ok(see_other(&back));
    }
    let change = Change {
        source: Source::Checkin,
        by: Some(me.0.id),
        at: state.now(),
        note: None,
    };
    let changed = app_att::check_in(&state.services, reg.id, s.id, change).await?;
    let _ = session.insert(
        "notice",
        if changed {
            "checkin-done"
        } else {
            "checkin-already"
        },
    );
    Ok(see_other(&back))
}
