//! The outbox: messages written with the change that caused them, sent later
//! by the worker. A row is claimed before sending so that several server
//! processes never send the same message at once.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;

use super::models::OutboxMessage;
use super::schema::outbox;
use super::{to_db, AnyConnection, DbResult};
use crate::domain::registration::Notice;

/// Records that `notice` is to be sent to a registration, in the caller's
/// transaction. A notice with a dedupe key that was already written is not
/// written again; returns whether a row was added.
pub fn enqueue(
    conn: &mut AnyConnection,
    registration_id: i32,
    notice: Notice,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let dedupe_key = notice.dedupe_key(registration_id, now);
    if let Some(key) = &dedupe_key {
        if exists(conn, key)? {
            return Ok(false);
        }
    }
    let params = serde_json::to_string(&notice)
        .map_err(|_| super::DbError::Invariant("a notice always serialises"))?;
    diesel::insert_into(outbox::table)
        .values((
            outbox::registration_id.eq(Some(registration_id)),
            outbox::kind.eq(notice.kind()),
            outbox::params.eq(params),
            outbox::dedupe_key.eq(dedupe_key),
            outbox::message_id.eq(notice.message_id()),
            outbox::created_at.eq(to_db(now)),
            outbox::next_attempt_at.eq(to_db(now)),
        ))
        .execute(conn)?;
    Ok(true)
}

/// After this many attempts a message is given up (its backoff has reached
/// an hour long before: about a day of trying).
pub const MAX_ATTEMPTS: i32 = 30;

pub fn due(
    conn: &mut AnyConnection,
    now: DateTime<Utc>,
    limit: i64,
) -> DbResult<Vec<OutboxMessage>> {
    Ok(outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(MAX_ATTEMPTS))
        .filter(outbox::next_attempt_at.le(to_db(now)))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(to_db(now))),
        )
        .order(outbox::id.asc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)?)
}

/// Conditional claim of several messages in one statement: for each, exactly
/// one worker wins the update. Returns the ids this worker now holds. The
/// claim lasts `claim_for`, longer than the caller will spend sending them
/// (the worker stops and releases the rest before it runs out), and short,
/// so a dead process frees them soon.
pub fn claim(
    conn: &mut AnyConnection,
    ids: &[i32],
    now: DateTime<Utc>,
    node: &str,
    claim_for: Duration,
) -> DbResult<Vec<i32>> {
    Ok(diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .filter(outbox::sent_at.is_null())
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(to_db(now))),
        )
        .set((
            outbox::claimed_until.eq(Some(to_db(now + claim_for))),
            outbox::claimed_by.eq(Some(node)),
        ))
        .returning(outbox::id)
        .get_results(conn)?)
}

/// Gives back this node's claims on `ids` that were not sent: the pass ran
/// out of its claim's time before reaching them.
pub fn release(conn: &mut AnyConnection, ids: &[i32], node: &str) -> DbResult<usize> {
    Ok(diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .filter(outbox::sent_at.is_null())
        .filter(outbox::claimed_by.eq(node))
        .set((
            outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
        ))
        .execute(conn)?)
}

/// At start: claims this node still holds belonged to its previous run,
/// which has died; release them instead of waiting for them to run out.
pub fn release_claims_of(conn: &mut AnyConnection, node: &str) -> DbResult<usize> {
    let held: Vec<i32> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::claimed_by.eq(node))
        .select(outbox::id)
        .load(conn)?;
    release(conn, &held, node)
}

