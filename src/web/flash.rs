//! A one-time notice shown on the next page after a redirect (post/redirect/get):
//! the handler stores a translation key, the page takes it out and translates it.

use actix_session::Session;

use crate::i18n::Tr;

const KEY: &str = "notice";
const COUNT: &str = "notice_count";

/// Leaves `key` (a translation key) for the next page. A session that cannot
/// be written only loses the notice, never the action, so errors are ignored.
pub fn set(session: &Session, key: &str) {
    let _ = session.insert(KEY, key);
    session.remove(COUNT);
}

/// Leaves `key` for the next page with a number (`$count` in the text).
pub fn set_count(session: &Session, key: &str, count: usize) {
    let _ = session.insert(KEY, key);
    let _ = session.insert(COUNT, count as i64);
}

/// The notice left for this page, translated; taking it clears it.
pub fn take(session: &Session, tr: &Tr) -> Option<String> {
    let count = session.remove_as::<i64>(COUNT).and_then(Result::ok);
    session
        .remove_as::<String>(KEY)
        .and_then(Result::ok)
        .map(|k| match count {
            Some(n) => tr.count(&k, n),
            None => tr.text(&k),
        })
}
