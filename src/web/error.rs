//! One error type for every handler. It maps to a status code; the page in
//! the user's language is rendered by `render_error_pages` (which can see the
//! request), and internal detail goes to the log, never to the user.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// A message key explaining why (e.g. `error-csrf`).
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("login required")]
    LoginRequired(String),
    #[error("too many requests")]
    TooManyRequests,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        AppError::Internal(e.into())
    }
}

/// Marks a response whose body the handler chose for a machine (a health
/// check): the error-page renderer leaves it as it is.
#[derive(Debug, Clone, Copy)]
pub struct OwnBody;

/// Left in the response for the error-page renderer.
#[derive(Debug, Clone, Copy)]
pub struct ErrorKey(pub &'static str);

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::LoginRequired(_) => StatusCode::SEE_OTHER,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal(e) if database_unavailable(e) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::LoginRequired(next) = self {
            let target = format!(
                "/login?next={}",
                percent_encoding::utf8_percent_encode(next, percent_encoding::NON_ALPHANUMERIC)
            );
            return HttpResponse::SeeOther()
                .insert_header(("Location", target))
                .finish();
        }
        let unavailable = self.status_code() == StatusCode::SERVICE_UNAVAILABLE;
        if let AppError::Internal(e) = self {
            if unavailable {
                tracing::warn!(error = %format!("{e:#}"), "database unavailable");
            } else {
                tracing::error!(error = ?e, "internal error");
            }
        }
        let key = match self {
            AppError::NotFound => "error-not-found",
            AppError::Forbidden(k) | AppError::BadRequest(k) => k,
            AppError::TooManyRequests => "error-too-many",
            _ if unavailable => "error-unavailable",
            _ => "error-internal",
        };
        let mut res = HttpResponse::build(self.status_code()).finish();
        res.extensions_mut().insert(ErrorKey(key));
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Whether an error comes from the database being out of reach (no
/// connection within the pool's short wait, a connection lost mid-query):
/// the visitor can only try again later, which a 503 says.
fn database_unavailable(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<DbError>())
        .any(DbError::is_unavailable)
}
