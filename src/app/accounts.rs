//! Organiser accounts: the first administrator (setup link), accounts added
//! by an administrator, and `cohort organiser add`.

use anyhow::Context;
use serde::Deserialize;

use super::Services;
use crate::db::models::Organiser;
use crate::db::organisers;
use crate::domain::{Email, FieldErrors};
use crate::passwords;

/// An account as typed (setup page, admin page, command line).
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct AccountForm {
    pub name: String,
    pub email: String,
    pub password: String,
    pub password_again: String,
    pub admin: String,
}

/// Checks an account form; the same rules for setup, the admin page and the CLI.
pub fn parse_account(form: &AccountForm) -> Result<(Email, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = form.name.trim();
    if name.is_empty() {
        errors.add("name", "field-required-name");
    } else if name.chars().count() > 100 {
        errors.add("name", "field-too-long");
    } else if !crate::domain::text::is_readable_name(name) {
        errors.add("name", "field-unreadable");
    }
    let email = Email::parse(&form.email)
        .map_err(|e| errors.add("email", e.email_message_key()))
        .ok();
    if let Err(k) = passwords::acceptable(&form.password) {
        errors.add("password", k);
    } else if form.password != form.password_again {
        errors.add("password_again", "field-password-mismatch");
    }
    match email {
        Some(e) if errors.is_empty() => Ok((e, crate::domain::text::nfc(name))),
        _ => Err(errors),
    }
}

/// Hashing is deliberately slow: keep it off the async threads.
async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || passwords::hash(&password))
        .await
        .context("hashing a password")?
}

/// Adds an organiser; the problems are per field (an address already taken
/// is one of them).
pub async fn add_organiser(
    services: &Services,
    form: &AccountForm,
    admin: bool,
) -> anyhow::Result<Result<Organiser, FieldErrors>> {
    let (email, name) = match parse_account(form) {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    let hash = hash(form.password.clone()).await?;
    let now = services.now();
    let added = services
        .db
        .write(move |c| organisers::add(c, &email, &name, admin, &hash, now))
        .await
        .context("adding an organiser")?;
    Ok(added.ok_or_else(|| {
        let mut errors = FieldErrors::default();
        errors.add("email", "field-organiser-exists");
        errors
    }))
}

/// Whether a setup link is still the valid one.
pub async fn setup_link_valid(services: &Services, token: &str) -> anyhow::Result<bool> {
    let token_hash = crate::tokens::sha256_hex(token);
    services
        .db
        .read(move |c| organisers::setup_token_valid(c, &token_hash))
        .await
        .context("checking a setup link")
}

/// The first administrator, through the one-time setup link. `Ok(Ok(None))`:
/// the link was used meanwhile.
pub async fn create_first_admin(
    services: &Services,
    token: &str,
    form: &AccountForm,
) -> anyhow::Result<Result<Option<Organiser>, FieldErrors>> {
    let (email, name) = match parse_account(form) {
        Ok(v) => v,
        Err(errors) => return Ok(Err(errors)),
    };
    let hash = hash(form.password.clone()).await?;
    let now = services.now();
    let token_hash = crate::tokens::sha256_hex(token);
    let created = services
        .db
        .write(move |c| {
            if !organisers::consume_setup_token(c, &token_hash)? {
                return Ok(None);
            }
            organisers::add(c, &email, &name, true, &hash, now)
        })
        .await
        .context("creating the first administrator")?;
    Ok(Ok(created))
}

/// While no organiser exists, a fresh one-time setup token (only the latest
/// works); `None` once there is an organiser.
pub async fn new_setup_token(services: &Services) -> anyhow::Result<Option<String>> {
    if services.db.read(organisers::count).await? > 0 {
        return Ok(None);
    }
    let token = crate::tokens::random(32);
    let token_hash = crate::tokens::sha256_hex(&token);
    let now = services.now();
    services
        .db
        .write(move |c| organisers::new_setup_token(c, &token_hash, now))
        .await
        .context("writing a setup token")?;
    Ok(Some(token))
}

/// How long an organiser stays logged in.
pub const SESSION_HOURS: i64 = 12;

/// Wall-clock time on purpose, not the app's clock: a session's lifetime is
/// a security limit, counted like the cookie's own max-age by the browser,
/// whatever "now" the cycle's rules use.
fn wall_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// Starts a session for an organiser who proved who they are; returns the
/// token for their cookie (only its hash is stored).
pub async fn log_in(services: &Services, organiser_id: i32) -> anyhow::Result<String> {
    let token = crate::tokens::random(32);
    let token_hash = crate::tokens::sha256_hex(&token);
    let now = wall_clock();
    let expires = now + chrono::Duration::hours(SESSION_HOURS);
    services
        .db
        .write(move |c| organisers::start_session(c, &token_hash, organiser_id, now, expires))
        .await
        .context("starting a session")?;
    Ok(token)
}

/// The organiser whose session this token is, while it lasts.
pub async fn logged_in(services: &Services, token: &str) -> anyhow::Result<Option<Organiser>> {
    let token_hash = crate::tokens::sha256_hex(token);
    let now = wall_clock();
    services
        .db
        .read(move |c| organisers::of_session(c, &token_hash, now))
        .await
        .context("reading a session")
}

pub async fn log_out(services: &Services, token: &str) -> anyhow::Result<()> {
    let token_hash = crate::tokens::sha256_hex(token);
    services
        .db
        .write(move |c| organisers::end_session(c, &token_hash))
        .await
        .context("ending a session")?;
    Ok(())
}

/// Ends every session of the organiser, on every device and server.
pub async fn log_out_everywhere(services: &Services, organiser_id: i32) -> anyhow::Result<usize> {
    services
        .db
        .write(move |c| organisers::end_all_sessions(c, organiser_id))
        .await
        .context("ending all sessions")
}

/// Every organiser account (names for audit trails and the accounts page).
pub async fn organisers(services: &Services) -> anyhow::Result<Vec<crate::db::models::Organiser>> {
    services
        .db
        .read(crate::db::organisers::all)
        .await
        .context("listing organisers")
}

/// The account with this address, if any (`cohort organiser add` for an
/// existing account).
pub async fn by_email(services: &Services, email: &str) -> anyhow::Result<Option<Organiser>> {
    let email = email.to_string();
    services
        .db
        .read(move |c| organisers::by_email(c, &email))
        .await
        .context("reading an organiser")
}
