//! The grant application (seed 002: "only those who attend at least four of
//! the five sessions may apply"): who may apply, what a valid application
//! holds, and what an organiser's decision may say. No I/O; time is passed in.

use chrono::{DateTime, Utc};

use super::eligibility::{Standing, Verdict};
use super::problems::FieldErrors;
use super::text::{self, Lines};
use super::values::ApplicationStatus;
use super::Status;

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 3_000;
pub const MAX_PARTNERS: usize = 1_000;
pub const MAX_COMMENT: usize = 3_000;
/// The attachment's limit: 5 MB, as the call announces it.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;
/// No call asks for more than this; it also keeps cents inside an `i32`.
pub const MAX_CENTS: i64 = 10_000_000 * 100;

/// The cycle's call for applications, as far as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    pub apply_until: Option<DateTime<Utc>>,
    pub max_cents: Option<i64>,
}

/// Why an application cannot be made or changed now; each is a page that
/// says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The cycle has no grant call.
    NoCall,
    /// Only confirmed participants apply (not cancelled, expired, waitlisted
    /// or still unconfirmed).
    NotConfirmed,
    /// Attended too few sessions so far; this many more are needed.
    NotYetEligible { still_needed: u32 },
    /// Too few sessions remain to reach the minimum.
    NoLongerPossible,
    /// The call's deadline has passed.
    Closed,
    /// Already submitted (or decided): it cannot be changed.
    AlreadySubmitted,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NoCall => "grant-refused-no-call",
            Refusal::NotConfirmed => "grant-refused-not-confirmed",
            Refusal::NotYetEligible { .. } => "grant-refused-not-yet",
            Refusal::NoLongerPossible => "grant-refused-no-longer",
            Refusal::Closed => "grant-refused-closed",
            Refusal::AlreadySubmitted => "grant-refused-submitted",
        }
    }
}

/// Whether the call still takes applications at `now`. `apply_until` is the
/// last included minute, as with registration: "until 1 March 23:59" takes an
/// application at 23:59:59.
pub fn is_open(call: &Call, now: DateTime<Utc>) -> bool {
    call.apply_until
        .is_none_or(|until| now < until + chrono::Duration::minutes(1))
}

/// Whether this participant may write (draft or submit) an application now.
/// `existing` is the status of the application they already have, if any.
pub fn may_apply(
    call: Option<&Call>,
    status: Status,
    standing: &Standing,
    existing: Option<ApplicationStatus>,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let call = call.ok_or(Refusal::NoCall)?;
    if existing.is_some_and(|s| s != ApplicationStatus::Draft) {
        return Err(Refusal::AlreadySubmitted);
    }
    if status != Status::Confirmed {
        return Err(Refusal::NotConfirmed);
    }
    match standing.verdict {
        Verdict::Eligible => {}
        Verdict::StillPossible => {
            return Err(Refusal::NotYetEligible {
                still_needed: standing.still_needed,
            })
        }
        Verdict::NoLongerPossible => return Err(Refusal::NoLongerPossible),
    }
    if !is_open(call, now) {
        return Err(Refusal::Closed);
    }
    Ok(())
}

/// The fields as typed.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub title: String,
    pub summary: String,
    pub partners: String,
    pub amount: String,
}

/// Saving a draft or submitting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Save,
    Submit,
}

impl Action {
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim() {
            "save" => Some(Action::Save),
            "submit" => Some(Action::Submit),
            _ => None,
        }
    }
}

/// An application's content, known to be valid for its action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub title: String,
    pub summary: String,
    pub partners: String,
    pub amount_cents: Option<i64>,
}

