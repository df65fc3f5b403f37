//! `/admin/organisations`: what participants see of an organisation — its
//! name, site name, sender, contact and privacy notice (issue 11).
//! Administrators edit every organisation, organisers their own (the
//! `{organisation}` in the URL is checked by `super::scope`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;

use super::auth::CurrentOrganiser;
use super::error::{AppError, AppResult};
use super::flash;
use super::forms::FieldErrors;
use super::lang::Lang;
use super::pages::{organiser_frame, render_with_status, see_other, Frame};
use super::AppState;
use crate::db::organisations::Organisation;
use crate::domain::organisations::{Identity, MAX_NAME, MAX_NOTICE, MAX_PHONE, MAX_VERSION};
use crate::i18n::Tr;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/organisations", web::get().to(list))
        .service(
            web::resource("/admin/organisations/{organisation}")
                // The notice is long: refused by its field, never by size.
                .app_data(web::FormConfig::default().limit(super::forms::CYCLE_FORM_LIMIT))
                .route(web::get().to(edit))
                .route(web::post().to(save)),
        );
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisations.html")]
pub struct ListPage {
    pub tr: Tr,
    pub frame: Frame,
    pub organisations: Vec<Organisation>,
}

/// The organisations this organiser may edit: all for an administrator.
pub async fn list(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<ListPage> {
    let organisations = crate::app::organisations::editable(&state.services, &me.0).await?;
    Ok(ListPage {
        tr: lang.tr(),
        frame: organiser_frame(&req, &session, &me.0),
        organisations,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/organisation.html")]
pub struct EditPage {
    pub tr: Tr,
    pub frame: Frame,
    pub slug: String,
    /// The name as stored (the heading), whatever was typed.
    pub heading: String,
    pub v: Identity,
    pub errors: FieldErrors,
    pub notice: Option<String>,
    /// Only an administrator changes the sender's address.
    pub may_set_sender: bool,
}

super::forms::field_messages!(EditPage);

impl EditPage {
    pub fn max_name(&self) -> usize {
        MAX_NAME
    }
    pub fn max_notice(&self) -> usize {
        MAX_NOTICE
    }
    pub fn max_phone(&self) -> usize {
        MAX_PHONE
    }
    pub fn max_version(&self) -> usize {
        MAX_VERSION
    }
}

async fn organisation(state: &AppState, slug: &str) -> AppResult<Organisation> {
    crate::app::organisations::by_slug(&state.services, slug)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn edit(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
) -> AppResult<EditPage> {
    let organisation = organisation(&state, &path.into_inner()).await?;
    let t = lang.tr();
    Ok(EditPage {
        notice: flash::take(&session, &t),
        tr: t,
        frame: organiser_frame(&req, &session, &me.0),
        slug: organisation.slug.clone(),
        heading: organisation.name.clone(),
        v: organisation.identity(),
        errors: FieldErrors::default(),
        may_set_sender: me.0.is_admin(),
    })
}

/// The form as posted; a field left out is empty.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct IdentityForm {
    name: String,
    site_name: String,
    mail_from_name: String,
    mail_from_address: String,
    contact_email: String,
    contact_phone: String,
    privacy_notice: String,
    privacy_notice_version: String,
}

impl IdentityForm {
    fn typed(self) -> Identity {
        Identity {
            name: self.name,
            site_name: self.site_name,
            mail_from_name: self.mail_from_name,
            mail_from_address: self.mail_from_address,
            contact_email: self.contact_email,
            contact_phone: self.contact_phone,
            privacy_notice: self.privacy_notice,
            privacy_notice_version: self.privacy_notice_version,
        }
    }
}

/// Shown again as typed, but never more than a sane amount of it.
fn kept(typed: &Identity) -> Identity {
    let cut = |s: &str, max: usize| s.chars().take(max + 100).collect::<String>();
    Identity {
        name: cut(&typed.name, MAX_NAME),
        site_name: cut(&typed.site_name, MAX_NAME),
        mail_from_name: cut(&typed.mail_from_name, MAX_NAME),
        mail_from_address: super::forms::keep(&typed.mail_from_address),
        contact_email: super::forms::keep(&typed.contact_email),
        contact_phone: cut(&typed.contact_phone, MAX_PHONE),
        privacy_notice: cut(&typed.privacy_notice, MAX_NOTICE),
        privacy_notice_version: cut(&typed.privacy_notice_version, MAX_VERSION),
    }
}

/// Saves the identity, or shows the form again (422) with a message beside
/// each field at fault and nothing stored.
#[allow(clippy::too_many_arguments)]
pub async fn save(
    state: web::Data<AppState>,
    me: CurrentOrganiser,
    path: web::Path<String>,
    lang: Lang,
    req: HttpRequest,
    session: Session,
    form: web::Form<IdentityForm>,
) -> AppResult<HttpResponse> {
    let organisation = organisation(&state, &path.into_inner()).await?;
    let typed = form.into_inner().typed();
    let shown = kept(&typed);
    match crate::app::organisations::set_identity_as(&state.services, &organisation, typed, &me.0)
        .await?
    {
        Ok(saved) => {
            flash::set(&session, "admin-organisation-saved");
            Ok(see_other(&format!("/admin/organisations/{}", saved.slug)))
        }
        Err(errors) => {
            let page = EditPage {
                tr: lang.tr(),
                frame: organiser_frame(&req, &session, &me.0),
                slug: organisation.slug.clone(),
                heading: organisation.name.clone(),
                v: shown,
                errors,
                notice: None,
                may_set_sender: me.0.is_admin(),
            };
            render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}
