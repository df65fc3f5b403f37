//! Organisations (issue 10): which association owns a cycle, who runs it with
//! them, and who may manage it. Pure rules; the lookups are in `app::organisations`.

use super::cycle_file::FieldProblem;
use super::text::{checked_field, is_meant, is_phone, Lines};
use super::{Email, FieldErrors, Slug};

/// Longest partner name, in characters.
pub const MAX_PARTNER: usize = 200;
/// Most co-organisers or partners one cycle names.
pub const MAX_NAMED: usize = 20;

/// The organisations a cycle file or the admin form names, by slug, and its
/// partners in free text. Whether the slugs exist is for the importer to say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CycleOrganisations {
    /// The owner (`organisation = "lmb"`); `None`: kept by administrators.
    pub owner: Option<Slug>,
    /// Others running it with the owner (`co_organisers = ["icom-lv"]`), shown on its page.
    pub co_organisers: Vec<Slug>,
    /// Partners named on its page (`partners = ["Latvijas Kara muzejs"]`).
    pub partners: Vec<String>,
}

/// Checks the slugs' form and the partners' text; reports problems under
/// `organisation`, `co_organisers` and `partners`.
pub fn parse_refs(
    owner: Option<&str>,
    co_organisers: &[String],
    partners: &[String],
    problems: &mut Vec<FieldProblem>,
) -> CycleOrganisations {
    let mut problem = |field: &str, code: &'static str| {
        problems.push(FieldProblem {
            field: field.into(),
            problem: code,
        })
    };
    let owner = match owner.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(typed) => Slug::parse(typed)
            .map_err(|_| problem("organisation", "organisation-slug"))
            .ok(),
    };
    let mut co = Vec::new();
    for typed in co_organisers
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        match Slug::parse(typed) {
            // The owner named again, or a slug twice, is said once.
            Ok(slug) if Some(&slug) == owner.as_ref() || co.contains(&slug) => {}
            Ok(slug) => co.push(slug),
            Err(_) => problem("co_organisers", "organisation-slug"),
        }
    }
    let mut names = Vec::new();
    for typed in partners.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if typed.chars().count() > MAX_PARTNER {
            problem("partners", "too-long");
        } else if !is_meant(typed, Lines::One) {
            problem("partners", "control-chars");
        } else if !names.iter().any(|n| n == typed) {
            names.push(typed.to_string());
        }
    }
    if co.len() > MAX_NAMED || names.len() > MAX_NAMED {
        problem(
            if co.len() > MAX_NAMED {
                "co_organisers"
            } else {
                "partners"
            },
            "too-many-named",
        );
    }
    CycleOrganisations {
        owner,
        co_organisers: co,
        partners: names,
    }
}

/// What participants see of an organisation (issue 11): its names, the
/// sender of mail about its cycles, whom to ask, and its privacy notice.
/// Empty texts fall back to the installation's (the site name to the name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub name: String,
    pub site_name: String,
    pub mail_from_name: String,
    pub mail_from_address: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Its own privacy notice, paragraphs separated by blank lines.
    pub privacy_notice: String,
    /// The notice's version, stored with every consent to it.
    pub privacy_notice_version: String,
}

/// Longest name, site name or sender name, in characters.
pub const MAX_NAME: usize = 200;
/// Longest privacy notice, in characters (a long notice is ~15,000).
pub const MAX_NOTICE: usize = 30_000;
/// Longest notice version ("2026-12", "v3 of 1 December 2026").
pub const MAX_VERSION: usize = 60;
/// Longest phone number.
pub const MAX_PHONE: usize = 40;

/// The identity's fields in the order the admin form shows them.
pub const IDENTITY_FIELDS: [&str; 8] = [
    "name",
    "site_name",
    "mail_from_name",
    "mail_from_address",
    "contact_email",
    "contact_phone",
    "privacy_notice",
    "privacy_notice_version",
];

