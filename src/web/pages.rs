//! Template structs, one per page (the templates are under `templates/`),
//! the view values they show, and the frame every page shares.

use actix_web::{HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;

use super::csrf::csrf_token;
use super::forms::FieldErrors;
use crate::db::models::{Cycle, Session};
use crate::i18n::Tr;

/// What every page's frame needs: language, path (for the language links),
/// the CSRF token (for the logout button) and the organiser, if any.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub path: String,
    /// The query string without `lang`, ending in `&` when not empty, so the
    /// language links keep filters and searches.
    pub query: String,
    pub csrf: String,
    pub organiser: Option<String>,
    /// The site's name in the header and title: the cycle's organisation's
    /// on its pages (issue 11), else "Cohort".
    pub site_name: Option<String>,
}

impl Frame {
    pub fn site(&self) -> &str {
        self.site_name.as_deref().unwrap_or("Cohort")
    }
}

pub struct SessionView {
    pub position: i32,
    pub title: String,
    pub when: String,
    pub online: bool,
    pub place: String,
    pub join_url: Option<String>,
}

impl SessionView {
    pub fn new(t: &Tr, cycle: &Cycle, s: &Session, show_join: bool) -> Self {
        Self {
            position: s.position,
            title: s.title.clone(),
            when: t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), cycle.tz()),
            online: s.is_online(),
            place: if s.is_online() {
                t.text("session-online")
            } else {
                s.location.clone().unwrap_or_default()
            },
            join_url: if show_join && s.is_online() {
                s.online_url.clone()
            } else {
                None
            },
        }
    }
}

/// A page with a status other than 200 (422 for a form with problems, …).
pub fn render_with_status(
    status: actix_web::http::StatusCode,
    page: &impl Template,
) -> super::error::AppResult<actix_web::HttpResponse> {
    let body = page
        .render()
        .map_err(|e| super::error::AppError::Internal(e.into()))?;
    Ok(actix_web::HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub tr: Tr,
    pub frame: Frame,
    pub status: u16,
    pub message: String,
    pub request_id: String,
}

pub struct CycleCard {
    pub slug: String,
    pub title: String,
    pub first_session: String,
    pub status: String,
    /// Seats left, or full (with or without a waiting list); empty once closed.
    pub seats: String,
    pub open: bool,
    /// "Organised by …" (empty: the cycle names no organisation).
    pub organised_by: String,
}

/// One choice of a filter `<select>` on the index.
pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The index's filter form: the choices come from the published cycles.
pub struct IndexFilters {
    pub shown: bool,
    pub organisations: Vec<FilterOption>,
    pub languages: Vec<FilterOption>,
    pub countries: Vec<FilterOption>,
    /// Something is chosen: offer the way back to every cycle.
    pub chosen: bool,
    /// There are published cycles but none passes the filter.
    pub nothing: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "index.html")]
pub struct IndexPage {
    pub tr: Tr,
    pub frame: Frame,
    pub cycles: Vec<CycleCard>,
    pub filters: IndexFilters,
}

#[derive(Template, WebTemplate)]
#[template(path = "cycle.html")]
pub struct CyclePage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub title: String,
    pub description: Vec<String>,
    /// The summary at the top: who it is for, the dates, registration, seats.
    pub audience: String,
    pub dates: String,
    pub registration: String,
    pub seats_line: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub zone: String,
    pub sessions: Vec<SessionView>,
    pub seats_left: String,
    pub deadline: String,
    pub min_sessions_note: String,
    /// Alternatives to choose, one fieldset per slot (issue 10).
    pub choice_slots: Vec<super::session_choices::ChoiceSlot>,
    /// Why the form is not offered, when it is not.
    pub closed_reason: Option<String>,
    pub waitlist_note: Option<String>,
    /// Until when personal data is kept, when the cycle says.
    pub retention_line: String,
    /// "Organised by …", "Together with …", the partners (issue 10).
    pub organised_by: String,
    pub co_organisers: Vec<String>,
    pub partners: Vec<String>,
    /// The privacy notice the consent is to: the owner's or the installation's.
    pub privacy_href: String,
    pub form: super::forms::RegistrationForm,
    pub errors: FieldErrors,
    /// The cycle's own questions, with what was typed and their messages.
    pub questions: Vec<super::questions::QuestionView>,
    /// The country choice: (ISO code, name in the page's language).
    pub countries: &'static [(&'static str, String)],
}

super::forms::field_messages!(CyclePage);

