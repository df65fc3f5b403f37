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

use super::admin::{csv_cell, csv_response};
use super::auth::CurrentOrganiser;
use super::error::{AppError, AppResult};
use super::lang::Lang;
use super::pages::Frame;
use super::public::{cycle_with_sessions, organiser_frame, see_other};
use super::AppState;
use crate::db::attendance::{self as att, Change, Source};
use crate::db::models::{Cycle, Registration, Session as CycleSession};
use crate::db::{cycles, registrations, AnyConnection, DbResult};
use crate::domain::eligibility::{self, Verdict};
use crate::domain::zoom::{self, Assignment, Candidate, MatchPlan, MatchedBy, ReportError};
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

/// One participant's standing, as the matrix and `eligibility.csv` show it.
pub struct Standing {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub institution: String,
    pub attended: u32,
    pub verdict: Verdict,
}

fn remaining(sessions: &[CycleSession], now: DateTime<Utc>) -> u32 {
    eligibility::sessions_remaining(sessions.iter().map(|s| s.ends_at.and_utc()), now)
}

/// The eligibility list, counted by the database in one query.
pub fn standings(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    now: DateTime<Utc>,
) -> DbResult<Vec<Standing>> {
    let sessions = cycles::sessions_of(conn, cycle.id)?;
    let left = remaining(&sessions, now);
    Ok(att::attended_counts(conn, cycle.id)?
        .into_iter()
        .map(
            |(id, first_name, last_name, email, institution, n)| Standing {
                id,
                first_name,
                last_name,
                email,
                institution,
                attended: n as u32,
                verdict: eligibility::verdict(n as u32, left, cycle.min_sessions as u32),
            },
        )
        .collect())
}

pub fn eligibility_csv_bytes(list: &[Standing]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record([
        "first_name",
        "last_name",
        "email",
        "institution",
        "attended",
        "eligible",
    ])?;
    for s in list {
        w.write_record([
            csv_cell(&s.first_name),
            csv_cell(&s.last_name),
            csv_cell(&s.email),
            csv_cell(&s.institution),
            s.attended.to_string(),
            if s.verdict == Verdict::Eligible {
                "yes".into()
            } else {
                "no".into()
            },
        ])?;
    }
    Ok(w.into_inner()?)
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
    pub t: Tr,
    pub f: Frame,
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
                .map(|a| t.tk("source-", &a.source))
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
        .map(|k| t.t(&k));
    let upload_error = session
        .remove_as::<String>("upload_error")
        .and_then(Result::ok);
    Ok(RosterPage {
        f: organiser_frame(&req, &session, &me.0),
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
        t,
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
    let mut present: Vec<i32> = form
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
    let (cid, sid) = (cycle.id, s.id);
    let changed = state
        .db
        .write(move |c| {
            if all {
                present = att::confirmed(c, cid)?.into_iter().map(|r| r.id).collect();
            }
            att::save_roster(c, cid, sid, &present, &change)
        })
        .await?;
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
        let _ = session.insert("upload_error", t.t("import-error-no-file"));
        return Ok(see_other(&back));
    };
    let bytes = form.report.data.to_vec();
    // Read it once now, so a file that is not a report is refused at once.
    if let Err(e) = zoom::read_report(&bytes) {
        let _ = session.insert("upload_error", report_error(&t, &e));
        return Ok(see_other(&back));
    }
    let filename = form
        .report
        .file_name
        .clone()
        .unwrap_or_else(|| "report.csv".into());
    let (sid, by, now) = (s.id, me.0.id, state.now());
    let id = state
        .db
        .write(move |c| att::store_import(c, sid, by, &filename, &bytes, now))
        .await?;
    Ok(see_other(&format!(
        "/admin/cycles/{}/sessions/{n}/import/{id}",
        cycle.slug
    )))
}

pub fn report_error(t: &Tr, e: &ReportError) -> String {
    match e {
        ReportError::BadRow { line, reason } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("line", *line);
            args.set("problem", t.tk("import-row-", reason.as_str()));
            t.args("import-error-bad-row", &args)
        }
        other => t.tk("import-error-", other.as_str()),
    }
}

