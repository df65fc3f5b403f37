//! The participant's own page, reached only through their secret link.
//! GET never changes anything (mail scanners pre-fetch links); the buttons POST.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};

use super::error::{AppError, AppResult};
use super::flash;
use super::lang::Lang;
use super::pages::{frame, see_other};
use super::pages::{AttendanceMark, CancelPage, GrantLine, ParticipantPage, SessionView};
use super::public::cycle_frame;
use super::AppState;
use crate::db::models::Registration;
use crate::db::registrations;
use crate::domain::eligibility::{Mark, Verdict};
use crate::domain::Status;
use crate::i18n::Tr;
use crate::tokens::{Keys, Purpose};

use crate::app::attendance::Record;

/// Loads the registration a participant's link opens.
pub async fn find(state: &AppState, token: &str) -> AppResult<Record> {
    find_by_token(state, Purpose::Participant, token).await
}

/// Loads the registration a token of `purpose` opens (a participant's link, a
/// door check-in code); anything else is a plain 404, so a guess learns nothing.
pub async fn find_by_token(state: &AppState, purpose: Purpose, token: &str) -> AppResult<Record> {
    let id = Keys::claimed_id(token).ok_or(AppError::NotFound)?;
    let found = crate::app::attendance::record(&state.services, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !state.keys.verify(purpose, token, &found.reg.token_nonce) {
        return Err(AppError::NotFound);
    }
    Ok(found)
}

pub async fn page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let token = path.into_inner();
    let record = find(&state, &token).await?;
    let Record {
        reg,
        cycle,
        sessions,
        owner,
        ..
    } = &record;
    let t = lang.or(reg.lang());
    let now = state.now();
    let status = reg.status();
    let tz = cycle.tz();
    let status_line = match status {
        Status::Pending => t.with(
            "status-pending-line",
            &[(
                "until",
                &reg.hold_expires_at
                    .map(|h| t.until(h.and_utc(), tz))
                    .unwrap_or_default(),
            )],
        ),
        Status::Waitlisted => {
            let r = reg.clone();
            let n = state
                .db
                .read(move |c| registrations::waitlist_position(c, &r))
                .await?;
            t.count("status-waitlisted-line", i64::from(n))
        }
        other => t.text(&format!("status-{}-line", other.as_str())),
    };
    let standing = record.standing(now);
    let outcome = cycle.outcome();
    // Progress shows for every cycle; its words follow what the rule earns.
    let eligibility_line = if status == Status::Confirmed && !sessions.is_empty() {
        t.progress(outcome.key(), &standing)
    } else {
        String::new()
    };
    let grant = match cycle.grant_call() {
        Some(_) if status == Status::Confirmed => {
            let applying = crate::app::grants::applying(&state.services, &record).await?;
            grant_line(&t, &applying)
        }
        _ => None,
    };
    let certificate = outcome.certificate_earned(status, &standing);
    // Only someone the emails are about can stop them: a confirmed
    // participant of a cycle that sends them and earns something.
    let progress_choice = status == Status::Confirmed
        && cycle.progress_emails
        && outcome.earns_something()
        && standing.verdict != Verdict::Eligible
        && standing.remaining > 0;
    let attendance = sessions
        .iter()
        .zip(&standing.marks)
        .map(|(s, mark)| AttendanceMark {
            position: s.position,
            title: s.title.clone(),
            when: t.date(s.starts_at.and_utc(), tz),
            state: t.text(match mark {
                Mark::Present => "attendance-present",
                Mark::Absent => "attendance-absent",
                Mark::NotHeldYet => "attendance-upcoming",
            }),
        })
        .collect();
    let checkin_svg = status
        .holds_seat()
        .then(|| checkin_qr(&state, reg))
        .flatten();
    let notice = flash::take(&session, &t);
    let (all_sessions, chosen) =
        crate::app::tracks::choices_of(&state.services, reg.id, cycle.id).await?;
    let choice_slots =
        super::session_choices::participant_slots(&t, cycle, reg, &all_sessions, &chosen, now);
    Ok(ParticipantPage {
        choice_slots,
        frame: cycle_frame(frame(&req, &session), owner.as_ref()),
        token,
        cycle_title: cycle.title.clone(),
        cycle_slug: cycle.slug.clone(),
        name: reg.full_name(),
        status_key: status.as_str().to_string(),
        status_line,
        can_confirm: reg.confirmed_at.is_none()
            && matches!(status, Status::Pending | Status::Waitlisted),
        can_cancel: can_cancel(status),
        // Given back or run out while registration is open: the way back is
        // the form, as for anyone new.
        can_register_again: crate::domain::registration::gives_way(status)
            && cycle.window_state(now) == crate::domain::window::WindowState::Open
            && (cycle.seats_left() > 0 || cycle.waitlist),
        sessions: sessions
            .iter()
            .map(|s| SessionView::new(&t, cycle, s, status.holds_seat()))
            .collect(),
        attendance,
        eligibility_line,
        grant,
        certificate,
        progress_choice,
        progress_wanted: reg.progress_emails,
        retention_line: super::privacy::retention_line(&t, cycle, sessions),
        privacy_href: super::privacy::notice_href(owner.as_ref()),
        zone: t.zone(
            tz,
            sessions
                .first()
                .map(|s| s.starts_at.and_utc())
                .unwrap_or(now),
        ),
        checkin_svg,
        notice,
        tr: t,
    })
}

