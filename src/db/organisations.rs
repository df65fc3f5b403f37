//! Organisations, their organisers, and the organisations and partners a
//! cycle names (issue 10).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{
    cycle_co_organisers, cycle_owners, cycle_partners, cycles, organisations,
    organiser_organisations, registrations,
};
use super::{to_db, AnyConnection, DbResult};
use crate::domain::organisations::{CycleOrganisations, Identity};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: i32,
    pub slug: String,
    pub name: String,
    /// The site's name on its cycles' pages (empty: `name`).
    pub site_name: String,
    /// Mail about its cycles comes From this (empty: the installation's sender).
    pub mail_from_name: String,
    pub mail_from_address: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub created_at: NaiveDateTime,
    /// Its own privacy notice and version (both empty: the installation's).
    pub privacy_notice: String,
    pub privacy_notice_version: String,
}

impl Organisation {
    /// What its cycles' pages call the site.
    pub fn site_title(&self) -> &str {
        match self.site_name.trim() {
            "" => &self.name,
            own => own,
        }
    }

    /// Whether its cycles link to its own privacy notice.
    pub fn has_own_notice(&self) -> bool {
        !self.privacy_notice_version.trim().is_empty()
    }

    /// What participants see of it, as the admin form edits it.
    pub fn identity(&self) -> Identity {
        Identity {
            name: self.name.clone(),
            site_name: self.site_name.clone(),
            mail_from_name: self.mail_from_name.clone(),
            mail_from_address: self.mail_from_address.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            privacy_notice: self.privacy_notice.clone(),
            privacy_notice_version: self.privacy_notice_version.clone(),
        }
    }
}

pub fn all(conn: &mut AnyConnection) -> DbResult<Vec<Organisation>> {
    Ok(organisations::table
        .order(organisations::name.asc())
        .select(Organisation::as_select())
        .load(conn)?)
}