fn candidates(people: &[Registration]) -> Vec<Candidate> {
    people
        .iter()
        .map(|r| Candidate {
            registration_id: r.id,
            email: r.email_normalised.clone(),
            full_name: r.full_name(),
        })
        .collect()
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
    pub t: Tr,
    pub f: Frame,
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

struct Planned {
    plan: MatchPlan,
    people: Vec<Registration>,
    present_now: Vec<i32>,
    import: att::StoredImport,
}

async fn plan(
    state: &AppState,
    cycle: &Cycle,
    s: &CycleSession,
    import_id: i32,
    min_minutes: u32,
    assignments: Vec<Assignment>,
) -> AppResult<Planned> {
    let (cid, sid) = (cycle.id, s.id);
    let (import, roster) = state
        .db
        .read(move |c| {
            Ok((
                att::load_import(c, import_id, sid)?,
                att::roster(c, cid, sid)?,
            ))
        })
        .await?;
    let import = import.ok_or(AppError::NotFound)?;
    let report = zoom::read_report(&import.content)
        .map_err(|_| AppError::BadRequest("import-error-not-zoom-report"))?;
    let people: Vec<Registration> = roster.iter().map(|(r, _)| r.clone()).collect();
    let present_now = roster
        .iter()
        .filter(|(_, a)| a.as_ref().is_some_and(|a| a.present))
        .map(|(r, _)| r.id)
        .collect();
    let persons = zoom::sum_by_person(&report.rows);
    let plan = zoom::plan_import_with(&persons, &candidates(&people), min_minutes, &assignments);
    Ok(Planned {
        plan,
        people,
        present_now,
        import,
    })
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
        matched_by: t.tk(
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
        f: organiser_frame(&req, &session, &me.0),
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
        t,
    })
}

/// Writes a plan. Import only ever marks present; people below the threshold
/// keep whatever they had (their minutes are recorded when they had nothing).
pub fn apply_plan(
    conn: &mut AnyConnection,
    session_id: i32,
    plan: &MatchPlan,
    change: &Change,
) -> DbResult<usize> {
    let present_now = att::present_sessions_of_session(conn, session_id)?;
    let mut changed = 0;
    for m in &plan.present {
        if att::set(
            conn,
            m.registration_id,
            session_id,
            true,
            Some(m.minutes as i32),
            change,
        )? {
            changed += 1;
        }
    }
    for m in plan
        .absent
        .iter()
        .filter(|m| m.matched_by != MatchedBy::NotInReport)
    {
        if !present_now.contains(&m.registration_id)
            && att::set(
                conn,
                m.registration_id,
                session_id,
                false,
                Some(m.minutes as i32),
                change,
            )?
        {
            changed += 1;
        }
    }
    Ok(changed)
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
    let sid = s.id;
    let changed = state
        .db
        .write(move |c| {
            let n = apply_plan(c, sid, &plan, &change)?;
            att::mark_import_applied(c, import_id, change.at)?;
            Ok(n)
        })
        .await?;
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
    pub t: Tr,
    pub f: Frame,
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
    let left = remaining(&sessions, now);
    let lines: Vec<MatrixLine> = rows
        .into_iter()
        .map(|row| {
            let marks: Vec<&'static str> = sessions
                .iter()
                .map(|s| match row.present.contains(&s.id) {
                    true => "present",
                    false if s.ends_at.and_utc() > now => "upcoming",
                    false => "absent",
                })
                .collect();
            let attended = marks.iter().filter(|m| **m == "present").count() as u32;
            let v = eligibility::verdict(attended, left, cycle.min_sessions as u32);
            MatrixLine {
                id: row.registration.id,
                name: format!(
                    "{} {}",
                    row.registration.last_name, row.registration.first_name
                ),
                institution: row.registration.institution.clone(),
                marks,
                attended,
                verdict: t.tk("verdict-", v.as_str()),
                verdict_key: v.as_str(),
            }
        })
        .collect();
    let notice = session
        .remove_as::<String>("notice")
        .and_then(Result::ok)
        .map(|k| t.t(&k));
    Ok(MatrixPage {
        f: organiser_frame(&req, &session, &me.0),
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
        t,
    })
}