/// Checks the fields. A draft may be incomplete, but what it holds must be
/// valid (no amount over the maximum is stored, even as a draft); a
/// submission needs a title, a summary and an amount.
pub fn check(
    fields: &Fields,
    action: Action,
    max_cents: Option<i64>,
) -> Result<Content, FieldErrors> {
    let mut errors = FieldErrors::default();
    let submitting = action == Action::Submit;
    let title = checked_text(
        "title",
        &fields.title,
        MAX_TITLE,
        Lines::One,
        submitting,
        &mut errors,
    );
    let summary = checked_text(
        "summary",
        &fields.summary,
        MAX_SUMMARY,
        Lines::Many,
        submitting,
        &mut errors,
    );
    let partners = checked_text(
        "partners",
        &fields.partners,
        MAX_PARTNERS,
        Lines::Many,
        false,
        &mut errors,
    );
    let amount_cents = if fields.amount.trim().is_empty() {
        if submitting {
            errors.add("amount", "grant-field-required-amount");
        }
        None
    } else {
        match parse_euros(&fields.amount) {
            Ok(cents) if cents <= 0 => {
                errors.add("amount", "grant-field-amount-positive");
                None
            }
            Ok(cents) if max_cents.is_some_and(|max| cents > max) => {
                errors.add("amount", "grant-field-amount-over");
                None
            }
            Ok(cents) if cents > MAX_CENTS => {
                errors.add("amount", "grant-field-amount-over");
                None
            }
            Ok(cents) => Some(cents),
            Err(NotEuros) => {
                errors.add("amount", "grant-field-amount-format");
                None
            }
        }
    };
    if errors.is_empty() {
        Ok(Content {
            title,
            summary,
            partners,
            amount_cents,
        })
    } else {
        Err(errors)
    }
}

fn checked_text(
    field: &str,
    value: &str,
    max: usize,
    lines: Lines,
    required: bool,
    errors: &mut FieldErrors,
) -> String {
    let required_key = format!("grant-field-required-{field}");
    text::checked_field(
        field,
        value,
        max,
        lines,
        required.then_some(required_key.as_str()),
        errors,
    )
}

/// Not an amount of euros.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotEuros;

/// Euros as people type them: "1500", "1500.50", "1 500,50", "€ 1500",
/// "1500 EUR". At most two decimals; returns cents.
pub fn parse_euros(typed: &str) -> Result<i64, NotEuros> {
    let mut s: String = typed
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim()
        .to_string();
    for suffix in ["EUR", "eur", "euro", "eiro"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim().to_string();
        }
    }
    // Spaces (also no-break and narrow no-break) group thousands.
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
        .collect();
    let (whole, fraction) = match digits.rsplit_once([',', '.']) {
        // "1,500" or "1.500" with three digits after the mark is ambiguous
        // between a decimal and a thousands mark: refuse rather than guess.
        Some((_, f)) if f.len() == 3 => return Err(NotEuros),
        Some((w, f)) => (w, f),
        None => (digits.as_str(), ""),
    };
    if whole.is_empty()
        || whole.len() > 12
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(NotEuros);
    }
    let euros: i64 = whole.parse().map_err(|_| NotEuros)?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| NotEuros)? * 10,
        _ => fraction.parse().map_err(|_| NotEuros)?,
    };
    euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or(NotEuros)
}

/// Cents as a plain decimal ("1500.00"), for exports and form values.
pub fn euros_plain(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Whether the bytes are a PDF document: by its content, not its name. A
/// PDF starts with `%PDF-` (readers allow up to 1 KB of junk before it) and
/// ends with `%%EOF` within its last kilobyte.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let starts = head.windows(5).any(|w| w == b"%PDF-");
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let ends = tail.windows(5).any(|w| w == b"%%EOF");
    starts && ends
}

/// An organiser's decision on a submitted application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Funded { granted_cents: i64, comment: String },
    NotFunded { comment: String },
}

impl Decision {
    pub fn status(&self) -> ApplicationStatus {
        match self {
            Decision::Funded { .. } => ApplicationStatus::Funded,
            Decision::NotFunded { .. } => ApplicationStatus::NotFunded,
        }
    }
    pub fn granted_cents(&self) -> Option<i64> {
        match self {
            Decision::Funded { granted_cents, .. } => Some(*granted_cents),
            Decision::NotFunded { .. } => None,
        }
    }
    pub fn comment(&self) -> &str {
        match self {
            Decision::Funded { comment, .. } | Decision::NotFunded { comment } => comment,
        }
    }
}

/// The decision form as typed.
#[derive(Debug, Clone, Default)]
pub struct DecisionFields {
    pub outcome: String,
    pub granted: String,
    pub comment: String,
}

