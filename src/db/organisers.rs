//! Organiser accounts and the one-time setup link for the first administrator.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::Organiser;
use super::schema::{organiser_sessions, organisers, setup_tokens};
use super::{to_db, AnyConnection, DbResult};
use crate::domain::Email;

pub fn count(conn: &mut AnyConnection) -> DbResult<i64> {
    Ok(organisers::table.count().get_result(conn)?)
}

pub fn by_email(conn: &mut AnyConnection, email: &str) -> DbResult<Option<Organiser>> {
    Ok(organisers::table
        .filter(organisers::email.eq(email.trim().to_lowercase()))
        .select(Organiser::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Organiser>> {
    Ok(organisers::table
        .find(id)
        .select(Organiser::as_select())
        .first(conn)
        .optional()?)
}

pub fn all(conn: &mut AnyConnection) -> DbResult<Vec<Organiser>> {
    Ok(organisers::table
        .order(organisers::name.asc())
        .select(Organiser::as_select())
        .load(conn)?)
}

/// Adds an organiser; `None` when the address is taken.
pub fn add(
    conn: &mut AnyConnection,
    email: &Email,
    name: &str,
    admin: bool,
    password_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<Organiser>> {
    if by_email(conn, email.normalised())?.is_some() {
        return Ok(None);
    }
    let id: i32 = diesel::insert_into(organisers::table)
        .values((
            organisers::email.eq(email.normalised()),
            organisers::name.eq(name.trim()),
            organisers::role.eq(if admin { "admin" } else { "organiser" }),
            organisers::password_hash.eq(password_hash),
            organisers::created_at.eq(to_db(now)),
        ))
        .returning(organisers::id)
        .get_result(conn)?;
    by_id(conn, id)
}

/// Replaces any earlier setup link: only the latest printed one works.
pub fn new_setup_token(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<()> {
    diesel::delete(setup_tokens::table).execute(conn)?;
    diesel::insert_into(setup_tokens::table)
        .values((
            setup_tokens::token_hash.eq(token_hash),
            setup_tokens::created_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn setup_token_valid(conn: &mut AnyConnection, token_hash: &str) -> DbResult<bool> {
    let n: i64 = setup_tokens::table
        .filter(setup_tokens::token_hash.eq(token_hash))
        .count()
        .get_result(conn)?;
    Ok(n == 1 && count(conn)? == 0)
}

/// Uses the setup link: true when this call consumed it.
pub fn consume_setup_token(conn: &mut AnyConnection, token_hash: &str) -> DbResult<bool> {
    let n = diesel::delete(setup_tokens::table.filter(setup_tokens::token_hash.eq(token_hash)))
        .execute(conn)?;
    Ok(n == 1 && count(conn)? == 0)
}

/// Records a new organiser session (by the hash of its token); sessions
/// that ran out are cleared on the way.
pub fn start_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    organiser_id: i32,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    diesel::delete(organiser_sessions::table.filter(organiser_sessions::expires_at.le(to_db(now))))
        .execute(conn)?;
    diesel::insert_into(organiser_sessions::table)
        .values((
            organiser_sessions::token_hash.eq(token_hash),
            organiser_sessions::organiser_id.eq(organiser_id),
            organiser_sessions::created_at.eq(to_db(now)),
            organiser_sessions::expires_at.eq(to_db(expires_at)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The organiser of a session that exists and has not run out.
pub fn of_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<Organiser>> {
    Ok(organiser_sessions::table
        .inner_join(organisers::table)
        .filter(organiser_sessions::token_hash.eq(token_hash))
        .filter(organiser_sessions::expires_at.gt(to_db(now)))
        .select(Organiser::as_select())
        .first(conn)
        .optional()?)
}

pub fn end_session(conn: &mut AnyConnection, token_hash: &str) -> DbResult<usize> {
    Ok(diesel::delete(organiser_sessions::table.find(token_hash)).execute(conn)?)
}

/// Ends every session of an organiser ("log out everywhere").
pub fn end_all_sessions(conn: &mut AnyConnection, organiser_id: i32) -> DbResult<usize> {
    Ok(diesel::delete(
        organiser_sessions::table.filter(organiser_sessions::organiser_id.eq(organiser_id)),
    )
    .execute(conn)?)
}