pub async fn eligibility_csv(
    state: web::Data<AppState>,
    _me: CurrentOrganiser,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (cycle, _) = cycle_with_sessions(&state, path.into_inner()).await?;
    let now = state.now();
    let cy = cycle.clone();
    let list = state.db.read(move |c| standings(c, &cy, now)).await?;
    Ok(csv_response(
        &format!("{}-eligibility.csv", cycle.slug),
        eligibility_csv_bytes(&list)?,
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
    let now = state.now();
    let composer = state.composer.clone();
    let cy = cycle.clone();
    let sent = state
        .db
        .write(move |c| {
            let sessions = cycles::sessions_of(c, cy.id)?;
            let mut sent = 0;
            for s in standings(c, &cy, now)?
                .into_iter()
                .filter(|s| s.verdict == Verdict::Eligible)
            {
                if crate::db::outbox::exists(c, &format!("grant-eligible:{}", s.id))? {
                    continue;
                }
                let Some(reg) = registrations::by_id(c, s.id)? else {
                    continue;
                };
                let msg = crate::db::registrations::Compose::compose(
                    composer.as_ref(),
                    registrations::Notice::GrantEligible,
                    &cy,
                    &sessions,
                    &reg,
                    now,
                );
                registrations::enqueue(c, msg)?;
                sent += 1;
            }
            Ok(sent)
        })
        .await?;
    state.mail_wake.notify_one();
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
    pub t: Tr,
    pub f: Frame,
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
    let found = state
        .db
        .read(move |c| {
            let Some(reg) = registrations::by_id(c, id)? else {
                return Ok(None);
            };
            let cycle = cycles::by_id(c, reg.cycle_id)?;
            let sessions = cycles::sessions_of(c, cycle.id)?;
            let entries = att::audit_of(c, id)?;
            let present = att::present_sessions(c, id)?;
            let organisers: BTreeMap<i32, String> = crate::db::organisers::all(c)?
                .into_iter()
                .map(|o| (o.id, o.name))
                .collect();
            Ok(Some((reg, cycle, sessions, entries, present, organisers)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let (reg, cycle, sessions, entries, present, organisers) = found;
    let tz = cycle.tz();
    let attended = present.len() as u32;
    let verdict = if reg.status() == Status::Confirmed {
        eligibility::verdict(
            attended,
            remaining(&sessions, now),
            cycle.min_sessions as u32,
        )
    } else {
        Verdict::NoLongerPossible
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("attended", attended);
    args.set("total", sessions.len());
    args.set("min", cycle.min_sessions);
    args.set("verdict", t.tk("verdict-", verdict.as_str()));
    args.set("status", t.tk("status-", reg.status().as_str()));
    let summary = t.args("audit-summary", &args);
    let yes_no = |p: Option<bool>| match p {
        Some(true) => t.t("attendance-present"),
        Some(false) => t.t("attendance-absent"),
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
            source: t.tk("source-", &e.source),
            minutes: e.minutes.map(|m| m.to_string()).unwrap_or_default(),
            by: e
                .changed_by
                .and_then(|id| organisers.get(&id).cloned())
                .unwrap_or_default(),
            note: e.note.unwrap_or_default(),
        })
        .collect();
    Ok(AuditPage {
        f: organiser_frame(&req, &session, &me.0),
        slug: cycle.slug.clone(),
        name: reg.full_name(),
        summary,
        lines,
        t,
    })
}

// ---------------------------------------------------------------- check-in

#[derive(Template, WebTemplate)]
#[template(path = "admin/checkin.html")]
pub struct CheckinPage {
    pub t: Tr,
    pub f: Frame,
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
        t.a(
            "checkin-wrong-cycle",
            &[("cycle", &cycle.title), ("expected", &slug)],
        )
    });
    let now_n = current_session(&sessions, state.now());
    let message = session
        .remove_as::<String>("notice")
        .and_then(Result::ok)
        .map(|k| t.t(&k));
    Ok(CheckinPage {
        f: organiser_frame(&req, &session, &me.0),
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
        t,
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
    let (rid, sid) = (reg.id, s.id);
    let changed = state
        .db
        .write(move |c| att::set(c, rid, sid, true, None, &change))
        .await?;
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

// ---------------------------------------------------------------- command line

fn open_cycle(
    settings: &crate::config::Settings,
    slug: &str,
) -> anyhow::Result<(crate::db::Db, Cycle, Vec<CycleSession>)> {
    let db = crate::cli::open(settings)?;
    let slug_s = slug.to_string();
    let found = db.read_now(|c| {
        let Some(cy) = cycles::by_slug(c, &slug_s)? else {
            return Ok(None);
        };
        let s = cycles::sessions_of(c, cy.id)?;
        Ok(Some((cy, s)))
    })?;
    let (cycle, sessions) = found.ok_or_else(|| anyhow::anyhow!("no cycle with slug {slug}"))?;
    Ok((db, cycle, sessions))
}

pub fn cli_import(
    settings: &crate::config::Settings,
    slug: &str,
    n: i64,
    min_minutes: Option<u32>,
    dry_run: bool,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let en = Tr::new(crate::domain::Language::En);
    let (db, cycle, sessions) = open_cycle(settings, slug)?;
    let s = sessions
        .iter()
        .find(|s| i64::from(s.position) == n)
        .ok_or_else(|| anyhow::anyhow!("cycle {slug} has no session {n}"))?;
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = zoom::read_report(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), report_error(&en, &e)))?;
    let threshold = min_minutes.unwrap_or(s.minutes().div_ceil(2));
    let (cid, sid) = (cycle.id, s.id);
    let people = db.read_now(|c| att::confirmed(c, cid))?;
    let plan = zoom::plan_import(
        &zoom::sum_by_person(&report.rows),
        &candidates(&people),
        threshold,
    );
    let name = |id: i32| {
        people
            .iter()
            .find(|r| r.id == id)
            .map(Registration::full_name)
            .unwrap_or_default()
    };
    println!("Session {n}: {} (threshold {threshold} min)", s.title);
    println!("present ({}):", plan.present.len());
    for m in &plan.present {
        println!("  {} — {} min", name(m.registration_id), m.minutes);
    }
    println!("absent ({}):", plan.absent.len());
    for m in &plan.absent {
        println!("  {} — {} min", name(m.registration_id), m.minutes);
    }
    println!("unmatched in the report ({}):", plan.unmatched.len());
    for p in &plan.unmatched {
        println!(
            "  {} <{}> — {} min",
            p.display_name,
            p.email.clone().unwrap_or_default(),
            p.minutes
        );
    }
    if dry_run {
        println!("dry run: nothing written");
        return Ok(());
    }
    let change = Change {
        source: Source::Import,
        by: None,
        at: Utc::now(),
        note: Some(format!("cli import {}, {threshold} min", file.display())),
    };
    let changed = db.write_now(|c| apply_plan(c, sid, &plan, &change))?;
    println!("{changed} attendance marks changed");
    Ok(())
}

pub fn cli_eligibility(settings: &crate::config::Settings, slug: &str) -> anyhow::Result<()> {
    let (db, cycle, _) = open_cycle(settings, slug)?;
    let list = db.read_now(|c| standings(c, &cycle, Utc::now()))?;
    use std::io::Write;
    std::io::stdout().write_all(&eligibility_csv_bytes(&list)?)?;
    Ok(())
}
