//! Organisations (issue 10): which association owns a cycle, who runs it with
//! them, and who may manage it. Pure rules; the lookups are in `app::organisations`.

use super::cycle_file::FieldProblem;
use super::text::{is_meant, Lines};
use super::Slug;

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
