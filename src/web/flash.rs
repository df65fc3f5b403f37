//! A one-time notice shown on the next page after a redirect (post/redirect/get):
//! the handler stores a translation key, the page takes it out and translates it.

use actix_session::Session;

use crate::i18n::Tr;

const KEY: &str = "notice";

/// Leaves `key` (a translation key) for the next page. A session that cannot
/// be written only loses the notice, never the action, so errors are ignored.
pub fn set(session: &Session, key: &str) {
    let _ = session.insert(KEY, key);
}

/// The notice left for this page, translated; taking it clears it.
pub fn take(session: &Session, tr: &Tr) -> Option<String> {
    session
        .remove_as::<String>(KEY)
        .and_then(Result::ok)
        .map(|k| tr.text(&k))
}
