//! What a participant or the public reads is in every language, complete or
//! not: only organiser pages may fall back to English. A key is public unless
//! it is named below as an organiser's, so a new key must be translated into
//! every language until someone decides only organisers read it.

use super::tests::{ids, source, walk};
use super::FALLBACK;
use crate::domain::Language;

/// Keys only organisers read, by prefix: their pages, sign-in and setup, the
/// attendance tools, the grant decisions, the messages they send.
const ORGANISER_PREFIXES: &[&str] = &[
    "nav-organiser",
    "nav-admin",
    "nav-logout",
    "alert-",
    "admin-",
    "role-",
    "login-",
    "setup-",
    "cycle-field-",
    "problem-",
    "source-",
    "roster-",
    "import-",
    "matched-by-",
    "verdict-",
    "matrix-",
    "audit-",
    "checkin-",
    "applications-",
    "application-",
    "decision-",
    "message-",
    "confirm-",
    "attendance-early-",
    "cycle-error-",
    "dash-",
    "report-",
];

/// Organiser keys whose prefix is shared with public ones (`field-`,
/// `notice-`, `error-`, `grant-field-`).
const ORGANISER_KEYS: &[&str] = &[
    "error-admin-only",
    "error-other-organisation",
    "field-name",
    "field-password",
    "field-password-new",
    "field-password-again",
    "field-password-short",
    "field-password-mismatch",
    "field-organiser-exists",
    "field-required-name",
    "field-required-password",
    "attendance-not-chosen",
    "cycle-sessions-hint",
    "grant-field-required-outcome",
    "notice-capacity-changed",
    "notice-registration-cancelled",
    "notice-registration-restored",
    "notice-unchanged",
    "notice-organiser-added",
    "notice-attendance-saved",
    "notice-eligible-notified",
    "notice-no-new-eligible",
    "notice-message-sent",
    "notice-message-already-sent",
    "notice-message-retried",
    "notice-schedule-told",
    "notice-restore-registered-again",
    "notice-decision-saved",
    "notice-decision-not-open",
];

fn is_organiser_key(key: &str) -> bool {
    ORGANISER_KEYS.contains(&key) || ORGANISER_PREFIXES.iter().any(|p| key.starts_with(p))
}

fn public_keys() -> Vec<String> {
    ids(source(FALLBACK))
        .into_iter()
        .filter(|k| !is_organiser_key(k))
        .collect()
}

#[test]
fn every_language_has_every_public_key() {
    let public = public_keys();
    // Public pages, the participant's own page and every email.
    assert!(public.len() > 300, "only {} public keys", public.len());
    for lang in Language::ALL {
        let keys = ids(source(*lang));
        let missing: Vec<_> = public.iter().filter(|k| !keys.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "{lang} lacks {} key(s) a participant reads (they would see English): {missing:?}",
            missing.len()
        );
    }
}

/// The pages and emails only participants and the public read, and the code
/// that words their messages. Not here: `base.html` and `macros.html` (shared
/// with organiser pages), `login.html`, `setup.html` and `admin/`.
const PARTICIPANT_SOURCES: &[&str] = &[
    "templates/index.html",
    "templates/cycle.html",
    "templates/registered.html",
    "templates/lost_link.html",
    "templates/participant.html",
    "templates/cancel.html",
    "templates/erase.html",
    "templates/erased.html",
    "templates/grant.html",
    "templates/certificate.html",
    "templates/verify.html",
    "templates/privacy.html",
    "templates/error.html",
    "templates/mail",
    "src/mail",
    "src/web/public.rs",
    "src/web/participant.rs",
    "src/web/grant.rs",
    "src/web/certificate.rs",
    "src/web/privacy.rs",
    "src/web/forms.rs",
    "src/web/error.rs",
];

#[test]
fn participant_pages_and_emails_use_no_organiser_key() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let known = ids(source(FALLBACK));
    // The listed organiser keys exist, so the list cannot silently go stale.
    for key in ORGANISER_KEYS {
        assert!(known.contains(*key), "{key} is not a key of en.ftl");
    }
    let quoted = regex_lite::Regex::new(r#""([a-z][a-z0-9-]+)""#).unwrap();
    let mut seen = 0;
    for place in PARTICIPANT_SOURCES {
        let path = root.join(place);
        let files = if path.is_dir() {
            walk(path)
        } else {
            vec![path]
        };
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a listed source");
            for c in quoted.captures_iter(&text) {
                if known.contains(&c[1]) {
                    seen += 1;
                    assert!(
                        !is_organiser_key(&c[1]),
                        "{} shows {} to participants, but it is counted as an organiser key",
                        file.display(),
                        &c[1]
                    );
                }
            }
        }
    }
    assert!(seen > 100, "found only {seen} keys in participant sources");
}
