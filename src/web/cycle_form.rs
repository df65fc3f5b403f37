//! The cycle form: create or edit a cycle (its fields, sessions, questions,
//! tracks and organisations), with field-named messages on every problem.

use std::collections::HashMap;

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use askama::Template;
use askama_web::WebTemplate;

use super::auth::CurrentOrganiser;
use super::error::AppResult;
use super::extract::OrganiserCycle;
use super::flash;
use super::forms::FieldErrors;
use super::lang::Lang;
use super::pages::{organiser_frame, see_other};
use super::pages::{render_with_status, Frame};
use super::AppState;
use crate::db::cycles;
use crate::db::models::Cycle;
use crate::domain::cycle_file::{self, RawCycle, RawSession};
use crate::domain::window::utc_to_local;
use crate::i18n::Tr;
use actix_web::http::StatusCode;

/// The cycle form's values, all as text so that what was typed comes back.
#[derive(Debug, Default, Clone)]
pub struct CycleFormValues {
    pub fields: HashMap<String, String>,
    pub session_rows: usize,
}

impl CycleFormValues {
    pub fn get(&self, k: &str) -> String {
        self.fields.get(k).cloned().unwrap_or_default()
    }
    pub fn session_value(&self, i: impl std::fmt::Display, k: &str) -> String {
        self.get(&format!("s{i}_{k}"))
    }
    pub fn is_on(&self, k: &str) -> bool {
        self.fields.get(k).is_some_and(|v| v == "on" || v == "true")
    }
    pub fn rows(&self) -> Vec<usize> {
        (1..=self.session_rows).collect()
    }

    fn from_cycle(
        cy: &Cycle,
        sessions: &[crate::db::models::Session],
        run_by: &crate::db::organisations::CycleOrganisers,
        questions: &[crate::domain::questions::Question],
    ) -> Self {
        let tz = cy.tz();
        let local = |t: chrono::NaiveDateTime| {
            utc_to_local(t.and_utc(), tz)
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        };
        let mut f = HashMap::new();
        for (k, v) in [
            ("slug", cy.slug.clone()),
            ("title", cy.title.clone()),
            ("description", cy.description.clone()),
            ("language", cy.language.to_string()),
            ("timezone", cy.tz().name().to_string()),
            ("country", cy.country.clone()),
            ("audience", cy.audience.clone()),
            ("contact_email", cy.contact_email.clone()),
            ("contact_phone", cy.contact_phone.clone()),
            ("capacity", cy.capacity.to_string()),
            ("registration_opens", local(cy.registration_opens)),
            ("registration_closes", local(cy.registration_closes)),
            ("hold_hours", cy.hold_hours.to_string()),
            ("min_sessions", cy.min_sessions.to_string()),
            ("grant_title", cy.grant_title.clone().unwrap_or_default()),
            (
                "grant_description",
                cy.grant_description.clone().unwrap_or_default(),
            ),
            (
                "grant_apply_until",
                cy.grant_apply_until.map(local).unwrap_or_default(),
            ),
            (
                "grant_max_amount",
                cy.grant_max_cents
                    .map(|c| crate::domain::grant::euros_plain(i64::from(c)))
                    .unwrap_or_default(),
            ),
            (
                "grant_decisions_by",
                cy.grant_decisions_by.map(local).unwrap_or_default(),
            ),
            (
                "reminder_hours_before",
                cy.reminder_hours_before
                    .map(|hours| hours.to_string())
                    .unwrap_or_default(),
            ),
            (
                "retention_months",
                cy.retention_months
                    .map(|months| months.to_string())
                    .unwrap_or_default(),
            ),
        ] {
            f.insert(k.to_string(), v);
        }
        let (owner, co_organisers, partners) = run_by.named();
        f.insert("organisation".into(), owner);
        f.insert("co_organisers".into(), co_organisers.join(", "));
        f.insert("partners".into(), partners.join("\n"));
        for (k, v) in [
            ("waitlist", cy.waitlist),
            ("require_email_confirmation", cy.require_email_confirmation),
            ("published", cy.published),
            ("certificate", cy.certificate),
            ("progress_emails", cy.progress_emails),
        ] {
            if v {
                f.insert(k.to_string(), "on".into());
            }
        }
        for s in sessions {
            let i = s.position;
            f.insert(format!("s{i}_title"), s.title.clone());
            f.insert(format!("s{i}_starts"), local(s.starts_at));
            f.insert(format!("s{i}_ends"), local(s.ends_at));
            f.insert(format!("s{i}_mode"), s.mode.to_string());
            f.insert(
                format!("s{i}_location"),
                s.location.clone().unwrap_or_default(),
            );
            f.insert(
                format!("s{i}_online_url"),
                s.online_url.clone().unwrap_or_default(),
            );
            f.insert(format!("s{i}_track"), s.track.clone().unwrap_or_default());
            f.insert(
                format!("s{i}_capacity"),
                s.capacity.map(|c| c.to_string()).unwrap_or_default(),
            );
        }
        f.insert(
            "questions".into(),
            crate::domain::questions::to_toml(questions),
        );
        // Two empty rows for adding sessions.
        Self {
            fields: f,
            session_rows: sessions.len() + 2,
        }
    }

