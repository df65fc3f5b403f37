//! Organisations (issue 10): `cohort organisation add`, memberships, and the
//! one question every organiser page asks — may this organiser reach what
//! the URL names?

use anyhow::Context;

use super::Services;
use crate::db::models::Organiser;
use crate::db::organisations::{self, Organisation};
use crate::domain::organisations::{check_identity, Identity, Scope};
use crate::domain::text::{is_meant, Lines};
use crate::domain::FieldErrors;
use crate::domain::Slug;

/// What an organiser page's URL names, whose owner decides who may open it.
#[derive(Debug, Clone)]
pub enum Target {
    /// `{slug}`: a cycle.
    Cycle(String),
    /// `{registration_id}`, or the registration a check-in code opens.
    Registration(i32),
    /// `{organisation}`: an organisation's own pages.
    Organisation(String),
}

/// Whether the organiser may reach a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Allowed,
    /// It belongs to another organisation (403, saying so).
    OtherOrganisation,
    /// There is no such thing: the page's own 404 says so.
    Missing,
}

/// What this organiser may manage: administrators everything, organisers
/// their organisations' cycles.
pub async fn scope_of(services: &Services, organiser: &Organiser) -> anyhow::Result<Scope> {
    if organiser.is_admin() {
        return Ok(Scope::Everything);
    }
    let id = organiser.id;
    let ids = services
        .db
        .read(move |c| organisations::membership_ids(c, id))
        .await
        .context("reading an organiser's organisations")?;
    Ok(Scope::Organisations(ids))
}

/// The one check behind every organiser page (see `web::scope`).
pub async fn reach(services: &Services, scope: &Scope, target: Target) -> anyhow::Result<Reach> {
    if *scope == Scope::Everything {
        return Ok(Reach::Allowed);
    }
    let owner = services
        .db
        .read(move |c| match target {
            Target::Cycle(slug) => organisations::owner_of_cycle(c, &slug),
            Target::Registration(id) => organisations::owner_of_registration(c, id),
            Target::Organisation(slug) => Ok(organisations::by_slug(c, &slug)?.map(|o| Some(o.id))),
        })
        .await
        .context("reading whose it is")?;
    Ok(match owner {
        None => Reach::Missing,
        Some(owner) if scope.may_manage(owner) => Reach::Allowed,
        Some(_) => Reach::OtherOrganisation,
    })
}

/// The organisations an organiser may give a cycle to (the admin form's
/// choice): all of them for an administrator.
pub async fn choosable(
    services: &Services,
    organiser: &Organiser,
) -> anyhow::Result<Vec<Organisation>> {
    let (id, admin) = (organiser.id, organiser.is_admin());
    services
        .db
        .read(move |c| {
            if admin {
                organisations::all(c)
            } else {
                organisations::of_organiser(c, id)
            }
        })
        .await
        .context("reading organisations")
}

/// Why an organisation could not be added.
#[derive(Debug, PartialEq, Eq)]
pub enum AddProblem {
    Slug,
    Name,
    Sender,
}

/// `cohort organisation add`: creates the organisation, or renames the one
/// with this slug. True when created.
pub async fn add(
    services: &Services,
    slug: &str,
    name: &str,
) -> anyhow::Result<Result<(Organisation, bool), AddProblem>> {
    let Ok(slug) = Slug::parse(slug) else {
        return Ok(Err(AddProblem::Slug));
    };
    let name = crate::domain::text::nfc(name.trim());
    if name.is_empty() || name.chars().count() > 200 || !is_meant(&name, Lines::One) {
        return Ok(Err(AddProblem::Name));
    }
    let now = services.now();
    let saved = services
        .db
        .write(move |c| organisations::add_or_rename(c, slug.as_str(), &name, now))
        .await
        .context("saving an organisation")?;
    Ok(Ok(saved))
}

/// The organisations named by these slugs, or the first slug nobody has.
pub async fn by_slugs(
    services: &Services,
    slugs: &[String],
) -> anyhow::Result<Result<Vec<Organisation>, String>> {
    let slugs = slugs.to_vec();
    services
        .db
        .read(move |c| {
            let mut found = Vec::new();
            for slug in &slugs {
                match organisations::by_slug(c, slug.trim())? {
                    Some(o) => found.push(o),
                    None => return Ok(Err(slug.clone())),
                }
            }
            Ok(Ok(found))
        })
        .await
        .context("reading organisations")
}

/// Puts an organiser in these organisations (those already held stay).
pub async fn join(
    services: &Services,
    organiser_id: i32,
    organisation_ids: Vec<i32>,
) -> anyhow::Result<()> {
    services
        .db
        .write(move |c| {
            for id in organisation_ids {
                organisations::add_member(c, organiser_id, id)?;
            }
            Ok(())
        })
        .await
        .context("adding an organiser to organisations")
}

/// The owner, co-organisers and partners of a cycle (its page, its form).
pub async fn of_cycle(
    services: &Services,
    cycle: &crate::db::models::Cycle,
) -> anyhow::Result<organisations::CycleOrganisers> {
    let cycle = cycle.clone();
    services
        .db
        .read(move |c| organisations::of_cycle(c, &cycle))
        .await
        .context("reading a cycle's organisations")
}

/// Changes what participants see of an organisation (its names, sender,
/// contact, privacy notice): checked as a whole, every problem by field,
/// nothing stored unless all of it is right. Mail already waiting in the
/// outbox goes out under the new sender (it is rendered at send time).
pub async fn set_identity(
    services: &Services,
    organisation: &Organisation,
    typed: Identity,
) -> anyhow::Result<Result<Organisation, FieldErrors>> {
    let identity = match check_identity(&typed) {
        Ok(identity) => identity,
        Err(errors) => return Ok(Err(errors)),
    };
    let id = organisation.id;
    let saved = services
        .db
        .write(move |c| {
            organisations::set_identity(c, id, &identity)?;
            organisations::by_id(c, id)
        })
        .await
        .context("saving an organisation's identity")?
        .context("the organisation just saved is gone")?;
    Ok(Ok(saved))
}

/// `set_identity` from the organisation page: the sender's address is the
/// operator's to give (the installation's relay sends as it, and a relay
/// that refuses it loses all of the organisation's mail), so only an
/// administrator changes it; an organiser who types another gets a message
/// beside it and nothing is stored.
pub async fn set_identity_as(
    services: &Services,
    organisation: &Organisation,
    typed: Identity,
    by: &Organiser,
) -> anyhow::Result<Result<Organisation, FieldErrors>> {
    let changes_sender = typed.mail_from_address.trim() != organisation.mail_from_address.trim();
    if !changes_sender || by.is_admin() {
        return set_identity(services, organisation, typed).await;
    }
    // Every other field's message too, as for any refused form.
    let mut errors = check_identity(&typed).err().unwrap_or_default();
    if !errors.has("mail_from_address") {
        errors.add("mail_from_address", "admin-organisation-sender-admin-only");
    }
    Ok(Err(errors))
}

/// The organisations an organiser may edit (administrators: all), by name.
pub async fn editable(
    services: &Services,
    organiser: &Organiser,
) -> anyhow::Result<Vec<Organisation>> {
    choosable(services, organiser).await
}

/// One organisation by slug (`None`: no such organisation).
pub async fn by_slug(services: &Services, slug: &str) -> anyhow::Result<Option<Organisation>> {
    let slug = slug.to_string();
    services
        .db
        .read(move |c| organisations::by_slug(c, &slug))
        .await
        .context("reading an organisation")
}