/// A message that can never be sent: kept, with its reason, and no longer
/// tried (nor counted as mail waiting to go out).
pub fn give_up(conn: &mut AnyConnection, id: i32, node: &str, error: &str) -> DbResult<()> {
    let error: String = error.chars().take(1000).collect();
    diesel::update(outbox::table.find(id))
        .filter(outbox::claimed_by.eq(node))
        .set((
            outbox::attempts.eq(MAX_ATTEMPTS),
            outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Messages given up.
pub fn given_up_count(conn: &mut AnyConnection) -> DbResult<i64> {
    Ok(outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.ge(MAX_ATTEMPTS))
        .count()
        .get_result(conn)?)
}

/// A delivery succeeded again: what waits out a backoff from the outage is
/// due now, instead of each message waiting up to an hour on its own. Only
/// messages that failed before: mail scheduled for later stays later.
pub fn send_backlog_now(conn: &mut AnyConnection, now: DateTime<Utc>) -> DbResult<usize> {
    Ok(diesel::update(outbox::table)
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.gt(0))
        .filter(outbox::attempts.lt(MAX_ATTEMPTS))
        .filter(outbox::next_attempt_at.gt(to_db(now)))
        .set(outbox::next_attempt_at.eq(to_db(now)))
        .execute(conn)?)
}

/// When the oldest message still being tried was written, if there is one.
pub fn oldest_unsent(conn: &mut AnyConnection) -> DbResult<Option<DateTime<Utc>>> {
    let oldest: Option<chrono::NaiveDateTime> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(MAX_ATTEMPTS))
        .select(diesel::dsl::min(outbox::created_at))
        .first(conn)?;
    Ok(oldest.map(super::from_db))
}

/// Done with a row: sent, or (`note`) found not to apply any more.
pub fn mark_sent(
    conn: &mut AnyConnection,
    id: i32,
    now: DateTime<Utc>,
    note: Option<&str>,
) -> DbResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(Some(to_db(now))),
            outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(note),
        ))
        .execute(conn)?;
    Ok(())
}

/// `mark_sent` for several delivered messages in one statement: the worker
/// marks a chunk at once rather than one write per email (issue 12).
pub fn mark_all_sent(conn: &mut AnyConnection, ids: &[i32], now: DateTime<Utc>) -> DbResult<usize> {
    Ok(diesel::update(outbox::table.filter(outbox::id.eq_any(ids)))
        .set((
            outbox::sent_at.eq(Some(to_db(now))),
            outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?)
}

/// A failed attempt, by the node that holds the claim (a node whose claim
/// ran out must not clear the claim another node holds now).
pub fn mark_failed(
    conn: &mut AnyConnection,
    id: i32,
    node: &str,
    retry_at: DateTime<Utc>,
    error: &str,
) -> DbResult<()> {
    let error: String = error.chars().take(1000).collect();
    diesel::update(outbox::table.find(id))
        .filter(outbox::claimed_by.eq(node))
        .set((
            outbox::next_attempt_at.eq(to_db(retry_at)),
            outbox::claimed_until.eq(None::<chrono::NaiveDateTime>),
            outbox::claimed_by.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn for_registration(conn: &mut AnyConnection, reg_id: i32) -> DbResult<Vec<OutboxMessage>> {
    Ok(outbox::table
        .filter(outbox::registration_id.eq(reg_id))
        .order(outbox::id.asc())
        .select(OutboxMessage::as_select())
        .load(conn)?)
}

/// Whether a message with this key was already written (e.g. the grant
/// notice, which each person gets once however often an organiser presses).
pub fn exists(conn: &mut AnyConnection, dedupe_key: &str) -> DbResult<bool> {
    let n: i64 = outbox::table
        .filter(outbox::dedupe_key.eq(dedupe_key))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Messages not sent yet (due or waiting for a retry).
pub fn unsent_count(conn: &mut AnyConnection) -> DbResult<i64> {
    Ok(outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Messages given up for good are tried again from now (an organiser
/// pressed "retry" after fixing an address or the mail server).
pub fn retry_given_up(
    conn: &mut AnyConnection,
    message_id: i32,
    now: DateTime<Utc>,
) -> DbResult<usize> {
    Ok(diesel::update(outbox::table)
        .filter(outbox::message_id.eq(message_id))
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.ge(MAX_ATTEMPTS))
        .set((
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(to_db(now)),
        ))
        .execute(conn)?)
}
