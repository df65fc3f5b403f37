//! The cycle form's error messages name their field (issue 11): "Enter the
//! cycle's title", not "This is required". The cycle file's checks report a
//! short code per field (shared with `cohort cycle import`); here each code
//! becomes a message written for that field, or, for a field without one, a
//! general message quoting the field's label.

use crate::i18n::Tr;

/// Codes whose general message (`problem-*`) does not say which field.
const GENERAL: &[&str] = &["required", "too-long", "control-chars", "format", "range"];

/// The message for `key` (`problem-{code}`) on the form field `field`
/// (`title`, `s2_starts`, `grant_title`).
pub fn message(t: Tr, field: &str, key: &str) -> String {
    let Some(code) = key.strip_prefix("problem-") else {
        return t.text(key);
    };
    let (session, name) = split_session(field);
    let kebab = name.replace('_', "-");
    let specific = match session {
        Some(_) => format!("cycle-error-session-{kebab}-{code}"),
        None => format!("cycle-error-{kebab}-{code}"),
    };
    let n = session.clone().unwrap_or_default();
    if t.has(&specific) {
        return t.with(&specific, &[("n", &n)]);
    }
    if GENERAL.contains(&code) {
        let label = match (&session, label_key(name, session.is_some())) {
            (Some(n), Some(k)) => format!("{} {n}: {}", t.text("admin-session"), t.text(k)),
            (None, Some(k)) => t.text(k),
            (_, None) => return t.text(key),
        };
        return t.with(&format!("cycle-error-{code}"), &[("field", &label)]);
    }
    t.text(key)
}

/// `s2_starts` is session 2's `starts`; anything else is the cycle's own.
fn split_session(field: &str) -> (Option<String>, &str) {
    if let Some((n, name)) = field.strip_prefix('s').and_then(|r| r.split_once('_')) {
        if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) {
            return (Some(n.to_string()), name);
        }
    }
    (None, field)
}

/// The form's label of a field, as the template shows it.
fn label_key(name: &str, in_session: bool) -> Option<&'static str> {
    Some(match (name, in_session) {
        ("title", true) => "cycle-field-session-title",
        ("starts", true) => "cycle-field-starts",
        ("ends", true) => "cycle-field-ends",
        ("mode", true) => "cycle-field-mode",
        ("location", true) => "cycle-field-location",
        ("online_url", true) => "cycle-field-online-url",
        (_, true) => return None,
        ("slug", _) => "cycle-field-slug",
        ("title", _) => "cycle-field-title",
        ("description", _) => "cycle-field-description",
        ("audience", _) => "cycle-field-audience",
        ("contact_email", _) => "cycle-field-contact-email",
        ("contact_phone", _) => "cycle-field-contact-phone",
        ("language", _) => "cycle-field-language",
        ("timezone", _) => "cycle-field-timezone",
        ("country", _) => "field-country",
        ("capacity", _) => "cycle-field-capacity",
        ("registration_opens", _) => "cycle-field-opens",
        ("registration_closes", _) => "cycle-field-closes",
        ("hold_hours", _) => "cycle-field-hold-hours",
        ("min_sessions", _) => "cycle-field-min-sessions",
        ("retention_months", _) => "cycle-field-retention-months",
        ("reminder_hours_before", _) => "cycle-field-reminder-hours",
        ("grant_title", _) => "cycle-field-grant-title",
        ("grant_apply_until", _) => "cycle-field-grant-until",
        ("grant_max_amount", _) => "cycle-field-grant-max",
        ("grant_decisions_by", _) => "cycle-field-grant-decisions-by",
        ("grant_description", _) => "cycle-field-grant-description",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Language;

    #[test]
    fn a_missing_title_names_the_cycles_title() {
        let t = Tr::new(Language::En);
        assert_eq!(
            message(t, "title", "problem-required"),
            "Enter the cycle's title"
        );
        assert_eq!(
            message(Tr::new(Language::Lv), "title", "problem-required"),
            "Ievadiet cikla nosaukumu"
        );
    }

    #[test]
    fn a_session_field_names_its_session() {
        let t = Tr::new(Language::En);
        assert_eq!(
            message(t, "s3_starts", "problem-format"),
            "Enter when session 3 starts, like 2026-12-04T10:00"
        );
    }

    #[test]
    fn a_field_without_its_own_message_is_named_by_its_label() {
        let t = Tr::new(Language::En);
        let m = message(t, "grant_apply_until", "problem-format");
        assert_eq!(
            m,
            "Enter “Applications accepted until” as a date and time, like 2026-11-29T23:59"
        );
        let m = message(t, "s4_location", "problem-too-long");
        assert_eq!(m, "“Session 4: Venue and address” is too long");
    }

    #[test]
    fn messages_that_already_say_what_to_do_stay() {
        let t = Tr::new(Language::En);
        assert_eq!(
            message(t, "s2_location", "problem-location-required"),
            t.text("problem-location-required")
        );
    }
}
