//! Organiser login, logout and the one-time setup link.

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse, Responder};
use serde::Deserialize;

use super::error::{AppError, AppResult};
use super::forms::FieldErrors;
use super::lang::Lang;
use super::limits::{minutes, LoginRefusal};
use super::pages::{frame, see_other};
use super::pages::{render_with_status, LoginPage, SetupPage};
use super::AppState;
use crate::db::models::Organiser;
use crate::db::organisers;
use crate::domain::organisations::Scope;
use crate::domain::text::{is_meant, is_unmeant, Lines};
use crate::passwords;
use actix_web::http::StatusCode;

/// The logged-in organiser and what they may manage; pages that take it send
/// everyone else to /login, and refuse (403) an organiser whose organisations
/// do not own what the URL names (`super::scope`).
pub struct CurrentOrganiser(pub Organiser, pub Scope);

impl FromRequest for CurrentOrganiser {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let request = req.clone();
        let next = req
            .uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default();
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("no state")))?;
            // The cookie names a session; the session table says whether it
            // still stands (logout, "log out everywhere", expiry).
            let token = session
                .get::<String>("sid")
                .ok()
                .flatten()
                .ok_or(AppError::LoginRequired(next.clone()))?;
            match crate::app::accounts::logged_in(&state.services, &token).await? {
                Some(o) => {
                    let scope = super::scope::check(&request, &state, &o).await?;
                    Ok(CurrentOrganiser(o, scope))
                }
                None => {
                    session.purge();
                    Err(AppError::LoginRequired(next))
                }
            }
        })
    }
}

/// How long an organiser stays logged in (the cookie's lifetime; the
/// session table holds the same limit).
pub const SESSION_SECONDS: i64 = crate::app::accounts::SESSION_HOURS * 3600;

/// Starts an organiser's session (after login or setup).
async fn start_session(state: &AppState, session: &Session, o: &Organiser) -> AppResult<()> {
    let token = crate::app::accounts::log_in(&state.services, o.id).await?;
    session.renew();
    // A fresh CSRF token too: one seen before login is worth nothing after it.
    session.remove("csrf");
    let failed =
        |e: actix_session::SessionInsertError| AppError::Internal(anyhow::anyhow!(e.to_string()));
    session.insert("sid", token).map_err(failed)?;
    session.insert("organiser_name", &o.name).map_err(failed)?;
    Ok(())
}

impl CurrentOrganiser {
    pub fn require_admin(&self) -> AppResult<()> {
        if self.0.is_admin() {
            Ok(())
        } else {
            Err(AppError::Forbidden("error-admin-only"))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    pub next: String,
}

/// Only organiser pages: `next` must not send anyone to another site
/// (browsers drop tabs and newlines, so "/\t/evil" would become "//evil").
fn safe_next(next: &str) -> String {
    let plain = next.chars().all(|c| c.is_ascii_graphic()) && !next.contains('\\');
    if plain && (next == "/admin" || next.starts_with("/admin/")) {
        next.to_string()
    } else {
        "/admin".to_string()
    }
}

pub async fn login_form(
    lang: Lang,
    req: HttpRequest,
    session: Session,
    q: web::Query<NextQuery>,
) -> impl Responder {
    LoginPage {
        tr: lang.tr(),
        frame: frame(&req, &session),
        email: String::new(),
        next: safe_next(&q.next),
        error: None,
        errors: FieldErrors::default(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
    pub next: String,
}

pub async fn login(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<LoginForm>,
) -> AppResult<HttpResponse> {
    let t = lang.tr();
    let account_key = form.email.trim().to_lowercase();
    let client = state.client_key(&req);
    let login_page = |error: String| LoginPage {
        tr: t,
        frame: frame(&req, &session),
        email: super::forms::keep(&form.email)
            .chars()
            .filter(|c| !is_unmeant(*c, Lines::One))
            .collect(),
        next: safe_next(&form.next),
        error: Some(error),
        errors: FieldErrors::default(),
    };
    // An empty field is named, not counted as a failed sign-in.
    let mut empty = FieldErrors::default();
    if form.email.trim().is_empty() {
        empty.add("email", "field-required-email");
    }
    if form.password.is_empty() {
        empty.add("password", "field-required-password");
    }
    if !empty.is_empty() {
        let page = LoginPage {
            error: None,
            errors: empty,
            ..login_page(String::new())
        };
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if let Some(refusal) = state.limits.login.refused(&account_key, &client) {
        tracing::warn!(account = %account_key, ?refusal, "login refused by a limit");
        let (key, wait) = match refusal {
            LoginRefusal::FromHere { wait } => ("login-wait-here", wait),
            LoginRefusal::AccountLocked { wait } => ("login-account-locked", wait),
        };
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("minutes", minutes(wait));
        let page = login_page(t.args(key, &args));
        return render_with_status(StatusCode::TOO_MANY_REQUESTS, &page);
    }
    let email = account_key.clone();
    // An address nobody can mean (NUL, controls) is no account: the normal
    // failure, and the database never sees it.
    let found = if is_meant(&email, Lines::One) {
        state
            .db
            .read(move |c| organisers::by_email(c, &email))
            .await?
    } else {
        None
    };
    let password = form.password.clone();
    let stored = found.as_ref().map(|o| o.password_hash.clone());
    // argon2 is deliberately slow: keep it off the async threads.
    let ok = tokio::task::spawn_blocking(move || passwords::verify(&password, stored.as_deref()))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    match (ok, found) {
        (true, Some(o)) => {
            start_session(&state, &session, &o).await?;
            Ok(see_other(&safe_next(&form.next)))
        }
        _ => {
            state.limits.login.failed(&account_key, &client);
            let page = login_page(t.text("login-failed"));
            render_with_status(StatusCode::UNAUTHORIZED, &page)
        }
    }
}

/// Ends this session for good: a copy of the cookie opens nothing after it.
pub async fn logout(state: web::Data<AppState>, session: Session) -> AppResult<HttpResponse> {
    if let Some(token) = session.get::<String>("sid").ok().flatten() {
        crate::app::accounts::log_out(&state.services, &token).await?;
    }
    session.purge();
    Ok(see_other("/"))
}

/// Ends every session of this organiser, on every device and server (a lost
/// phone, a shared computer), this one included.
pub async fn logout_everywhere(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    session: Session,
) -> AppResult<HttpResponse> {
    crate::app::accounts::log_out_everywhere(&state.services, me.0.id).await?;
    session.purge();
    Ok(see_other("/login"))
}

async fn setup_token_ok(state: &AppState, token: &str) -> AppResult<()> {
    let hash = crate::tokens::sha256_hex(token);
    if state
        .db
        .read(move |c| organisers::setup_token_valid(c, &hash))
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn setup_form(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<impl Responder> {
    let token = path.into_inner();
    setup_token_ok(&state, &token).await?;
    Ok(SetupPage {
        tr: lang.tr(),
        frame: frame(&req, &session),
        token,
        name: String::new(),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

pub use crate::app::accounts::{parse_account, AccountForm};

pub async fn setup(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<AccountForm>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    setup_token_ok(&state, &token).await?;
    let t = lang.tr();
    let created =
        match crate::app::accounts::create_first_admin(&state.services, &token, &form).await? {
            Ok(created) => created.ok_or(AppError::NotFound)?,
            Err(errors) => {
                let page = SetupPage {
                    tr: t,
                    frame: frame(&req, &session),
                    token,
                    name: super::forms::keep(&form.name),
                    email: super::forms::keep(&form.email),
                    errors,
                };
                return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
            }
        };
    start_session(&state, &session, &created).await?;
    Ok(see_other("/admin"))
}