pub fn by_slug(conn: &mut AnyConnection, slug: &str) -> DbResult<Option<Organisation>> {
    Ok(organisations::table
        .filter(organisations::slug.eq(slug))
        .select(Organisation::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Organisation>> {
    Ok(organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()?)
}

/// Creates the organisation, or renames the one with this slug (so the
/// upgrade's "main" can be given the association's name). True when created.
pub fn add_or_rename(
    conn: &mut AnyConnection,
    slug: &str,
    name: &str,
    now: DateTime<Utc>,
) -> DbResult<(Organisation, bool)> {
    let created = match by_slug(conn, slug)? {
        Some(found) => {
            diesel::update(organisations::table.find(found.id))
                .set(organisations::name.eq(name))
                .execute(conn)?;
            false
        }
        None => {
            diesel::insert_into(organisations::table)
                .values((
                    organisations::slug.eq(slug),
                    organisations::name.eq(name),
                    organisations::created_at.eq(to_db(now)),
                ))
                .execute(conn)?;
            true
        }
    };
    let saved = by_slug(conn, slug)?.ok_or(super::DbError::Invariant("organisation just saved"))?;
    Ok((saved, created))
}

/// Stores what participants see of an organisation (checked by
/// `domain::organisations::check_identity`).
pub fn set_identity(conn: &mut AnyConnection, id: i32, identity: &Identity) -> DbResult<()> {
    diesel::update(organisations::table.find(id))
        .set((
            organisations::name.eq(&identity.name),
            organisations::site_name.eq(&identity.site_name),
            organisations::mail_from_name.eq(&identity.mail_from_name),
            organisations::mail_from_address.eq(&identity.mail_from_address),
            organisations::contact_email.eq(&identity.contact_email),
            organisations::contact_phone.eq(&identity.contact_phone),
            organisations::privacy_notice.eq(&identity.privacy_notice),
            organisations::privacy_notice_version.eq(&identity.privacy_notice_version),
        ))
        .execute(conn)?;
    Ok(())
}

/// Puts an organiser in an organisation (nothing when already there).
pub fn add_member(
    conn: &mut AnyConnection,
    organiser_id: i32,
    organisation_id: i32,
) -> DbResult<()> {
    let there: i64 = organiser_organisations::table
        .filter(organiser_organisations::organiser_id.eq(organiser_id))
        .filter(organiser_organisations::organisation_id.eq(organisation_id))
        .count()
        .get_result(conn)?;
    if there == 0 {
        diesel::insert_into(organiser_organisations::table)
            .values((
                organiser_organisations::organiser_id.eq(organiser_id),
                organiser_organisations::organisation_id.eq(organisation_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The ids of the organisations an organiser belongs to.
pub fn membership_ids(conn: &mut AnyConnection, organiser_id: i32) -> DbResult<Vec<i32>> {
    Ok(organiser_organisations::table
        .filter(organiser_organisations::organiser_id.eq(organiser_id))
        .select(organiser_organisations::organisation_id)
        .load(conn)?)
}

/// The organisations an organiser belongs to, by name.
pub fn of_organiser(conn: &mut AnyConnection, organiser_id: i32) -> DbResult<Vec<Organisation>> {
    Ok(organisations::table
        .inner_join(organiser_organisations::table)
        .filter(organiser_organisations::organiser_id.eq(organiser_id))
        .order(organisations::name.asc())
        .select(Organisation::as_select())
        .load(conn)?)
}

/// Whose cycle this is: `None` when there is no such cycle, `Some(None)`
/// when it belongs to no organisation.
pub fn owner_of_cycle(conn: &mut AnyConnection, slug: &str) -> DbResult<Option<Option<i32>>> {
    Ok(cycles::table
        .left_join(cycle_owners::table)
        .filter(cycles::slug.eq(slug))
        .select(cycle_owners::organisation_id.nullable())
        .first(conn)
        .optional()?)
}

/// Whose cycle a registration is in (as `owner_of_cycle`).
pub fn owner_of_registration(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Option<i32>>> {
    Ok(registrations::table
        .left_join(cycle_owners::table.on(cycle_owners::cycle_id.eq(registrations::cycle_id)))
        .filter(registrations::id.eq(id))
        .select(cycle_owners::organisation_id.nullable())
        .first(conn)
        .optional()?)
}

/// The cycle's owner and co-organisers by id, or the first slug nobody has.
pub struct Resolved {
    pub owner: Option<i32>,
    pub co_organisers: Vec<i32>,
    pub partners: Vec<String>,
}

pub fn resolve(
    conn: &mut AnyConnection,
    named: &CycleOrganisations,
) -> DbResult<Result<Resolved, String>> {
    let mut id_of = |slug: &str| -> DbResult<Result<i32, String>> {
        Ok(by_slug(conn, slug)?.map(|o| o.id).ok_or(slug.to_string()))
    };
    let owner = match &named.owner {
        Some(slug) => match id_of(slug.as_str())? {
            Ok(id) => Some(id),
            Err(unknown) => return Ok(Err(unknown)),
        },
        None => None,
    };
    let mut co_organisers = Vec::new();
    for slug in &named.co_organisers {
        match id_of(slug.as_str())? {
            Ok(id) => co_organisers.push(id),
            Err(unknown) => return Ok(Err(unknown)),
        }
    }
    Ok(Ok(Resolved {
        owner,
        co_organisers,
        partners: named.partners.clone(),
    }))
}

/// Sets a cycle's owner, co-organisers and partners to these.
pub fn set_for_cycle(conn: &mut AnyConnection, cycle_id: i32, r: &Resolved) -> DbResult<()> {
    diesel::delete(cycle_owners::table.find(cycle_id)).execute(conn)?;
    if let Some(owner) = r.owner {
        diesel::insert_into(cycle_owners::table)
            .values((
                cycle_owners::cycle_id.eq(cycle_id),
                cycle_owners::organisation_id.eq(owner),
            ))
            .execute(conn)?;
    }
    diesel::delete(cycle_co_organisers::table.filter(cycle_co_organisers::cycle_id.eq(cycle_id)))
        .execute(conn)?;
    for (i, id) in r.co_organisers.iter().enumerate() {
        diesel::insert_into(cycle_co_organisers::table)
            .values((
                cycle_co_organisers::cycle_id.eq(cycle_id),
                cycle_co_organisers::organisation_id.eq(id),
                cycle_co_organisers::position.eq(i as i32 + 1),
            ))
            .execute(conn)?;
    }
    diesel::delete(cycle_partners::table.filter(cycle_partners::cycle_id.eq(cycle_id)))
        .execute(conn)?;
    for (i, name) in r.partners.iter().enumerate() {
        diesel::insert_into(cycle_partners::table)
            .values((
                cycle_partners::cycle_id.eq(cycle_id),
                cycle_partners::position.eq(i as i32 + 1),
                cycle_partners::name.eq(name),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Who runs a cycle, for its page and the admin form.
#[derive(Debug, Clone, Default)]
pub struct CycleOrganisers {
    pub owner: Option<Organisation>,
    pub co_organisers: Vec<Organisation>,
    pub partners: Vec<String>,
}

impl CycleOrganisers {
    /// The slugs and names as the cycle file writes them.
    pub fn named(&self) -> (String, Vec<String>, Vec<String>) {
        (
            self.owner
                .as_ref()
                .map(|o| o.slug.clone())
                .unwrap_or_default(),
            self.co_organisers.iter().map(|o| o.slug.clone()).collect(),
            self.partners.clone(),
        )
    }
}

pub fn of_cycle(
    conn: &mut AnyConnection,
    cycle: &super::models::Cycle,
) -> DbResult<CycleOrganisers> {
    let owner = owner_by_cycle_id(conn, cycle.id)?;
    let co_organisers = organisations::table
        .inner_join(cycle_co_organisers::table)
        .filter(cycle_co_organisers::cycle_id.eq(cycle.id))
        .order(cycle_co_organisers::position.asc())
        .select(Organisation::as_select())
        .load(conn)?;
    let partners = cycle_partners::table
        .filter(cycle_partners::cycle_id.eq(cycle.id))
        .order(cycle_partners::position.asc())
        .select(cycle_partners::name)
        .load(conn)?;
    Ok(CycleOrganisers {
        owner,
        co_organisers,
        partners,
    })
}

/// The organisation owning a cycle (the mail worker's sender, the site name).
pub fn owner_by_cycle_id(
    conn: &mut AnyConnection,
    cycle_id: i32,
) -> DbResult<Option<Organisation>> {
    Ok(cycle_owners::table
        .inner_join(organisations::table)
        .filter(cycle_owners::cycle_id.eq(cycle_id))
        .select(Organisation::as_select())
        .first(conn)
        .optional()?)
}

/// The cycles an organiser manages, newest first: every cycle (`None`, an
/// administrator) or those the given organisations own and those of no
/// organisation (see `Scope::may_manage`). The admin lists read
/// cycles through here, so an organiser never sees another's.
pub fn managed_cycles(
    conn: &mut AnyConnection,
    organisation_ids: Option<&[i32]>,
) -> DbResult<Vec<super::models::Cycle>> {
    let mut query = cycles::table
        .order(cycles::created_at.desc())
        .select(super::models::Cycle::as_select())
        .into_boxed();
    if let Some(ids) = organisation_ids {
        query = query.filter(
            cycles::id
                .eq_any(
                    cycle_owners::table
                        .filter(cycle_owners::organisation_id.eq_any(ids.to_vec()))
                        .select(cycle_owners::cycle_id),
                )
                .or(diesel::dsl::not(
                    cycles::id.eq_any(cycle_owners::table.select(cycle_owners::cycle_id)),
                )),
        );
    }
    Ok(query.load(conn)?)
}
