//! Cross-cutting request handling: security headers, the language cookie,
//! error pages in the user's language, and the request log. CSRF is in `csrf`.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpMessage, HttpResponse};
use askama::Template;

use super::error::{ErrorKey, OwnBody};
use super::lang;
use super::pages::ErrorPage;
use crate::domain::Language;
use crate::i18n::Tr;

/// Headers every response carries. The CSP allows no inline script at all.
/// Pages with personal data in them.
fn is_private_path(path: &str) -> bool {
    path.starts_with("/admin") || path.starts_with("/r/") || path.ends_with(".csv")
}

/// Paths and queries are text a person can mean: a control character (NUL,
/// BEL, NEL…) or an undecodable byte in the decoded path or query is a 400,
/// before any handler or database sees it.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    use crate::domain::text::{is_meant, Lines};
    let path = percent_encoding::percent_decode_str(req.path()).decode_utf8_lossy();
    let query_ok = url::form_urlencoded::parse(req.query_string().as_bytes())
        .all(|(k, v)| is_meant(&k, Lines::One) && is_meant(&v, Lines::One));
    if !is_meant(&path, Lines::One) || !query_ok {
        let mut res = HttpResponse::BadRequest().finish();
        res.extensions_mut()
            .insert(super::error::ErrorKey("error-bad-request"));
        return Ok(req.into_response(res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// `HEAD` answers like `GET` (monitors and link checkers use it): the
/// request runs as a GET, and the body is left out of the answer.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let head = req.method() == actix_web::http::Method::HEAD;
    if head {
        req.head_mut().method = actix_web::http::Method::GET;
    }
    let res = next.call(req).await?;
    if !head {
        return Ok(res.map_into_boxed_body());
    }
    Ok(res.map_body(|_, _| BoxBody::new(())))
}

pub async fn security_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let https = req
        .app_data::<web::Data<super::AppState>>()
        .is_some_and(|s| s.settings.https());
    let chosen = lang::from_query(req.query_string());
    let private = is_private_path(req.path());
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    if private {
        // Organiser pages, exports and a participant's own page hold personal
        // data: no shared computer's cache or back button may keep them.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if let Some(l) = chosen {
        // Remember an explicit choice (`?lang=`) for the next pages.
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
            l.as_str(),
            if https { "; Secure" } else { "" }
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.append(header::SET_COOKIE, v);
        }
    }
    Ok(res)
}

/// Turns bare error responses (ours and actix's own) into a page in the
/// user's language, with a request id an organiser can quote.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let res = next.call(req).await?.map_into_boxed_body();
    let status = res.status();
    if status.as_u16() < 400 {
        return Ok(res);
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html || res.response().extensions().get::<OwnBody>().is_some() {
        return Ok(res);
    }
    let key = res
        .response()
        .extensions()
        .get::<ErrorKey>()
        .map(|k| k.0)
        .unwrap_or(match status.as_u16() {
            404 => "error-not-found",
            403 => "error-forbidden",
            413 => "error-too-large",
            429 => "error-too-many",
            400..=499 => "error-bad-request",
            _ => "error-internal",
        });
    let (req, _) = res.into_parts();
    let t = Tr::new(lang::choose(&req).unwrap_or(Language::Lv));
    let request_id = req
        .extensions()
        .get::<RequestId>()
        .map(|r| r.0.clone())
        .unwrap_or_default();
    let page = ErrorPage {
        tr: t,
        frame: super::pages::Frame {
            path: super::pages::safe_path(req.path()),
            ..Default::default()
        },
        status: status.as_u16(),
        message: t.text(key),
        request_id,
    };
    let body = page.render().unwrap_or_else(|_| t.text(key));
    let mut out = HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body);
    if matches!(status.as_u16(), 429 | 503) {
        out.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    }
    Ok(ServiceResponse::new(req, out))
}

/// A short id per request, shown on error pages so an organiser can quote it
/// and the log line can be found.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// The path with the secrets in it replaced: participants' links, check-in
/// codes and setup links must never land in a log file.
pub fn redacted(path: &str) -> String {
    for prefix in ["/r/", "/setup/", "/admin/checkin/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
            return format!("{prefix}…{tail}");
        }
    }
    path.to_string()
}

/// A span per request carrying its id, so every line logged while handling
/// it (an internal error's cause, a refused mail) names the id the error
/// page showed; then one line per request: status and time.
pub async fn request_log(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    use tracing::Instrument;
    let id = crate::tokens::random(6);
    req.extensions_mut().insert(RequestId(id.clone()));
    let (method, path) = (req.method().to_string(), redacted(req.path()));
    let span = tracing::info_span!("request", request_id = %id, %method, %path);
    let started = std::time::Instant::now();
    let res = next.call(req).instrument(span.clone()).await?;
    span.in_scope(|| {
        tracing::info!(
            status = res.status().as_u16(),
            ms = started.elapsed().as_millis() as u64,
            "request"
        )
    });
    Ok(res)
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_never_reach_the_log() {
        assert_eq!(super::redacted("/r/12.abcdef/cancel"), "/r/…/cancel");
        assert_eq!(super::redacted("/setup/tok"), "/setup/…");
        assert_eq!(super::redacted("/admin/checkin/3.xyz"), "/admin/checkin/…");
        assert_eq!(
            super::redacted("/cycles/kopienas-2023"),
            "/cycles/kopienas-2023"
        );
    }
}