impl CyclePage {
    /// The error summary in the order of the form: the fixed fields, the
    /// cycle's questions, then the consent at the end.
    pub fn summary_items(&self) -> Vec<(String, String)> {
        let worded = |(field, key): &(String, String)| (field.clone(), self.tr.text(key));
        let (consent, fixed): (Vec<_>, Vec<_>) =
            self.errors.0.iter().partition(|(f, _)| f == "consent");
        let questions = self
            .questions
            .iter()
            .filter(|q| !q.error.is_empty())
            .map(|q| (q.field.clone(), q.error.clone()));
        fixed
            .into_iter()
            .map(worded)
            .chain(questions)
            .chain(consent.into_iter().map(worded))
            .collect()
    }
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.questions.iter().any(|q| !q.error.is_empty())
    }
    pub fn country_selected(&self, code: &str) -> bool {
        self.form.country.trim().eq_ignore_ascii_case(code)
    }
    /// The contact phone as a `tel:` link wants it (no spaces or brackets).
    pub fn tel(&self) -> String {
        self.contact_phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
    pub fn checked_type(&self, v: &str) -> bool {
        self.form.institution_type == v
    }
    pub fn checked_lang(&self, v: &str) -> bool {
        if self.form.language.is_empty() {
            self.tr.code() == v
        } else {
            self.form.language == v
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "registered.html")]
pub struct RegisteredPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    pub title: String,
    /// A message key and the waitlist position where it applies.
    pub outcome: String,
    pub position: i64,
    pub waitlisted: bool,
    /// The address the email went to (from this browser's session; empty
    /// when the page is opened elsewhere).
    pub email: String,
    /// By when to confirm, for a held seat.
    pub confirm_by: String,
}

/// "Lost your link?": the form, and the same answer for any address.
#[derive(Template, WebTemplate)]
#[template(path = "lost_link.html")]
pub struct LostLinkPage {
    pub tr: Tr,
    pub frame: Frame,
    pub email: String,
    /// The message key of what is wrong with the address.
    pub error: Option<&'static str>,
    pub sent: bool,
}

impl LostLinkPage {
    pub fn errors(&self) -> FieldErrors {
        let mut e = FieldErrors::default();
        if let Some(key) = self.error {
            e.add("email", key);
        }
        e
    }
    pub fn error_text(&self) -> String {
        self.error.map(|k| self.tr.text(k)).unwrap_or_default()
    }
}

pub struct AttendanceMark {
    pub position: i32,
    pub title: String,
    pub when: String,
    pub state: String,
}

pub struct GrantLine {
    pub text: String,
    /// The link's words; empty when there is nothing to open.
    pub link: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "participant.html")]
pub struct ParticipantPage {
    /// The participant's choice per slot of alternatives (issue 10).
    pub choice_slots: Vec<super::session_choices::ChoiceSlot>,
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub cycle_title: String,
    pub cycle_slug: String,
    pub name: String,
    pub status_key: String,
    pub status_line: String,
    pub can_confirm: bool,
    pub can_cancel: bool,
    pub can_register_again: bool,
    pub sessions: Vec<SessionView>,
    pub attendance: Vec<AttendanceMark>,
    pub eligibility_line: String,
    /// The grant application's state and its link, for cycles with a call.
    pub grant: Option<GrantLine>,
    /// The certificate was earned: link to it.
    pub certificate: bool,
    /// The participant may stop (or restart) the emails after each session.
    pub progress_choice: bool,
    /// ... and currently gets them.
    pub progress_wanted: bool,
    /// Until when personal data is kept, when the cycle says.
    pub retention_line: String,
    /// The privacy notice they consented to: the owner's or the installation's.
    pub privacy_href: String,
    pub zone: String,
    pub checkin_svg: Option<String>,
    pub notice: Option<String>,
}

/// "Are you sure?" before a seat is given back.
#[derive(Template, WebTemplate)]
#[template(path = "cancel.html")]
pub struct CancelPage {
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub cycle_title: String,
    /// A seat (not a waiting list place) is given back.
    pub holds_seat: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub frame: Frame,
    pub email: String,
    pub next: String,
    /// Why signing in failed (wrong password, a limit), not tied to one field.
    pub error: Option<String>,
    /// Fields left empty, each with a message naming it.
    pub errors: FieldErrors,
}

impl LoginPage {
    pub fn field_error(&self, field: &str) -> String {
        self.errors
            .get(field)
            .map(|k| self.tr.text(k))
            .unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "setup.html")]
pub struct SetupPage {
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub name: String,
    pub email: String,
    pub errors: FieldErrors,
}

super::forms::field_messages!(SetupPage);

/// The language links repeat the current path: never let it become "//other.site".
pub fn safe_path(path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        path.to_string()
    } else {
        "/".to_string()
    }
}

/// The frame of an organiser's page.
pub fn organiser_frame(
    req: &HttpRequest,
    session: &actix_session::Session,
    me: &crate::db::models::Organiser,
) -> Frame {
    let mut f = frame(req, session);
    f.organiser = Some(me.name.clone());
    f
}

pub fn frame(req: &HttpRequest, session: &actix_session::Session) -> Frame {
    let kept: Vec<(String, String)> = url::form_urlencoded::parse(req.query_string().as_bytes())
        .filter(|(k, _)| k != "lang")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    if !query.is_empty() {
        query.push('&');
    }
    Frame {
        path: safe_path(req.path()),
        query,
        csrf: csrf_token(session),
        organiser: session.get::<String>("organiser_name").ok().flatten(),
        site_name: None,
    }
}

pub fn see_other(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", to))
        .finish()
}
