//! The certificate of participation: a printable page and a PDF for the
//! participant who earned it, and the public check of its code.

use actix_session::Session;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;

use super::error::{AppError, AppResult};
use super::lang::Lang;
use super::pages::{frame, Frame};
use super::participant::find;
use super::public::cycle_frame;
use super::AppState;
use crate::app::attendance::Record;
use crate::app::grants;
use crate::certificate_pdf::CertificateText;
use crate::i18n::Tr;

/// Everything printed on a certificate, in the participant's language: the
/// page and the PDF say the same.
fn certificate_text(state: &AppState, t: &Tr, record: &Record, code: &str) -> CertificateText {
    let cycle = &record.cycle;
    let tz = cycle.tz();
    let standing = record.standing(state.now());
    let dates = match (record.sessions.first(), record.sessions.last()) {
        (Some(first), Some(last)) if first.id != last.id => format!(
            "{} – {}",
            t.date(first.starts_at.and_utc(), tz),
            t.date(last.starts_at.and_utc(), tz)
        ),
        (Some(only), _) => t.date(only.starts_at.and_utc(), tz),
        _ => String::new(),
    };
    let mut lines = vec![
        t.text("certificate-completed"),
        cycle.title.clone(),
        dates,
        t.with(
            "certificate-attended",
            &[
                ("attended", &standing.attended.to_string()),
                ("total", &standing.total.to_string()),
            ],
        ),
    ];
    let organisation = state.settings.organisation_name.trim();
    if !organisation.is_empty() {
        lines.push(t.with_one("certificate-organised-by", "organisation", organisation));
    }
    lines.retain(|line| !line.is_empty());
    let verify_url = format!(
        "{}/verify/{code}",
        state.settings.base_url.trim_end_matches('/')
    );
    CertificateText {
        heading: t.text("certificate-heading"),
        name: record.reg.full_name(),
        institution: record.reg.institution.clone(),
        lines,
        code_line: t.with_one("certificate-code", "code", code),
        verify_url: t.with_one("certificate-verify-at", "url", &verify_url),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "certificate.html")]
pub struct CertificatePage {
    pub tr: Tr,
    pub frame: Frame,
    pub token: String,
    pub intro: String,
    pub certificate: CertificateText,
}

/// The certificate, once earned; before that (or never) a plain 404.
async fn earned(state: &AppState, token: &str) -> AppResult<(Record, String)> {
    let record = find(state, token).await?;
    let code = grants::certificate(&state.services, &record)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((record, code))
}

pub async fn page(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<CertificatePage> {
    let token = path.into_inner();
    let (record, code) = earned(&state, &token).await?;
    let t = lang.or(record.reg.lang());
    Ok(CertificatePage {
        frame: cycle_frame(frame(&req, &session), record.owner.as_ref()),
        token,
        intro: t.text("certificate-intro"),
        certificate: certificate_text(&state, &t, &record, &code),
        tr: t,
    })
}

pub async fn pdf(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let (record, code) = earned(&state, &token).await?;
    let t = lang.or(record.reg.lang());
    let text = certificate_text(&state, &t, &record, &code);
    // Drawing the PDF is CPU work: off the server's threads.
    let bytes = web::block(move || crate::certificate_pdf::render(&text))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering a certificate: {e}")))?;
    let bytes = bytes.map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"{}-certificate.pdf\"",
                record.cycle.slug
            ),
        ))
        .body(bytes))
}

#[derive(Template, WebTemplate)]
#[template(path = "verify.html")]
pub struct VerifyPage {
    pub tr: Tr,
    pub frame: Frame,
    pub code: String,
    pub name: String,
    pub cycle_title: String,
    pub valid: bool,
}

/// Anyone may check a code: it shows the name, the cycle and whether the
/// certificate stands, nothing else. An unknown code is a plain 404.
pub async fn verify(
    state: web::Data<AppState>,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<VerifyPage> {
    let typed = path.into_inner();
    let found = grants::verify(&state.services, &typed)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = lang.or(found.record.cycle.lang());
    Ok(VerifyPage {
        frame: cycle_frame(frame(&req, &session), found.record.owner.as_ref()),
        code: crate::domain::outcome::normalise_code(&typed).unwrap_or_default(),
        name: found.name,
        cycle_title: found.cycle_title,
        valid: found.valid,
        tr: t,
    })
}
