//! Public pages: the list of cycles, a cycle with its form, registering.

use actix_session::Session;
use actix_web::{http::StatusCode, web, HttpRequest, HttpResponse, Responder};

use super::error::{AppError, AppResult};
use super::forms::RegistrationForm;
use super::lang::Lang;
use super::pages::{
    frame, paragraphs, see_other, CycleCard, CyclePage, FilterOption, Frame, IndexFilters,
    IndexPage, LostLinkPage, RegisteredPage, SessionView,
};
use super::AppState;
use crate::db::models::Cycle;
use crate::db::organisations::Organisation;
use crate::domain::index_filter::{Choice, IndexFilter};
use crate::domain::registration::Answer;
use crate::domain::seats::Refusal;
use crate::domain::window::WindowState;
use crate::i18n::Tr;

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable")
        }
    }
}

/// No favicon: say so cheaply (browsers ask on every first visit).
pub async fn favicon() -> HttpResponse {
    HttpResponse::NoContent()
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .finish()
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(include_str!("../../templates/static/app.css"))
}

pub async fn index(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let t = lang.tr();
    let now = state.now();
    // Lenient on purpose: a hand-typed or mangled query string still shows
    // the page (bad bytes become U+FFFD and then match nothing).
    let filter =
        IndexFilter::from_pairs(url::form_urlencoded::parse(req.query_string().as_bytes()));
    let found = crate::app::index::index(&state.services, &filter).await?;
    let cards = found
        .cycles
        .iter()
        .map(|row| {
            let cy = &row.cycle;
            let state = cy.window_state(now);
            // A full cycle without a waiting list takes nobody: not "open".
            let open = state == WindowState::Open && (cy.seats_left() > 0 || cy.waitlist);
            let status = status_line(&t, cy, now);
            // "Full" once, not as the status and again as the seats.
            let seats = Some(seats_line(&t, cy, now))
                .filter(|s| *s != status)
                .unwrap_or_default();
            CycleCard {
                slug: cy.slug.clone(),
                title: cy.title.clone(),
                first_session: row
                    .first_session
                    .map(|f| t.date(f, cy.tz()))
                    .unwrap_or_default(),
                organised_by: row
                    .organisation
                    .as_ref()
                    .map(|(_, name)| t.with_one("cycle-organised-by", "organisation", name))
                    .unwrap_or_default(),
                seats,
                status,
                open,
            }
        })
        .collect();
    let option = |value: &str, label: String, chosen: &Choice| FilterOption {
        value: value.to_string(),
        label,
        selected: chosen.is(value),
    };
    let names = t.languages();
    let filters = IndexFilters {
        // A filter over one cycle is noise; a bad link still gets the way back.
        shown: found.published > 1,
        organisations: found
            .organisations
            .iter()
            .map(|(slug, name)| option(slug, name.clone(), &filter.organisation))
            .collect(),
        languages: found
            .languages
            .iter()
            .map(|code| {
                let name = names
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or_else(|| code.clone(), |(_, n)| n.clone());
                option(code, name, &filter.language)
            })
            .collect(),
        countries: found
            .countries
            .iter()
            .map(|code| {
                option(
                    code,
                    crate::domain::countries::name(code, t.code()),
                    &filter.country,
                )
            })
            .collect(),
        chosen: !filter.is_any(),
        nothing: found.published > 0 && found.cycles.is_empty(),
    };
    // The language switcher keeps the choice, but not whatever else was typed.
    let mut frame = frame(&req, &session);
    frame.query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(filter.pairs())
        .finish();
    if !frame.query.is_empty() {
        frame.query.push('&');
    }
    Ok(IndexPage {
        tr: t,
        frame,
        cycles: cards,
        filters,
    })
}

fn status_line(t: &Tr, cy: &Cycle, now: chrono::DateTime<chrono::Utc>) -> String {
    match cy.window_state(now) {
        WindowState::NotYetOpen => t.with(
            "cycle-opens-at",
            &[("when", &t.datetime(cy.window().opens, cy.tz()))],
        ),
        WindowState::Closed => t.text("cycle-closed"),
        WindowState::Open if cy.seats_left() == 0 && !cy.waitlist => t.text("summary-full"),
        WindowState::Open => t.with(
            "cycle-open-until",
            &[("when", &t.until(cy.window().closes, cy.tz()))],
        ),
    }
}

