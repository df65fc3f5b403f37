//! Parsing what people type. Every field is read as text (a missing field is
//! an empty one, never a 400), checked, and turned into domain values; the
//! problems come back as message keys per field, in form order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::domain::registration::Applicant;
use crate::domain::text;
use crate::domain::{Email, InstitutionType, Language};

pub use crate::domain::FieldErrors;

#[derive(Debug, Default, Clone, Deserialize, Serialize, Validate)]
#[serde(default)]
pub struct RegistrationForm {
    #[validate(length(min = 1, max = 100))]
    pub first_name: String,
    #[validate(length(min = 1, max = 100))]
    pub last_name: String,
    pub email: String,
    #[validate(length(max = 40))]
    pub phone: String,
    #[validate(length(min = 1, max = 200))]
    pub institution: String,
    pub institution_type: String,
    #[validate(length(min = 1, max = 150))]
    pub position: String,
    #[validate(length(min = 1, max = 150))]
    pub region: String,
    pub country: String,
    pub language: String,
    pub consent: String,
    /// The honeypot: people never see it, bots fill it in.
    pub website: String,
    /// Every other field sent: the chosen sessions (`slot_{n}` = a session's
    /// position; `web::session_choices` reads them).
    #[serde(flatten)]
    pub more: BTreeMap<String, String>,
}

pub const FIELD_ORDER: &[&str] = &[
    "first_name",
    "last_name",
    "email",
    "phone",
    "institution",
    "institution_type",
    "position",
    "region",
    "country",
    "language",
    "consent",
];

/// Text that cannot be what a person meant: control characters (header
/// injection), or U+FFFD left by a wrong encoding.
fn unreadable(s: &str) -> bool {
    !text::is_meant(s, text::Lines::One)
}