/// Checks a decision. A funded application is granted a positive amount no
/// larger than the call's maximum; an empty amount grants what was asked.
pub fn check_decision(
    fields: &DecisionFields,
    requested_cents: Option<i64>,
    max_cents: Option<i64>,
) -> Result<Decision, FieldErrors> {
    let mut errors = FieldErrors::default();
    let comment = checked_text(
        "comment",
        &fields.comment,
        MAX_COMMENT,
        Lines::Many,
        false,
        &mut errors,
    );
    let decision = match fields.outcome.trim() {
        "funded" => {
            let granted = if fields.granted.trim().is_empty() {
                requested_cents.ok_or(NotEuros)
            } else {
                parse_euros(&fields.granted)
            };
            match granted {
                Ok(cents) if cents > 0 && max_cents.is_none_or(|max| cents <= max) => {
                    Some(Decision::Funded {
                        granted_cents: cents,
                        comment: comment.clone(),
                    })
                }
                Ok(cents) if cents <= 0 => {
                    errors.add("granted", "grant-field-amount-positive");
                    None
                }
                Ok(_) => {
                    errors.add("granted", "grant-field-amount-over");
                    None
                }
                Err(NotEuros) => {
                    errors.add("granted", "grant-field-amount-format");
                    None
                }
            }
        }
        "not_funded" => Some(Decision::NotFunded {
            comment: comment.clone(),
        }),
        _ => {
            errors.add("outcome", "grant-field-required-outcome");
            None
        }
    };
    match decision {
        Some(d) if errors.is_empty() => Ok(d),
        _ => Err(errors),
    }
}

