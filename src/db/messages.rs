//! Organisers' messages to groups: the message, one outbox row per
//! recipient in the same transaction, and what became of each.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

use super::models::{Message, OutboxMessage, Registration};
use super::schema::{messages, outbox, registrations};
use super::{cycles, outbox as queue, to_db, AnyConnection, DbResult};
use crate::domain::messages::Draft;
use crate::domain::registration::Notice;

#[derive(Debug, PartialEq, Eq)]
pub enum Sent {
    /// Written now, with its outbox rows.
    New(i32),
    /// This send key was used before (Send pressed twice, a replayed form):
    /// nothing more is written.
    Already(i32),
}

/// Records `draft` and queues it for `recipients`, in the caller's
/// transaction. The cycle's lock makes two sends with one key one message.
#[allow(clippy::too_many_arguments)]
pub fn send(
    conn: &mut AnyConnection,
    cycle_id: i32,
    draft: &Draft,
    recipients: &[i32],
    sent_by: i32,
    send_key: &str,
    now: DateTime<Utc>,
) -> DbResult<Sent> {
    cycles::lock(conn, cycle_id)?;
    let earlier: Option<i32> = messages::table
        .filter(messages::send_key.eq(send_key))
        .select(messages::id)
        .first(conn)
        .optional()?;
    if let Some(id) = earlier {
        return Ok(Sent::Already(id));
    }
    let id: i32 = diesel::insert_into(messages::table)
        .values((
            messages::cycle_id.eq(cycle_id),
            messages::audience.eq(draft.audience.as_str()),
            messages::subject.eq(&draft.subject),
            messages::body.eq(&draft.body),
            messages::sent_by.eq(Some(sent_by)),
            messages::sent_at.eq(to_db(now)),
            messages::recipients.eq(recipients.len() as i32),
            messages::send_key.eq(send_key),
        ))
        .returning(messages::id)
        .get_result(conn)?;
    for registration_id in recipients {
        queue::enqueue(
            conn,
            *registration_id,
            Notice::Message { message_id: id },
            now,
        )?;
    }
    Ok(Sent::New(id))
}

pub fn by_id(conn: &mut AnyConnection, cycle_id: i32, id: i32) -> DbResult<Option<Message>> {
    Ok(messages::table
        .find(id)
        .filter(messages::cycle_id.eq(cycle_id))
        .select(Message::as_select())
        .first(conn)
        .optional()?)
}

/// The message an outbox row delivers (the mail worker's read).
pub fn of_row(conn: &mut AnyConnection, id: i32) -> DbResult<Option<Message>> {
    Ok(messages::table
        .find(id)
        .select(Message::as_select())
        .first(conn)
        .optional()?)
}

/// How far a message's delivery has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub delivered: usize,
    pub waiting: usize,
    /// Given up after the retries (or refused for good).
    pub failed: usize,
}

impl Delivery {
    fn count(&mut self, row_sent: bool, attempts: i32) {
        if row_sent {
            self.delivered += 1;
        } else if attempts >= queue::MAX_ATTEMPTS {
            self.failed += 1;
        } else {
            self.waiting += 1;
        }
    }
}

/// A cycle's messages, newest first, each with its delivery so far.
pub fn of_cycle(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<(Message, Delivery)>> {
    let sent: Vec<Message> = messages::table
        .filter(messages::cycle_id.eq(cycle_id))
        .order(messages::id.desc())
        .select(Message::as_select())
        .load(conn)?;
    let ids: Vec<i32> = sent.iter().map(|m| m.id).collect();
    let rows: Vec<(Option<i32>, Option<chrono::NaiveDateTime>, i32)> = outbox::table
        .filter(outbox::message_id.eq_any(&ids))
        .select((outbox::message_id, outbox::sent_at, outbox::attempts))
        .load(conn)?;
    Ok(sent
        .into_iter()
        .map(|message| {
            let mut delivery = Delivery::default();
            for (_, sent_at, attempts) in rows.iter().filter(|r| r.0 == Some(message.id)) {
                delivery.count(sent_at.is_some(), *attempts);
            }
            (message, delivery)
        })
        .collect())
}

/// Each recipient of a message with its outbox row, by name.
pub fn recipients(
    conn: &mut AnyConnection,
    message_id: i32,
) -> DbResult<Vec<(Registration, OutboxMessage)>> {
    let rows: Vec<OutboxMessage> = outbox::table
        .filter(outbox::message_id.eq(message_id))
        .order(outbox::id.asc())
        .select(OutboxMessage::as_select())
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.registration_id).collect();
    let people: Vec<Registration> = registrations::table
        .filter(registrations::id.eq_any(&ids))
        .select(Registration::as_select())
        .load(conn)?;
    let mut listed: Vec<(Registration, OutboxMessage)> = rows
        .into_iter()
        .filter_map(|row| {
            let person = people
                .iter()
                .find(|p| Some(p.id) == row.registration_id)?
                .clone();
            Some((person, row))
        })
        .collect();
    crate::domain::text::sort_by_name(&mut listed, |(p, _)| {
        (p.last_name.as_str(), p.first_name.as_str())
    });
    Ok(listed)
}
