//! The roster per session: who attended, ticked by hand.

use actix_session::Session;
use actix_web::{http::StatusCode, web, Either, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::cycle_session;
use crate::app::attendance as app_att;
use crate::db::attendance::{Change, Source};
use crate::db::models::{Cycle, Session as CycleSession};
use crate::domain::text::{fold, latvian_cmp};
use crate::i18n::Tr;
use crate::web::auth::CurrentOrganiser;
use crate::web::confirm::{self, ConfirmPage};
use crate::web::error::AppResult;
use crate::web::flash;
use crate::web::lang::Lang;
use crate::web::pages::Frame;
use crate::web::pages::{organiser_frame, render_with_status, see_other};
use crate::web::AppState;

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
    /// Before the doors open: why a reason is needed to save.
    pub early: Option<String>,
    /// The last save was refused for being early, without a reason.
    pub early_refused: bool,
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
    let (slug, n) = path.into_inner();
    let (cycle, s) = cycle_session(&state, slug, n).await?;
    let frame = organiser_frame(&req, &session, &me.0);
    let mut page = roster_page(&state, frame, &session, lang.tr(), (&cycle, &s, n), &q).await?;
    // Said once, by a page that sent the organiser back here.
    page.upload_error = session
        .remove_as::<String>("upload_error")
        .and_then(Result::ok);
    Ok(page)
}

/// A session's roster page (filtered and sorted by `q`), without an upload
/// error: the roster itself and a refused upload both show it.
pub(super) async fn roster_page(
    state: &AppState,
    frame: Frame,
    session: &Session,
    t: Tr,
    (cycle, s, n): (&Cycle, &CycleSession, i32),
    q: &RosterQuery,
) -> AppResult<RosterPage> {
    let list = app_att::roster(&state.services, cycle, s).await?;
    let needle = fold(q.q.trim());
    let mut rows: Vec<RosterRow> = list
        .into_iter()
        .filter(|(r, _)| {
            needle.is_empty()
                || fold(&format!(
                    "{} {} {} {}",
                    r.first_name, r.last_name, r.institution, r.email
                ))
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
        // Stable: within an institution, people keep their Latvian name order.
        rows.sort_by(|a, b| latvian_cmp(&a.institution, &b.institution));
    }
    Ok(RosterPage {
        frame,
        slug: cycle.slug.clone(),
        cycle_title: cycle.title.clone(),
        n,
        session_title: s.title.clone(),
        when: t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), cycle.tz()),
        present_count: rows.iter().filter(|r| r.present).count(),
        rows,
        sort: q.sort.clone(),
        q: q.q.clone(),
        notice: flash::take(session, &t),
        upload_error: None,
        min_minutes: s.minutes().div_ceil(2),
        early: super::early_warning(&t, cycle, s, state.now()),
        early_refused: super::was_refused_early(session),
        tr: t,
    })
}

pub async fn save_roster(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<(String, i32)>,
    session: Session,
    lang: Lang,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<Either<ConfirmPage, HttpResponse>> {
    let (slug, n) = path.into_inner();
    let (cycle, s) = cycle_session(&state, slug, n).await?;
    let all = form.iter().any(|(k, v)| k == "action" && v == "all");
    if all && !confirm::confirmed(&form) {
        // Marking everyone overrides every unticked box: asked first.
        let t = lang.tr();
        let people = app_att::markable(&state.services, &cycle).await?;
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", people);
        args.set("n", n);
        args.set("session", s.title.clone());
        let mut hidden = vec![("action".to_string(), "all".to_string())];
        hidden.extend(super::early_reason(&form).map(|r| ("early_reason".to_string(), r)));
        let back = format!("/admin/cycles/{}/sessions/{n}/attendance", cycle.slug);
        return Ok(Either::Left(ConfirmPage {
            frame: organiser_frame(&req, &session, &me.0),
            caption: format!("{n}. {}", s.title),
            action: back.clone(),
            back,
            title: t.text("confirm-all-title"),
            text: t.args("confirm-all-text", &args),
            warning: None,
            hidden,
            button: t.text("confirm-all-button"),
            tr: t,
        }));
    }
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
    let reason = super::early_reason(&form);
    let back = format!("/admin/cycles/{}/sessions/{n}/attendance", cycle.slug);
    let ticked = present.clone();
    let saved =
        app_att::save_roster(&state.services, cycle.id, &s, present, all, change, reason).await?;
    let Ok(changed) = saved else {
        // Too early and no reason given: nothing saved, and the roster again
        // (422) with the boxes as ticked, so a long list is not ticked twice.
        let frame = organiser_frame(&req, &session, &me.0);
        let query = RosterQuery::default();
        let mut page =
            roster_page(&state, frame, &session, lang.tr(), (&cycle, &s, n), &query).await?;
        for row in &mut page.rows {
            row.present = all || ticked.contains(&row.id);
        }
        page.early_refused = true;
        let page = render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)?;
        return Ok(Either::Right(page));
    };
    flash::set(
        &session,
        if changed == 0 {
            "notice-unchanged"
        } else {
            "notice-attendance-saved"
        },
    );
    Ok(Either::Right(see_other(&back)))
}