    /// The session rows with anything typed in (empty rows are skipped).
    fn filled_rows(&self) -> Vec<usize> {
        let keys = [
            "title",
            "starts",
            "ends",
            "location",
            "online_url",
            "track",
            "capacity",
        ];
        (1..=self.session_rows)
            .filter(|&i| {
                keys.iter()
                    .any(|k| !self.session_value(i, k).trim().is_empty())
            })
            .collect()
    }

    fn to_raw(&self) -> RawCycle {
        let int = |k: &str| self.get(k).trim().parse::<i64>().unwrap_or(-1);
        let mut sessions = vec![];
        for i in self.filled_rows() {
            sessions.push(RawSession {
                title: self.session_value(i, "title"),
                starts: self.session_value(i, "starts"),
                ends: self.session_value(i, "ends"),
                mode: self.session_value(i, "mode"),
                location: Some(self.session_value(i, "location")),
                online_url: Some(self.session_value(i, "online_url")),
                track: Some(self.session_value(i, "track")),
                capacity: crate::web::session_choices::typed_capacity(
                    &self.session_value(i, "capacity"),
                ),
            });
        }
        let grant_title = self.get("grant_title");
        RawCycle {
            slug: self.get("slug"),
            title: self.get("title"),
            description: self.get("description"),
            language: self.get("language"),
            timezone: self.get("timezone"),
            country: self.get("country"),
            capacity: int("capacity"),
            registration_opens: self.get("registration_opens"),
            registration_closes: self.get("registration_closes"),
            waitlist: self.is_on("waitlist"),
            require_email_confirmation: self.is_on("require_email_confirmation"),
            hold_hours: int("hold_hours"),
            min_sessions: int("min_sessions"),
            published: self.is_on("published"),
            certificate: self.is_on("certificate"),
            progress_emails: self.is_on("progress_emails"),
            retention_months: Some(self.get("retention_months"))
                .filter(|typed| !typed.trim().is_empty())
                .map(|_| int("retention_months")),
            audience: self.get("audience"),
            contact_email: self.get("contact_email"),
            contact_phone: self.get("contact_phone"),
            organisation: Some(self.get("organisation")),
            // Slugs separated by commas or spaces; partners one per line.
            co_organisers: self
                .get("co_organisers")
                .split([',', ' ', '\n'])
                .map(str::to_string)
                .collect(),
            partners: self.get("partners").lines().map(str::to_string).collect(),
            reminder_hours_before: Some(self.get("reminder_hours_before"))
                .filter(|typed| !typed.trim().is_empty())
                .map(|_| int("reminder_hours_before")),
            grant: (!grant_title.trim().is_empty()).then(|| cycle_file::RawGrant {
                title: grant_title,
                description: self.get("grant_description"),
                apply_until: Some(self.get("grant_apply_until")).filter(|s| !s.trim().is_empty()),
                max_amount: Some(cycle_file::RawAmount::Typed(self.get("grant_max_amount"))),
                decisions_by: Some(self.get("grant_decisions_by")),
            }),
            sessions,
            // Unreadable TOML is reported by `save_cycle` (`question_problems`).
            questions: crate::domain::questions::from_toml(&self.get("questions"))
                .unwrap_or_default(),
        }
    }
}

