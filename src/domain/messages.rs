//! An organiser's message to a group of a cycle's people (issue 9): who is
//! in each group, and what a message may hold. The text is plain: pages and
//! emails escape it, and the subject never carries a line break into a
//! mail header.

use super::eligibility::Verdict;
use super::text::{checked_field, Lines};
use super::{Audience, FieldErrors, Status};

pub const MAX_SUBJECT: usize = 150;
pub const MAX_BODY: usize = 10_000;

impl Audience {
    /// Whether someone with `status` — and, when confirmed, `verdict` on
    /// attendance — is in this group.
    pub fn includes(self, status: Status, verdict: Option<Verdict>) -> bool {
        let confirmed_with =
            |wanted: Verdict| status == Status::Confirmed && verdict == Some(wanted);
        match self {
            Audience::SeatHolders => status.holds_seat(),
            Audience::Waitlist => status == Status::Waitlisted,
            Audience::Eligible => confirmed_with(Verdict::Eligible),
            Audience::StillPossible => confirmed_with(Verdict::StillPossible),
            Audience::NoLongerPossible => confirmed_with(Verdict::NoLongerPossible),
        }
    }
}

/// What an organiser typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub audience: String,
    pub subject: String,
    pub body: String,
}

/// A message that may be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub audience: Audience,
    pub subject: String,
    pub body: String,
}

pub fn check(typed: &Typed) -> Result<Draft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let audience = Audience::parse(typed.audience.trim()).ok();
    if audience.is_none() {
        errors.add("audience", "message-field-required-audience");
    }
    let subject = checked_field(
        "subject",
        &typed.subject,
        MAX_SUBJECT,
        Lines::One,
        Some("message-field-required-subject"),
        &mut errors,
    );
    let body = checked_field(
        "body",
        &typed.body,
        MAX_BODY,
        Lines::Many,
        Some("message-field-required-body"),
        &mut errors,
    );
    match audience {
        Some(audience) if errors.is_empty() => Ok(Draft {
            audience,
            // A tab is fine in a text, not in a mail's subject line.
            subject: subject.replace('\t', " "),
            // One kind of line break, whatever the browser sent.
            body: body.replace("\r\n", "\n"),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(audience: &str, subject: &str, body: &str) -> Typed {
        Typed {
            audience: audience.into(),
            subject: subject.into(),
            body: body.into(),
        }
    }

    #[test]
    fn each_group_holds_only_its_people() {
        use Status::*;
        let waitlisted = (Waitlisted, None);
        let pending = (Pending, None);
        let eligible = (Confirmed, Some(Verdict::Eligible));
        let possible = (Confirmed, Some(Verdict::StillPossible));
        let lost = (Confirmed, Some(Verdict::NoLongerPossible));
        let cancelled = (Cancelled, None);
        let members = |audience: Audience| {
            [waitlisted, pending, eligible, possible, lost, cancelled]
                .iter()
                .map(|(s, v)| audience.includes(*s, *v))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            members(Audience::SeatHolders),
            [false, true, true, true, true, false]
        );
        assert_eq!(
            members(Audience::Waitlist),
            [true, false, false, false, false, false]
        );
        assert_eq!(
            members(Audience::Eligible),
            [false, false, true, false, false, false]
        );
        assert_eq!(
            members(Audience::StillPossible),
            [false, false, false, true, false, false]
        );
        assert_eq!(
            members(Audience::NoLongerPossible),
            [false, false, false, false, true, false]
        );
    }

    #[test]
    fn a_message_needs_a_group_a_subject_and_a_text() {
        let errors = check(&typed("everyone", " ", "")).unwrap_err();
        assert_eq!(
            errors.0,
            [
                (
                    "audience".to_string(),
                    "message-field-required-audience".to_string()
                ),
                (
                    "subject".to_string(),
                    "message-field-required-subject".to_string()
                ),
                (
                    "body".to_string(),
                    "message-field-required-body".to_string()
                ),
            ]
        );
        let draft = check(&typed(
            "waitlist",
            " Telpa mainīta ",
            "Rindā:\r\nlūdzu, gaidiet.",
        ))
        .unwrap();
        assert_eq!(draft.audience, Audience::Waitlist);
        assert_eq!(draft.subject, "Telpa mainīta");
        assert_eq!(draft.body, "Rindā:\nlūdzu, gaidiet.");
    }

    #[test]
    fn a_subject_is_one_line_and_the_text_has_a_limit() {
        let header = check(&typed("waitlist", "Hi\r\nBcc: all@example.com", "x")).unwrap_err();
        assert_eq!(header.get("subject"), Some("field-unreadable"));
        let long = "ā".repeat(MAX_BODY + 1);
        assert_eq!(
            check(&typed("waitlist", "Hi", &long))
                .unwrap_err()
                .get("body"),
            Some("field-too-long")
        );
    }

    proptest! {
        #[test]
        fn an_accepted_subject_never_holds_a_control_character(subject in ".{0,200}") {
            if let Ok(draft) = check(&typed("seat_holders", &subject, "text")) {
                prop_assert!(!draft.subject.chars().any(char::is_control));
                prop_assert!(draft.subject.chars().count() <= MAX_SUBJECT);
            }
        }
    }
}