/// Whether an application in `status` can be decided now: once submitted,
/// and once only (the participant is told once).
pub fn may_decide(status: ApplicationStatus) -> bool {
    status == ApplicationStatus::Submitted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::Standing;
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn call() -> Call {
        Call {
            // 2024-03-01T23:59 in Riga.
            apply_until: Some(at("2024-03-01T21:59:00Z")),
            max_cents: Some(150_000),
        }
    }

    #[test]
    fn only_the_eligible_and_confirmed_apply_before_the_deadline() {
        let eligible = Standing::from_count(4, 0, 4);
        let before = at("2024-02-01T10:00:00Z");
        let ok = may_apply(Some(&call()), Status::Confirmed, &eligible, None, before);
        assert_eq!(ok, Ok(()));
        let draft = Some(ApplicationStatus::Draft);
        assert_eq!(
            may_apply(Some(&call()), Status::Confirmed, &eligible, draft, before),
            Ok(())
        );
        assert_eq!(
            may_apply(None, Status::Confirmed, &eligible, None, before),
            Err(Refusal::NoCall)
        );
        assert_eq!(
            may_apply(Some(&call()), Status::Cancelled, &eligible, None, before),
            Err(Refusal::NotConfirmed)
        );
        let three_of_five = Standing::from_count(3, 1, 4);
        assert_eq!(
            may_apply(
                Some(&call()),
                Status::Confirmed,
                &three_of_five,
                None,
                before
            ),
            Err(Refusal::NotYetEligible { still_needed: 1 })
        );
        let too_late = Standing::from_count(3, 0, 4);
        assert_eq!(
            may_apply(Some(&call()), Status::Confirmed, &too_late, None, before),
            Err(Refusal::NoLongerPossible)
        );
        let submitted = Some(ApplicationStatus::Submitted);
        assert_eq!(
            may_apply(
                Some(&call()),
                Status::Confirmed,
                &eligible,
                submitted,
                before
            ),
            Err(Refusal::AlreadySubmitted)
        );
    }

    #[test]
    fn the_deadline_is_inclusive_to_the_last_second_of_its_minute() {
        let eligible = Standing::from_count(5, 0, 4);
        let apply = |now| may_apply(Some(&call()), Status::Confirmed, &eligible, None, at(now));
        assert_eq!(apply("2024-03-01T21:59:59Z"), Ok(()));
        assert_eq!(apply("2024-03-01T22:00:00Z"), Err(Refusal::Closed));
        let open_ended = Call {
            apply_until: None,
            max_cents: None,
        };
        assert!(is_open(&open_ended, at("2099-01-01T00:00:00Z")));
    }

    #[test]
    fn euros_are_read_as_people_type_them() {
        assert_eq!(parse_euros("1500"), Ok(150_000));
        assert_eq!(parse_euros("1500.5"), Ok(150_050));
        assert_eq!(parse_euros("1 200,50"), Ok(120_050));
        assert_eq!(parse_euros("€ 980"), Ok(98_000));
        assert_eq!(parse_euros("980 EUR"), Ok(98_000));
        assert_eq!(parse_euros("1\u{00A0}000"), Ok(100_000));
        for bad in ["", "abc", "1,500", "12.345", "-5", "1e3", "1.2.3", "١٢٣"] {
            assert_eq!(parse_euros(bad), Err(NotEuros), "{bad:?}");
        }
        assert_eq!(euros_plain(120_050), "1200.50");
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_submission_may_not() {
        let partial = Fields {
            title: "Kopienas dārzs".into(),
            ..Fields::default()
        };
        let draft = check(&partial, Action::Save, Some(150_000)).unwrap();
        assert_eq!(draft.amount_cents, None);
        let errors = check(&partial, Action::Submit, Some(150_000)).unwrap_err();
        assert!(errors.has("summary") && errors.has("amount") && !errors.has("title"));
        let over = Fields {
            amount: "1500.01".into(),
            ..partial.clone()
        };
        let errors = check(&over, Action::Save, Some(150_000)).unwrap_err();
        assert_eq!(errors.get("amount"), Some("grant-field-amount-over"));
        let zero = Fields {
            amount: "0".into(),
            ..partial
        };
        let errors = check(&zero, Action::Save, None).unwrap_err();
        assert_eq!(errors.get("amount"), Some("grant-field-amount-positive"));
    }

    #[test]
    fn long_or_unreadable_text_is_refused_by_its_field() {
        let fields = Fields {
            title: "Nosaukums\u{202E}".into(),
            summary: "ā".repeat(MAX_SUMMARY + 1),
            partners: "Bibliotēka\nMuzejs".into(),
            amount: "100".into(),
        };
        let errors = check(&fields, Action::Submit, None).unwrap_err();
        assert_eq!(errors.get("title"), Some("field-unreadable"));
        assert_eq!(errors.get("summary"), Some("field-too-long"));
        assert!(!errors.has("partners"), "partners may span lines");
        let ok = Fields {
            summary: "ā".repeat(MAX_SUMMARY),
            title: "Nosaukums".into(),
            ..fields
        };
        assert!(check(&ok, Action::Submit, None).is_ok());
    }

    #[test]
    fn a_pdf_is_known_by_its_content() {
        let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
        assert!(is_pdf(pdf));
        assert!(!is_pdf(b"PK\x03\x04 a zip renamed to .pdf"));
        assert!(!is_pdf(b"%PDF-1.4 cut off in the middle"));
        assert!(!is_pdf(b""));
    }

    #[test]
    fn a_decision_grants_at_most_the_maximum() {
        let funded = |granted: &str| DecisionFields {
            outcome: "funded".into(),
            granted: granted.into(),
            comment: "Apsveicam!".into(),
        };
        assert_eq!(
            check_decision(&funded(""), Some(120_000), Some(150_000)),
            Ok(Decision::Funded {
                granted_cents: 120_000,
                comment: "Apsveicam!".into()
            })
        );
        assert_eq!(
            check_decision(&funded("1000"), Some(120_000), Some(150_000))
                .unwrap()
                .granted_cents(),
            Some(100_000)
        );
        let errors = check_decision(&funded("2000"), Some(120_000), Some(150_000)).unwrap_err();
        assert_eq!(errors.get("granted"), Some("grant-field-amount-over"));
        let none = DecisionFields::default();
        assert!(check_decision(&none, None, None)
            .unwrap_err()
            .has("outcome"));
        assert!(may_decide(ApplicationStatus::Submitted));
        assert!(!may_decide(ApplicationStatus::Draft));
        assert!(!may_decide(ApplicationStatus::Funded));
    }

    proptest! {
        #[test]
        fn euros_written_plainly_read_back(cents in 1i64..MAX_CENTS) {
            prop_assert_eq!(parse_euros(&euros_plain(cents)), Ok(cents));
        }

        #[test]
        fn no_refusal_once_eligible_confirmed_and_open(attended in 0u32..10, min in 0u32..10) {
            let standing = Standing::from_count(attended, 0, min);
            let result = may_apply(Some(&call()), Status::Confirmed, &standing, None, at("2024-01-01T00:00:00Z"));
            prop_assert_eq!(result.is_ok(), attended >= min);
        }
    }
}