/// `sessions[2].ends` → `s2_ends`, the form's name for that field. The
/// file counts only the rows filled in (`filled_rows`, the form's numbers),
/// so a message lands on the row the organiser typed in.
fn form_field(problem_field: &str, filled_rows: &[usize]) -> String {
    if let Some(rest) = problem_field.strip_prefix("sessions[") {
        if let Some((n, f)) = rest.split_once("].") {
            let row = n
                .parse::<usize>()
                .ok()
                .and_then(|n| filled_rows.get(n.checked_sub(1)?))
                .map_or_else(|| n.to_string(), usize::to_string);
            return format!("s{row}_{f}");
        }
    }
    problem_field.replace("grant.", "grant_")
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/cycle_form.html")]
pub struct CycleFormPage {
    pub tr: Tr,
    pub frame: Frame,
    pub editing: Option<String>,
    pub v: CycleFormValues,
    pub errors: FieldErrors,
    /// The organisations this organiser may give the cycle to (slug, name).
    pub organisation_choices: Vec<(String, String)>,
    /// Administrators may keep a cycle outside every organisation.
    pub may_leave_unowned: bool,
    /// What is wrong with the questions, one line per problem naming the
    /// question (`questions[2].kind: …`), shown beside their text area.
    pub question_problems: Vec<String>,
}

/// The organisation choice of the cycle form for this organiser.
async fn organisation_choices(
    state: &AppState,
    me: &CurrentOrganiser,
) -> AppResult<Vec<(String, String)>> {
    Ok(crate::app::organisations::choosable(&state.services, &me.0)
        .await?
        .into_iter()
        .map(|o| (o.slug, o.name))
        .collect())
}

impl CycleFormPage {
    /// The message beside a field, naming it.
    pub fn error(&self, field: &str) -> String {
        self.errors
            .get(field)
            .map(|k| super::cycle_form_messages::message(self.tr, field, k))
            .unwrap_or_default()
    }
    pub fn has_error(&self, field: &str) -> bool {
        self.errors.has(field)
    }
    /// The error summary: each field with its message, in form order.
    pub fn error_list(&self) -> Vec<(String, String)> {
        self.errors
            .0
            .iter()
            .map(|(field, _)| (field.clone(), self.error(field)))
            .collect()
    }
    /// Name, message and state of a session row's field (`s2_ends`).
    pub fn session_field_name(&self, i: impl std::fmt::Display, k: &str) -> String {
        format!("s{i}_{k}")
    }
    pub fn session_error(&self, i: impl std::fmt::Display, k: &str) -> String {
        self.error(&self.session_field_name(i, k))
    }
    pub fn session_has_error(&self, i: impl std::fmt::Display, k: &str) -> bool {
        self.has_error(&self.session_field_name(i, k))
    }
    /// The `maxlength` of a form field: the cycle file's limit for it.
    pub fn max_chars(&self, form_field: &str) -> usize {
        let file_field = match form_field.strip_prefix('s').and_then(|r| r.split_once('_')) {
            Some((n, k)) if n.parse::<usize>().is_ok() => format!("sessions[{n}].{k}"),
            _ => form_field.replacen("grant_", "grant.", 1),
        };
        cycle_file::max_chars(&file_field).unwrap_or(1000)
    }
}

pub async fn new_cycle_form(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let choices = organisation_choices(&state, &me).await?;
    let mut v = CycleFormValues {
        session_rows: 5,
        ..Default::default()
    };
    for (k, d) in [
        ("language", "lv"),
        ("timezone", "Europe/Riga"),
        ("country", "LV"),
        ("capacity", "30"),
        ("hold_hours", "48"),
        ("min_sessions", "4"),
        ("waitlist", "on"),
        ("require_email_confirmation", "on"),
        ("progress_emails", "on"),
    ] {
        v.fields.insert(k.into(), d.into());
    }
    // An organiser of one organisation finds it chosen.
    if let [(only, _)] = choices.as_slice() {
        v.fields.insert("organisation".into(), only.clone());
    }
    Ok(CycleFormPage {
        tr: lang.tr(),
        frame: organiser_frame(&req, &session, &me.0),
        editing: None,
        v,
        errors: FieldErrors::default(),
        organisation_choices: choices,
        may_leave_unowned: me.0.is_admin(),
        question_problems: Vec::new(),
    })
}

pub async fn edit_cycle_form(
    state: web::Data<AppState>,
    OrganiserCycle {
        me,
        cycle: cy,
        sessions,
    }: OrganiserCycle,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let run_by = crate::app::organisations::of_cycle(&state.services, &cy).await?;
    let id = cy.id;
    let questions = state
        .db
        .read(move |c| crate::db::answers::questions_of(c, id))
        .await?;
    Ok(CycleFormPage {
        tr: lang.tr(),
        frame: organiser_frame(&req, &session, &me.0),
        editing: Some(cy.slug.clone()),
        v: CycleFormValues::from_cycle(&cy, &sessions, &run_by, &questions),
        errors: FieldErrors::default(),
        organisation_choices: organisation_choices(&state, &me).await?,
        may_leave_unowned: me.0.is_admin(),
        question_problems: Vec::new(),
    })
}

pub async fn save_cycle(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: Option<web::Path<String>>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    let t = lang.tr();
    let editing = path.map(|p| p.into_inner());
    let mut fields: HashMap<String, String> = form
        .into_inner()
        .into_iter()
        .filter(|(k, _)| k != "csrf_token")
        .collect();
    if let Some(slug) = &editing {
        // The slug is the cycle's address; editing keeps it.
        fields.insert("slug".into(), slug.clone());
    }
    let session_rows = fields
        .keys()
        .filter_map(|k| {
            k.strip_prefix('s')?
                .split_once('_')?
                .0
                .parse::<usize>()
                .ok()
        })
        .max()
        .unwrap_or(0)
        .min(100);
    let mut v = CycleFormValues {
        fields,
        session_rows,
    };
    let choices = organisation_choices(&state, &me).await?;
    let render_errors = |v: CycleFormValues,
                         errors: FieldErrors,
                         question_problems: Vec<String>|
     -> AppResult<HttpResponse> {
        let page = CycleFormPage {
            tr: t,
            frame: organiser_frame(&req, &session, &me.0),
            editing: editing.clone(),
            v,
            errors,
            organisation_choices: choices.clone(),
            may_leave_unowned: me.0.is_admin(),
            question_problems,
        };
        render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let unreadable_questions = crate::domain::questions::from_toml(&v.get("questions")).err();
    let validated = cycle_file::validate(v.to_raw());
    let spec = match (validated, unreadable_questions) {
        (Ok(s), None) => s,
        (result, unreadable) => {
            let filled_rows = v.filled_rows();
            let mut errors = FieldErrors::default();
            let mut lines = Vec::new();
            if let Some(why) = unreadable {
                lines.push(t.with_one("problem-questions-toml", "why", &why));
            }
            for p in result.err().unwrap_or_default() {
                if p.field.starts_with("questions") {
                    lines.push(format!(
                        "{}: {}",
                        p.field,
                        t.text(&format!("problem-{}", p.problem))
                    ));
                } else {
                    errors.add(
                        &form_field(&p.field, &filled_rows),
                        &format!("problem-{}", p.problem),
                    );
                }
            }
            if !lines.is_empty() {
                errors.add("questions", "problem-questions");
            }
            v.session_rows += 1;
            return render_errors(v, errors, lines);
        }
    };
    // An organiser gives a cycle only to one of their own organisations.
    let owner = spec.organisations.owner.as_ref().map(|o| o.as_str());
    let allowed = match owner {
        // An organiser of no organisation works as before organisations existed.
        None => me.0.is_admin() || choices.is_empty(),
        Some(slug) => choices.iter().any(|(mine, _)| mine == slug),
    };
    if !allowed {
        let mut errors = FieldErrors::default();
        errors.add("organisation", "problem-organisation-choose");
        return render_errors(v, errors, Vec::new());
    }
    if editing.is_none() {
        let slug = spec.slug.as_str().to_string();
        if state
            .db
            .read(move |c| cycles::by_slug(c, &slug))
            .await?
            .is_some()
        {
            let mut errors = FieldErrors::default();
            errors.add("slug", "problem-slug-taken");
            return render_errors(v, errors, Vec::new());
        }
    }
    let slug = spec.slug.as_str().to_string();
    let saved = (
        crate::app::cycles::save_cycle(&state.services, spec).await?,
        slug,
    );
    match saved {
        (Ok(saved), slug) => {
            if let cycles::Saved::Updated { told, .. } = saved {
                if told > 0 {
                    flash::set_count(&session, "notice-schedule-told", told);
                }
            }
            Ok(see_other(&format!("/admin/cycles/{slug}")))
        }
        (Err(cycles::SaveProblem::CapacityBelowTaken(_)), _) => {
            let mut errors = FieldErrors::default();
            errors.add("capacity", "problem-capacity-below-taken");
            render_errors(v, errors, Vec::new())
        }
        (Err(cycles::SaveProblem::SessionCapacityBelowTaken(n)), _) => {
            let mut errors = FieldErrors::default();
            errors.add(
                &format!("s{n}_capacity"),
                "problem-session-capacity-below-taken",
            );
            render_errors(v, errors, Vec::new())
        }
        (Err(cycles::SaveProblem::SessionHasAttendance(n)), _) => {
            let mut errors = FieldErrors::default();
            errors.add(&format!("s{n}_title"), "problem-session-has-attendance");
            render_errors(v, errors, Vec::new())
        }
        (Err(cycles::SaveProblem::UnknownOrganisation(_)), _) => {
            let mut errors = FieldErrors::default();
            errors.add("co_organisers", "problem-organisation-unknown");
            render_errors(v, errors, Vec::new())
        }
    }
}
