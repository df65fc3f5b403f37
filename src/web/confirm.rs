//! "Are you sure?" before an organiser's action that is hard to take back
//! (cancelling a registration, marking everyone present): a page with what
//! will happen, a warning button that sends the action again with
//! `confirmed=yes`, and a way back. Works without JavaScript.

use askama::Template;
use askama_web::WebTemplate;

use crate::i18n::Tr;
use crate::web::pages::Frame;

#[derive(Template, WebTemplate)]
#[template(path = "admin/confirm.html")]
pub struct ConfirmPage {
    pub tr: Tr,
    pub frame: Frame,
    /// The page this action belongs to (the caption links back to it).
    pub caption: String,
    pub back: String,
    pub title: String,
    pub text: String,
    pub warning: Option<String>,
    /// Where the confirmed form goes.
    pub action: String,
    /// Fields sent again with the confirmation.
    pub hidden: Vec<(String, String)>,
    pub button: String,
}

/// Whether a form carries the confirmation from a `ConfirmPage`.
pub fn confirmed(form: &[(String, String)]) -> bool {
    form.iter().any(|(k, v)| k == "confirmed" && v == "yes")
}