/// Checks an organisation's identity as typed: every problem under its
/// field, with a message that names it; the checked values in one spelling.
pub fn check_identity(typed: &Identity) -> Result<Identity, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut one_line = |field: &str, value: &str, max: usize, required: Option<&str>| {
        checked_field(field, value, max, Lines::One, required, &mut errors)
    };
    let name = one_line(
        "name",
        &typed.name,
        MAX_NAME,
        Some("admin-organisation-required-name"),
    );
    let site_name = one_line("site_name", &typed.site_name, MAX_NAME, None);
    let mail_from_name = one_line("mail_from_name", &typed.mail_from_name, MAX_NAME, None);
    let contact_phone = one_line("contact_phone", &typed.contact_phone, MAX_PHONE, None);
    let privacy_notice_version = one_line(
        "privacy_notice_version",
        &typed.privacy_notice_version,
        MAX_VERSION,
        None,
    );
    let privacy_notice = checked_field(
        "privacy_notice",
        &typed.privacy_notice,
        MAX_NOTICE,
        Lines::Many,
        None,
        &mut errors,
    )
    // One kind of line break, as the notice is shown in paragraphs.
    .replace("\r\n", "\n");
    let mut address = |field: &str, value: &str| match value.trim() {
        "" => String::new(),
        typed => match Email::parse(typed) {
            Ok(email) => email.as_str().to_string(),
            Err(e) => {
                errors.add(field, e.email_message_key());
                typed.to_string()
            }
        },
    };
    let mail_from_address = address("mail_from_address", &typed.mail_from_address);
    let contact_email = address("contact_email", &typed.contact_email);
    if !is_phone(&contact_phone) {
        errors.add("contact_phone", "field-phone-invalid");
    }
    // A sender's name alone would send from the installation's address under
    // the organisation's name: refused, not guessed at.
    if !mail_from_name.is_empty() && mail_from_address.is_empty() {
        errors.add(
            "mail_from_address",
            "admin-organisation-required-sender-address",
        );
    }
    // A notice and its version go together: a consent must name what it
    // agreed to, and a version of nothing is nothing to agree to.
    match (privacy_notice.is_empty(), privacy_notice_version.is_empty()) {
        (false, true) => errors.add(
            "privacy_notice_version",
            "admin-organisation-required-version",
        ),
        (true, false) => errors.add("privacy_notice", "admin-organisation-required-notice"),
        _ => {}
    }
    if !errors.is_empty() {
        // "Too long" says which field and how long it may be.
        for (field, key) in errors.0.iter_mut() {
            if *key == "field-too-long" {
                *key = format!("admin-organisation-too-long-{}", field.replace('_', "-"));
            }
        }
        // In the order of the form, as its error summary lists them.
        errors
            .0
            .sort_by_key(|(field, _)| IDENTITY_FIELDS.iter().position(|f| *f == field.as_str()));
        return Err(errors);
    }
    Ok(Identity {
        name,
        site_name,
        mail_from_name,
        mail_from_address,
        contact_email,
        contact_phone,
        privacy_notice,
        privacy_notice_version,
    })
}

/// The version of the privacy notice a registration in an organisation's
/// cycle consents to: the organisation's own, else the installation's.
pub fn notice_version<'a>(own: Option<&'a str>, installation: &'a str) -> &'a str {
    match own.map(str::trim) {
        Some(version) if !version.is_empty() => version,
        _ => installation,
    }
}

/// Whom an organiser may manage: everything (administrators) or the cycles
/// owned by the organisations they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everything,
    Organisations(Vec<i32>),
}

impl Scope {
    /// Whether a cycle owned by `owner` may be seen and changed. A cycle of no
    /// organisation is every organiser's, as before organisations existed (an
    /// install that never names one works as it did; no organisation claims
    /// it, so nobody's is touched). Co-organisers are shown publicly but do
    /// not edit (one owner answers for the registrations and the money).
    pub fn may_manage(&self, owner: Option<i32>) -> bool {
        match (self, owner) {
            (Scope::Everything, _) => true,
            (Scope::Organisations(mine), Some(id)) => mine.contains(&id),
            (Scope::Organisations(_), None) => true,
        }
    }

    /// Whether this organiser may act for the organisation itself (its
    /// cross-cycle pages).
    pub fn may_act_for(&self, organisation: i32) -> bool {
        self.may_manage(Some(organisation))
    }