/// What the participant's page says about the application, and the link.
fn grant_line(t: &Tr, applying: &crate::app::grants::Applying) -> Option<GrantLine> {
    use crate::domain::grant::Refusal;
    let application = applying.application.as_ref();
    match (application, applying.refusal) {
        (None, None) => Some(GrantLine {
            text: t.text("participant-grant-open"),
            link: t.text("participant-grant-apply"),
        }),
        (Some(a), refusal) => Some(GrantLine {
            // Decided: the decision itself (with the amount), not only its word.
            text: super::grant::decision_text(t, a)
                .unwrap_or_else(|| super::grant::status_label(t, a.status)),
            link: t.text(if refusal.is_none() {
                "participant-grant-continue"
            } else {
                "participant-grant-view"
            }),
        }),
        (None, Some(Refusal::Closed)) => Some(GrantLine {
            text: t.text("grant-refused-closed"),
            link: String::new(),
        }),
        // Not eligible yet: the progress line already says what is missing.
        (None, Some(_)) => None,
    }
}

/// The door check-in QR code: a link only an organiser's session can use.
pub fn checkin_qr(state: &AppState, reg: &Registration) -> Option<String> {
    let url = state.composer.checkin_link(reg);
    crate::qr::svg(&url, 200).ok()
}

pub async fn confirm(
    state: web::Data<AppState>,
    path: web::Path<String>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    let changed = crate::app::registration::confirm(&state.services, found.reg.id).await?;
    flash::set(
        &session,
        match changed {
            registrations::Changed::Done => "notice-confirmed",
            registrations::Changed::Unchanged => "notice-already-confirmed",
            registrations::Changed::NotAllowed => "notice-not-allowed",
        },
    );
    Ok(see_other(&format!("/r/{token}")))
}

/// "Are you sure?": the participant page's button leads here, and only the
/// form on this page gives the seat back (a GET never changes anything).
pub async fn cancel_page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let Record {
        reg, cycle, owner, ..
    } = find(&state, &token).await?;
    if !can_cancel(reg.status()) {
        return Ok(see_other(&format!("/r/{token}")));
    }
    let t = lang.or(reg.lang());
    let page = CancelPage {
        frame: cycle_frame(frame(&req, &session), owner.as_ref()),
        token,
        cycle_title: cycle.title.clone(),
        holds_seat: reg.status().holds_seat(),
        tr: t,
    };
    super::pages::render_with_status(actix_web::http::StatusCode::OK, &page)
}

fn can_cancel(status: Status) -> bool {
    matches!(
        status,
        Status::Pending | Status::Confirmed | Status::Waitlisted
    )
}

pub async fn cancel(
    state: web::Data<AppState>,
    path: web::Path<String>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    let changed = crate::app::registration::cancel(&state.services, found.reg.id).await?;
    flash::set(
        &session,
        match changed {
            registrations::Changed::Done => "notice-cancelled",
            _ => "notice-already-cancelled",
        },
    );
    Ok(see_other(&format!("/r/{token}")))
}

#[derive(serde::Deserialize)]
pub struct ProgressEmailsForm {
    /// `yes` to get the emails after each session, `no` to stop them.
    wanted: String,
}

/// The participant stops or restarts the emails about their progress.
pub async fn progress_emails(
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<ProgressEmailsForm>,
    session: Session,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let found = find(&state, &token).await?;
    let wanted = match form.wanted.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::BadRequest("error-bad-request")),
    };
    crate::app::registration::want_progress_emails(&state.services, found.reg.id, wanted).await?;
    flash::set(
        &session,
        if wanted {
            "notice-progress-emails-on"
        } else {
            "notice-progress-emails-off"
        },
    );
    Ok(see_other(&format!("/r/{token}")))
}

pub async fn calendar(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let Record {
        reg,
        cycle,
        sessions,
        ..
    } = find(&state, &token).await?;
    let link = state.composer.participant_link(&reg);
    // In the participant's language, as in their emails.
    let t = Tr::new(reg.lang());
    let base_url = &state.settings.base_url;
    // A registration that has ended (given back, expired) gets the file
    // that takes the sessions out, never one that puts them back.
    let ics = if can_cancel(reg.status()) {
        crate::mail::calendar::ics(
            &t,
            &cycle,
            &sessions,
            reg.id,
            &link,
            reg.status().holds_seat(),
            base_url,
        )
    } else {
        crate::mail::calendar::cancel_ics(&t, &cycle, &sessions, reg.id, base_url)
    };
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{}.ics\"", cycle.slug),
        ))
        .body(ics))
}