/// The seats as the summary says them: how many are left, or that it is
/// full and whether the waiting list takes more. Empty once closed.
fn seats_line(t: &Tr, cy: &Cycle, now: chrono::DateTime<chrono::Utc>) -> String {
    match (cy.window_state(now), cy.seats_left(), cy.waitlist) {
        (WindowState::Closed, _, _) => String::new(),
        (_, 0, true) => t.text("summary-full-waitlist"),
        (_, 0, false) => t.text("summary-full"),
        (_, n, _) => t.count("seats-left", i64::from(n)),
    }
}

/// "5 sessions, the first on …, the last on …".
fn dates_line(t: &Tr, cy: &Cycle, sessions: &[crate::db::models::Session]) -> String {
    let tz = cy.tz();
    match (sessions.first(), sessions.last()) {
        (Some(only), _) if sessions.len() == 1 => t.with_one(
            "summary-date-one",
            "when",
            &t.day(only.starts_at.and_utc(), tz),
        ),
        (Some(first), Some(last)) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", sessions.len());
            args.set("first", t.day(first.starts_at.and_utc(), tz));
            args.set("last", t.day(last.starts_at.and_utc(), tz));
            t.args("summary-dates", &args)
        }
        _ => String::new(),
    }
}

/// A cycle's pages, and a participant's, carry its organisation's name as
/// the site's (issue 11).
pub fn cycle_frame(mut f: Frame, owner: Option<&Organisation>) -> Frame {
    f.site_name = owner.map(|o| o.site_title().to_string());
    f
}

