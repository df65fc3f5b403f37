//! CSRF: the session's token, and the guard that checks it on every POST.

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpResponse};
use subtle::ConstantTimeEq;

use super::error::ErrorKey;

pub const CSRF_FIELD: &str = "csrf_token";
const CSRF_SESSION_KEY: &str = "csrf";

/// The session's CSRF token, created on first use.
pub fn csrf_token(session: &actix_session::Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(CSRF_SESSION_KEY) {
        return t;
    }
    let t = crate::tokens::random(32);
    let _ = session.insert(CSRF_SESSION_KEY, &t);
    t
}

fn field_from_urlencoded(body: &[u8]) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v.into_owned())
}

fn bytes_to_payload(buf: web::Bytes) -> actix_web::dev::Payload {
    let (_, mut pl) = actix_http::h1::Payload::create(true);
    pl.unread_data(buf);
    actix_web::dev::Payload::from(pl)
}

/// Every POST must carry the session's token: as the form field `csrf_token`,
/// in the query string (multipart uploads, which are not buffered here), or in
/// an `X-CSRF-Token` header. Otherwise 403 and the handler never runs.
pub async fn csrf_guard(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if req.method() != actix_web::http::Method::POST {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let expected = req
        .get_session()
        .get::<String>(CSRF_SESSION_KEY)
        .ok()
        .flatten();
    let mut provided = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| field_from_urlencoded(req.query_string().as_bytes()));
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if provided.is_none() && is_form {
        let limit = super::forms::form_limit(req.path());
        let body = req.extract::<web::Bytes>().await;
        let Ok(body) = body
            .map_err(|_| ())
            .and_then(|b| if b.len() > limit { Err(()) } else { Ok(b) })
        else {
            let mut res = HttpResponse::PayloadTooLarge().finish();
            res.extensions_mut().insert(ErrorKey("error-too-large"));
            return Ok(req.into_response(res));
        };
        provided = field_from_urlencoded(&body);
        req.set_payload(bytes_to_payload(body));
    }
    let ok = match (expected, provided) {
        (Some(e), Some(p)) => e.as_bytes().ct_eq(p.as_bytes()).into(),
        _ => false,
    };
    if !ok {
        let mut res = HttpResponse::Forbidden().finish();
        res.extensions_mut().insert(ErrorKey("error-csrf"));
        return Ok(req.into_response(res));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