impl RegistrationForm {
    /// The fixed fields from the form's pairs (the cycle's questions, `q_…`,
    /// are read from the pairs themselves). None when a fixed field comes
    /// twice: the form never sends that, so it is not this form (400).
    pub fn from_pairs(pairs: &[(String, String)]) -> Option<Self> {
        let mut fields = serde_json::Map::new();
        for (key, value) in pairs.iter().filter(|(k, _)| !k.starts_with("q_")) {
            let repeated = fields
                .insert(key.clone(), serde_json::Value::String(value.clone()))
                .is_some();
            if repeated {
                return None;
            }
        }
        Some(serde_json::from_value(serde_json::Value::Object(fields)).unwrap_or_default())
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    pub fn parse(&self, consent_version: &str) -> Result<Applicant, FieldErrors> {
        let mut errors = FieldErrors::default();
        let texts = [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("phone", &self.phone),
            ("institution", &self.institution),
            ("position", &self.position),
            ("region", &self.region),
        ];
        if let Err(e) = self.validate() {
            let fields = e.field_errors();
            for name in FIELD_ORDER {
                if let Some(list) = fields.get(*name) {
                    let empty = texts.iter().any(|(f, v)| f == name && v.trim().is_empty());
                    let too_long = list.iter().any(|e| e.code == "length") && !empty;
                    let required = format!("field-required-{}", name.replace('_', "-"));
                    errors.add(
                        name,
                        if too_long {
                            "field-too-long"
                        } else {
                            &required
                        },
                    );
                }
            }
        }
        for (name, value) in texts {
            if value.trim().is_empty() && name != "phone" {
                errors.add(name, &format!("field-required-{}", name.replace('_', "-")));
            }
            // Names (of people, institutions, places) also refuse what
            // cannot be seen: zero-width and direction-changing characters.
            let bad = if name == "phone" {
                unreadable(value)
            } else {
                !text::is_readable_name(value)
            };
            if bad {
                errors.add(name, "field-unreadable");
            }
        }
        if !text::is_phone(&self.phone) {
            errors.add("phone", "field-phone-invalid");
        }
        let email = if self.email.trim().is_empty() {
            errors.add("email", "field-required-email");
            None
        } else {
            Email::parse(&self.email)
                .map_err(|e| errors.add("email", e.email_message_key()))
                .ok()
        };
        let institution_type = InstitutionType::parse(self.institution_type.trim())
            .map_err(|_| errors.add("institution_type", "field-required-institution-type"))
            .ok();
        let country = crate::domain::countries::parse(&self.country).unwrap_or_else(|| {
            errors.add("country", "field-country-invalid");
            String::new()
        });
        let language = Language::parse(self.language.trim())
            .map_err(|_| errors.add("language", "field-required-language"))
            .ok();
        if self.consent != "on" {
            errors.add("consent", "field-required-consent");
        }
        // Report in the order of the form, so the summary reads top to bottom.
        errors.0.sort_by_key(|(f, _)| {
            FIELD_ORDER
                .iter()
                .position(|x| x == f)
                .unwrap_or(usize::MAX)
        });
        match (email, institution_type, language) {
            (Some(email), Some(institution_type), Some(language)) if errors.is_empty() => {
                Ok(Applicant {
                    first_name: text::nfc(self.first_name.trim()),
                    last_name: text::nfc(self.last_name.trim()),
                    email,
                    phone: self.phone.trim().to_string(),
                    institution: text::nfc(self.institution.trim()),
                    institution_type,
                    position: text::nfc(self.position.trim()),
                    region: text::nfc(self.region.trim()),
                    country,
                    language,
                    consent_version: consent_version.to_string(),
                    answers: Vec::new(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// Forms are small: 64 KiB is more than any of ours needs, except the
/// cycle form, whose long texts (a 20,000-character description in Latvian
/// letters is 120 kB encoded) must be refused by their field, never by size.
pub const FORM_LIMIT: usize = 64 * 1024;
pub const CYCLE_FORM_LIMIT: usize = 256 * 1024;

/// The body limit of a form posted to `path` (the CSRF guard reads the body
/// before routing, so it asks here too).
pub fn form_limit(path: &str) -> usize {
    let cycle_form = path == "/admin/cycles/new"
        || path
            .strip_prefix("/admin/cycles/")
            .and_then(|r| r.strip_suffix("/edit"))
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/'));
    // A message of 10,000 Cyrillic letters is 60 kB once form-encoded.
    let message_form = path.starts_with("/admin/cycles/")
        && (path.ends_with("/messages") || path.ends_with("/messages/preview"));
    // An organisation's privacy notice is as long as a description.
    let organisation_form = path.starts_with("/admin/organisations/");
    if cycle_form || message_form || organisation_form {
        CYCLE_FORM_LIMIT
    } else {
        FORM_LIMIT
    }
}

/// Keeps what was typed, but never more than a sane amount of it.
pub fn keep(s: &str) -> String {
    s.chars().take(1000).collect()
}

pub type Values = BTreeMap<String, String>;

/// `error(field)`, the message beside a field in the page's language (empty
/// when it has none), and `has_error(field)`, for a page with `tr` and
/// `errors` whose template shows inline messages.
macro_rules! field_messages {
    ($page:ty) => {
        impl $page {
            pub fn error(&self, field: &str) -> String {
                self.errors
                    .get(field)
                    .map(|key| self.tr.text(key))
                    .unwrap_or_default()
            }
            pub fn has_error(&self, field: &str) -> bool {
                self.errors.has(field)
            }
        }
    };
}
pub(crate) use field_messages;

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> RegistrationForm {
        RegistrationForm {
            first_name: "Anna".into(),
            last_name: "Bērziņa".into(),
            email: "Anna@Muzejs.lv".into(),
            phone: "+371 2000 0000".into(),
            institution: "Talsu novada muzejs".into(),
            institution_type: "museum".into(),
            position: "Krājuma glabātāja".into(),
            region: "Talsu novads".into(),
            country: "lv".into(),
            language: "lv".into(),
            consent: "on".into(),
            website: String::new(),
            more: Default::default(),
        }
    }

    #[test]
    fn the_country_is_an_assigned_iso_code() {
        for bad in ["XX", "EU", "Latvia", ""] {
            let mut f = good();
            f.country = bad.into();
            assert_eq!(
                f.parse("v1").unwrap_err().get("country"),
                Some("field-country-invalid"),
                "{bad}"
            );
        }
        let mut f = good();
        f.country = " kz".into();
        assert_eq!(f.parse("v1").unwrap().country, "KZ");
    }

    #[test]
    fn fixed_fields_come_from_pairs_beside_the_questions() {
        let pairs = vec![
            ("first_name".to_string(), "Anna".to_string()),
            ("q_room".to_string(), "single".to_string()),
            ("q_room".to_string(), "double".to_string()),
            ("country".to_string(), "LV".to_string()),
        ];
        let f = RegistrationForm::from_pairs(&pairs).expect("questions may repeat");
        assert_eq!((f.first_name.as_str(), f.country.as_str()), ("Anna", "LV"));
        let twice = [
            pairs.clone(),
            vec![("first_name".to_string(), "B".to_string())],
        ]
        .concat();
        assert!(RegistrationForm::from_pairs(&twice).is_none());
    }

    #[test]
    fn a_complete_form_parses() {
        let a = good().parse("v1").unwrap();
        assert_eq!(a.email.normalised(), "anna@muzejs.lv");
        assert_eq!(a.country, "LV");
    }

    #[test]
    fn every_problem_is_named_in_form_order() {
        let mut f = good();
        f.first_name = "  ".into();
        f.email = "anna@".into();
        f.consent = String::new();
        f.institution = "x".repeat(201);
        f.last_name = "Bērziņa\r\nBcc: evil@example.com".into();
        let e = f.parse("v1").unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["first_name", "last_name", "email", "institution", "consent"]
        );
        assert_eq!(e.get("institution"), Some("field-too-long"));
        assert_eq!(e.get("last_name"), Some("field-unreadable"));
    }

    #[test]
    fn names_are_visible_text_in_one_spelling() {
        let mut f = good();
        f.region = "Talsu\u{200B} novads".into();
        f.position = "\u{202E}ajātābalg".into();
        let e = f.parse("v1").unwrap_err();
        assert_eq!(e.get("region"), Some("field-unreadable"));
        assert_eq!(e.get("position"), Some("field-unreadable"));
        let mut f = good();
        f.last_name = "Be\u{304}rzin\u{327}a".into();
        assert_eq!(f.parse("v1").unwrap().last_name, "Bērziņa");
    }

    #[test]
    fn wrong_encoding_is_refused() {
        let mut f = good();
        f.first_name = "B\u{FFFD}rzi\u{FFFD}a".into();
        assert_eq!(
            f.parse("v1").unwrap_err().get("first_name"),
            Some("field-unreadable")
        );
    }
}