/// A cycle and its sessions (organisers see drafts too).
pub async fn cycle_with_sessions(
    state: &AppState,
    slug: String,
) -> AppResult<(Cycle, Vec<crate::db::models::Session>)> {
    crate::app::cycles::cycle_with_sessions(&state.services, slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// A published cycle; a draft is a 404 to the public.
async fn published_cycle(
    state: &AppState,
    slug: String,
) -> AppResult<crate::app::public_cycles::PublicCycle> {
    crate::app::cycles::public_cycle(&state.services, &slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// "Organised by …", "Together with …" and the partners on a cycle page;
/// the owner's contact where the cycle names none, and its privacy notice.
fn with_organisers(
    mut page: CyclePage,
    run_by: &crate::db::organisations::CycleOrganisers,
) -> CyclePage {
    let t = page.tr;
    let owner = run_by.owner.as_ref();
    page.organised_by = owner
        .map(|o| t.with_one("cycle-organised-by", "organisation", &o.name))
        .unwrap_or_default();
    page.co_organisers = run_by
        .co_organisers
        .iter()
        .map(|o| o.name.clone())
        .collect();
    page.partners = run_by.partners.clone();
    if let Some(o) = owner {
        if page.contact_email.trim().is_empty() {
            page.contact_email = o.contact_email.clone();
        }
        if page.contact_phone.trim().is_empty() {
            page.contact_phone = o.contact_phone.clone();
        }
    }
    page.privacy_href = super::privacy::notice_href(owner);
    page
}

#[allow(clippy::too_many_arguments)]
fn cycle_page(
    t: Tr,
    f: Frame,
    run_by: &crate::db::organisations::CycleOrganisers,
    cy: &Cycle,
    sessions: &[crate::db::models::Session],
    now: chrono::DateTime<chrono::Utc>,
    form: RegistrationForm,
    errors: super::forms::FieldErrors,
) -> CyclePage {
    let closed_reason = match cy.window_state(now) {
        WindowState::NotYetOpen => Some(t.with(
            "cycle-opens-at",
            &[("when", &t.datetime(cy.window().opens, cy.tz()))],
        )),
        WindowState::Closed => Some(t.text("cycle-closed")),
        WindowState::Open if cy.seats_left() == 0 && !cy.waitlist => Some(t.text("cycle-full")),
        WindowState::Open => None,
    };
    let waitlist_note =
        (closed_reason.is_none() && cy.seats_left() == 0).then(|| t.text("cycle-waitlist-note"));
    let zone_at = sessions
        .first()
        .map(|s| s.starts_at.and_utc())
        .unwrap_or(now);
    let page = CyclePage {
        audience: cy.audience.clone(),
        dates: dates_line(&t, cy, sessions),
        registration: status_line(&t, cy, now),
        seats_line: seats_line(&t, cy, now),
        contact_email: cy.contact_email.clone(),
        contact_phone: cy.contact_phone.clone(),
        slug: cy.slug.clone(),
        title: cy.title.clone(),
        description: paragraphs(&cy.description),
        zone: t.zone(cy.tz(), zone_at),
        sessions: sessions
            .iter()
            .map(|s| SessionView::new(&t, cy, s, false))
            .collect(),
        seats_left: t.count("seats-left", i64::from(cy.seats_left())),
        deadline: t.datetime(cy.window().closes, cy.tz()),
        min_sessions_note: if cy.outcome().key() != "none" && cy.min_sessions > 0 {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", cy.min_sessions);
            args.set("total", sessions.len());
            t.args(&format!("cycle-min-sessions-{}", cy.outcome().key()), &args)
        } else {
            String::new()
        },
        choice_slots: super::session_choices::form_slots(&t, cy, sessions, &form.more, &errors),
        closed_reason,
        waitlist_note,
        retention_line: super::privacy::retention_line(&t, cy, sessions),
        organised_by: String::new(),
        co_organisers: vec![],
        partners: vec![],
        privacy_href: String::new(),
        form,
        errors,
        questions: Vec::new(),
        countries: super::questions::countries(&t),
        tr: t,
        frame: f,
    };
    with_organisers(page, run_by)
}

pub async fn cycle(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<HttpResponse> {
    let found = published_cycle(&state, path.into_inner()).await?;
    let (cy, sessions, run_by) = (&*found.cycle, &found.sessions[..], &*found.run_by);
    let t = lang.or(cy.lang());
    let now = state.now();
    let mut f = cycle_frame(frame(&req, &session), run_by.owner.as_ref());
    let seats = t.count("seats-left", i64::from(cy.seats_left()));
    // The plain page (no query, no organiser) is the one a rush asks for:
    // kept as HTML per copy of the cycle, with holes for the token and the
    // seat count (`page_cache`).
    let plain = f.query.is_empty() && f.organiser.is_none() && f.path == cycle_path(cy);
    let key = plain.then(|| super::page_cache::PageKey {
        slug: cy.slug.clone(),
        generation: found.generation,
        tr: t,
        window: cy.window_state(now),
        full: cy.seats_left() == 0,
    });
    let pages = &state.cycle_pages;
    if let Some(kept) = key.as_ref().and_then(|k| pages.get(k)) {
        return Ok(html(kept.fill(&f.csrf, &seats)));
    }
    let csrf = std::mem::take(&mut f.csrf);
    if key.is_some() {
        f.csrf = pages.csrf_marker().to_string();
    } else {
        f.csrf.clone_from(&csrf);
    }
    let form = RegistrationForm {
        country: cy.country.clone(),
        ..Default::default()
    };
    let mut page = cycle_page(t, f, run_by, cy, sessions, now, form, Default::default());
    page.questions = super::questions::views(&t, cy, &found.questions, &[], &[]);
    let Some(key) = key else {
        return super::pages::render_with_status(StatusCode::OK, &page);
    };
    // The seat count, wherever the page says it, becomes a hole.
    if page.seats_line == page.seats_left {
        page.seats_line = pages.seats_marker().to_string();
    }
    page.seats_left = pages.seats_marker().to_string();
    let rendered = askama::Template::render(&page).map_err(|e| AppError::Internal(e.into()))?;
    Ok(html(pages.keep(key, &rendered).fill(&csrf, &seats)))
}

fn cycle_path(cy: &Cycle) -> String {
    format!("/cycles/{}", cy.slug)
}

fn html(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

pub async fn register(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let found = published_cycle(&state, path.into_inner()).await?;
    let (cy, sessions) = (&*found.cycle, &found.sessions[..]);
    let t = lang.or(cy.lang());
    let now = state.now();
    // Pairs, not a struct: a multiple-choice question repeats its field.
    let pairs = form.into_inner();
    let form =
        RegistrationForm::from_pairs(&pairs).ok_or(AppError::BadRequest("error-bad-request"))?;
    // The questions and who runs the cycle come with the copy (no query).
    let (asked, run_by) = (&*found.questions, &*found.run_by);
    // Language links on this page lead back to the cycle page (this URL only takes POSTs).
    let mut f = cycle_frame(frame(&req, &session), run_by.owner.as_ref());
    f.path = format!("/cycles/{}", cy.slug);
    // The form again, as typed and answered, with what is wrong: one page for
    // every refusal below.
    let form_again =
        |status: StatusCode,
         cy: &Cycle,
         sessions: &[crate::db::models::Session],
         form: RegistrationForm,
         errors,
         answer_problems: &[(String, crate::domain::questions::AnswerProblem)]| {
            let mut page = cycle_page(t, f.clone(), run_by, cy, sessions, now, form, errors);
            page.questions = super::questions::views(&t, cy, asked, &pairs, answer_problems);
            if status == StatusCode::CONFLICT {
                // The last seat went while this form was being filled in.
                page.closed_reason = Some(t.text("cycle-full"));
            }
            super::pages::render_with_status(status, &page)
        };
    let render = |status: StatusCode, form: RegistrationForm| {
        form_again(status, cy, sessions, form, Default::default(), &[])
    };
    if cy.window_state(now) != WindowState::Open {
        return render(StatusCode::FORBIDDEN, RegistrationForm::default());
    }
    // Only accepted registrations (and what a bot takes for one) spend the
    // address's allowance: the place is given back on every other answer.
    let address = state.client_key(&req);
    let place = state
        .limits
        .reserve_registration(&address)
        .ok_or(AppError::TooManyRequests)?;
    if form.is_bot() {
        // Say nothing useful to a bot; store nothing.
        tracing::info!("honeypot field filled; registration dropped");
        place.keep();
        return Ok(see_other(&format!("/cycles/{}/registered", cy.slug)));
    }
    let mut choice_errors = Default::default();
    let chosen = super::session_choices::parse(sessions, &form.more, &mut choice_errors);
    // The consent is to the notice the form links to: the owner's, if it
    // has its own, else the installation's.
    let parsed = form.parse(crate::domain::organisations::notice_version(
        run_by
            .owner
            .as_ref()
            .map(|o| o.privacy_notice_version.as_str()),
        &state.settings.privacy_notice_version,
    ));
    let answers = crate::domain::questions::answers(asked, &pairs);
    let applicant = match (parsed, answers) {
        (Ok(applicant), Ok(answers)) if choice_errors.is_empty() => {
            crate::domain::registration::Applicant {
                answers,
                ..applicant
            }
        }
        (parsed, answers) => {
            let mut errors = parsed.err().unwrap_or_default();
            for (field, key) in choice_errors.0 {
                errors.add(&field, &key);
            }
            return form_again(
                StatusCode::UNPROCESSABLE_ENTITY,
                cy,
                sessions,
                kept(&form),
                errors,
                &answers.err().unwrap_or_default(),
            );
        }
    };
    let outcome =
        crate::app::registration::register(&state.services, cy, sessions, applicant, chosen)
            .await?;
    // A known address is answered as a newcomer would be (rule 5).
    let answer = outcome.answer();
    let (key, position) = match answer {
        Answer::Seated {
            status: crate::domain::Status::Pending,
            ..
        } => ("registered-pending", 0),
        Answer::Seated { .. } => ("registered-confirmed", 0),
        Answer::Waitlisted { position } => ("registered-waitlisted", position),
        Answer::Refused(Refusal::Full) => return render(StatusCode::CONFLICT, kept(&form)),
        // The chosen workshop filled up while the form was being filled in:
        // the form again, with today's seats, asking for another one.
        Answer::Refused(Refusal::SessionFull { session_id }) => {
            let fresh = published_cycle(&state, cy.slug.clone()).await?;
            let (cy, sessions) = (&*fresh.cycle, &fresh.sessions[..]);
            let mut errors = super::forms::FieldErrors::default();
            if let Some(field) = super::session_choices::field_of(sessions, session_id) {
                errors.add(&field, "choice-full");
            }
            return form_again(
                StatusCode::UNPROCESSABLE_ENTITY,
                cy,
                sessions,
                kept(&form),
                errors,
                &[],
            );
        }
        Answer::Refused(_) => return render(StatusCode::FORBIDDEN, RegistrationForm::default()),
    };
    place.keep();
    // The address written to stays in this browser's session (never in a
    // URL), so the next page can repeat it, with the confirm-by time.
    let confirm_by = match answer {
        Answer::Seated { hold_until, .. } => hold_until.map(|until| until.timestamp()),
        _ => None,
    };
    let _ = session.insert(
        WROTE_TO,
        WroteTo {
            slug: cy.slug.clone(),
            email: form.email.trim().to_string(),
            confirm_by,
        },
    );
    // The outcome travels in the address, so a reload or a language switch
    // still shows it (it holds nothing personal).
    let outcome = key.trim_start_matches("registered-");
    let position = if position > 0 {
        format!("&position={position}")
    } else {
        String::new()
    };
    Ok(see_other(&format!(
        "/cycles/{}/registered?outcome={outcome}{position}",
        cy.slug
    )))
}

/// What was typed, kept for the form, but never more than a sane amount.
fn kept(form: &RegistrationForm) -> RegistrationForm {
    let mut kept = form.clone();
    for v in [
        &mut kept.first_name,
        &mut kept.last_name,
        &mut kept.email,
        &mut kept.phone,
        &mut kept.institution,
        &mut kept.position,
        &mut kept.region,
        &mut kept.country,
    ] {
        *v = super::forms::keep(v);
    }
    kept.more = super::session_choices::kept(&form.more);
    kept
}

/// The session key of the address the last registration wrote to.
const WROTE_TO: &str = "registered";

/// What the last registration in this browser wrote to, and until when an
/// unconfirmed seat is held (Unix seconds).
#[derive(serde::Serialize, serde::Deserialize)]
struct WroteTo {
    slug: String,
    email: String,
    confirm_by: Option<i64>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct OutcomeQuery {
    pub outcome: String,
    pub position: u32,
}

pub async fn registered(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    q: Option<web::Query<OutcomeQuery>>,
) -> AppResult<impl Responder> {
    let found = published_cycle(&state, path.into_inner()).await?;
    let cy = &*found.cycle;
    let owner = found.run_by.owner.as_ref();
    let t = lang.or(cy.lang());
    let q = q.map(web::Query::into_inner).unwrap_or_default();
    let (outcome, position) = match q.outcome.as_str() {
        "pending" | "confirmed" | "again" => (format!("registered-{}", q.outcome), 0),
        "waitlisted" if q.position > 0 => ("registered-waitlisted".to_string(), q.position),
        _ => ("registered-check-email".to_string(), 0),
    };
    // What this browser registered in this cycle: the address, and by when
    // to confirm it.
    let (email, confirm_by) = match session.get::<WroteTo>(WROTE_TO).ok().flatten() {
        Some(wrote) if wrote.slug == cy.slug => (
            wrote.email,
            wrote
                .confirm_by
                .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
                .map(|at| t.until(at, cy.tz()))
                .unwrap_or_default(),
        ),
        _ => (String::new(), String::new()),
    };
    Ok(RegisteredPage {
        tr: t,
        frame: cycle_frame(frame(&req, &session), owner),
        slug: cy.slug.clone(),
        title: cy.title.clone(),
        waitlisted: outcome == "registered-waitlisted",
        outcome,
        position: i64::from(position),
        email,
        confirm_by,
    })
}

pub async fn lost_link_form(lang: Lang, req: HttpRequest, session: Session) -> impl Responder {
    LostLinkPage {
        tr: lang.tr(),
        frame: frame(&req, &session),
        email: String::new(),
        error: None,
        sent: false,
    }
}

#[derive(serde::Deserialize)]
pub struct LostLinkForm {
    #[serde(default)]
    email: String,
}

/// "Lost your link?": the same answer whether or not the address is
/// registered; the link goes only to the address itself.
pub async fn lost_link(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<LostLinkForm>,
) -> AppResult<HttpResponse> {
    if !state.limits.allow_lost_link(&state.client_key(&req)) {
        return Err(AppError::TooManyRequests);
    }
    let typed = super::forms::keep(&form.email);
    let mut page = LostLinkPage {
        tr: lang.tr(),
        frame: frame(&req, &session),
        email: typed.clone(),
        error: None,
        sent: false,
    };
    let error = if typed.trim().is_empty() {
        Some("field-required-email")
    } else {
        match crate::domain::Email::parse(typed.trim()) {
            Ok(email) => {
                crate::app::registration::send_links_again(&state.services, email).await?;
                None
            }
            Err(_) => Some("field-email-invalid"),
        }
    };
    match error {
        Some(key) => {
            page.error = Some(key);
            super::pages::render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        None => {
            page.sent = true;
            super::pages::render_with_status(StatusCode::OK, &page)
        }
    }
}