    /// The organisation ids a list is limited to; `None`: no limit.
    pub fn limit(&self) -> Option<&[i32]> {
        match self {
            Scope::Everything => None,
            Scope::Organisations(ids) => Some(ids),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(owner: Option<&str>, co: &[&str], partners: &[&str]) -> (CycleOrganisations, usize) {
        let mut p = vec![];
        let co: Vec<String> = co.iter().map(|s| s.to_string()).collect();
        let partners: Vec<String> = partners.iter().map(|s| s.to_string()).collect();
        let r = parse_refs(owner, &co, &partners, &mut p);
        (r, p.len())
    }

    #[test]
    fn owner_and_co_organisers_are_slugs_said_once() {
        let (r, problems) = refs(Some("lmb"), &["icom-lv", "lmb", "icom-lv", " "], &[]);
        assert_eq!(problems, 0);
        assert_eq!(r.owner.unwrap().as_str(), "lmb");
        let co: Vec<&str> = r.co_organisers.iter().map(|s| s.as_str()).collect();
        assert_eq!(co, ["icom-lv"]);
    }

    #[test]
    fn a_bad_slug_or_partner_is_a_problem() {
        assert_eq!(refs(Some("Not a slug"), &[], &[]).1, 1);
        assert_eq!(refs(None, &["no/slash"], &[]).1, 1);
        assert_eq!(refs(None, &[], &["line\nbreak"]).1, 1);
        assert_eq!(refs(None, &[], &[&"x".repeat(MAX_PARTNER + 1)]).1, 1);
        let (r, n) = refs(None, &[], &["Latvijas Kara muzejs", "Latvijas Kara muzejs"]);
        assert_eq!((r.partners.len(), n), (1, 0));
    }

    fn lmb() -> Identity {
        Identity {
            name: " Latvijas Muzeju biedrība ".into(),
            mail_from_name: "LMB".into(),
            mail_from_address: "info@muzeji.lv".into(),
            contact_email: "birojs@muzeji.lv".into(),
            contact_phone: "+371 67 000 000".into(),
            privacy_notice: "Pirmā rindkopa.\r\n\r\nOtrā.".into(),
            privacy_notice_version: "2026-12".into(),
            ..Identity::default()
        }
    }

    #[test]
    fn an_identity_is_checked_field_by_field() {
        let checked = check_identity(&lmb()).unwrap();
        assert_eq!(checked.name, "Latvijas Muzeju biedrība");
        assert_eq!(checked.privacy_notice, "Pirmā rindkopa.\n\nOtrā.");
        // Only a name is needed.
        let bare = Identity {
            name: "ICOM Latvija".into(),
            ..Identity::default()
        };
        assert_eq!(check_identity(&bare).unwrap(), bare);

        let fields = |typed: Identity| -> Vec<String> {
            check_identity(&typed)
                .unwrap_err()
                .0
                .into_iter()
                .map(|(field, _)| field)
                .collect()
        };
        assert_eq!(
            fields(Identity {
                name: " ".into(),
                mail_from_address: "not an address".into(),
                contact_email: "anna@localhost".into(),
                contact_phone: "call me".into(),
                ..lmb()
            }),
            [
                "name",
                "mail_from_address",
                "contact_email",
                "contact_phone"
            ]
        );
        assert_eq!(
            fields(Identity {
                site_name: "x".repeat(MAX_NAME + 1),
                mail_from_name: "Line\nbreak".into(),
                privacy_notice: "x".repeat(MAX_NOTICE + 1),
                ..lmb()
            }),
            ["site_name", "mail_from_name", "privacy_notice"]
        );
        assert_eq!(
            fields(Identity {
                mail_from_address: String::new(),
                privacy_notice_version: String::new(),
                ..lmb()
            }),
            ["mail_from_address", "privacy_notice_version"]
        );
        assert_eq!(
            fields(Identity {
                privacy_notice: "  ".into(),
                ..lmb()
            }),
            ["privacy_notice"]
        );
    }

    #[test]
    fn a_consent_names_the_owners_notice_else_the_installations() {
        assert_eq!(notice_version(Some("lmb-3"), "2026-11"), "lmb-3");
        assert_eq!(notice_version(Some(" "), "2026-11"), "2026-11");
        assert_eq!(notice_version(None, "2026-11"), "2026-11");
    }

    #[test]
    fn organisers_manage_only_their_organisations_cycles() {
        let mine = Scope::Organisations(vec![1, 3]);
        assert!(mine.may_manage(Some(1)));
        assert!(!mine.may_manage(Some(2)));
        assert!(
            mine.may_manage(None),
            "a cycle of no organisation is every organiser's"
        );
        assert!(Scope::Everything.may_manage(None));
        assert!(Scope::Everything.may_manage(Some(2)));
        assert!(!Scope::Organisations(vec![]).may_manage(Some(1)));
    }
}
