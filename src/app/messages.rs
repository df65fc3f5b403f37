//! An organiser writes to one group of a cycle's people: the preview says
//! who will get it, sending queues one email each through the outbox, and
//! the sent list shows what reached whom (failed deliveries can be retried).

use std::collections::HashMap;

use anyhow::Context;
use chrono::{DateTime, Utc};

use super::attendance::eligibility_rows;
use super::Services;
use crate::db::messages::{self, Delivery, Sent};
use crate::db::models::{Cycle, Message, OutboxMessage, Registration};
use crate::db::registrations::{self, Filter};
use crate::db::{outbox, AnyConnection, DbResult};
use crate::domain::eligibility::Verdict;
use crate::domain::messages::Draft;
use crate::domain::Audience;

/// Everyone of the cycle with their attendance verdict (confirmed only).
fn everyone(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    now: DateTime<Utc>,
) -> DbResult<Vec<(Registration, Option<Verdict>)>> {
    let verdicts: HashMap<i32, Verdict> = eligibility_rows(conn, cycle, now)?
        .into_iter()
        .map(|row| (row.id, row.standing.verdict))
        .collect();
    Ok(registrations::list(conn, cycle.id, &Filter::default())?
        .into_iter()
        .map(|r| {
            let verdict = verdicts.get(&r.id).copied();
            (r, verdict)
        })
        .collect())
}

/// Who is in `audience` now, in registration order.
fn members(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    audience: Audience,
    now: DateTime<Utc>,
) -> DbResult<Vec<Registration>> {
    Ok(everyone(conn, cycle, now)?
        .into_iter()
        .filter(|(r, verdict)| audience.includes(r.status(), *verdict))
        .map(|(r, _)| r)
        .collect())
}

/// How many people each group holds now, in the order groups are offered.
pub async fn group_sizes(
    services: &Services,
    cycle: &Cycle,
) -> anyhow::Result<Vec<(Audience, usize)>> {
    let (cycle, now) = (cycle.clone(), services.now());
    let people = services
        .db
        .read(move |c| everyone(c, &cycle, now))
        .await
        .context("counting the groups")?;
    Ok(Audience::ALL
        .iter()
        .map(|audience| {
            let size = people
                .iter()
                .filter(|(r, verdict)| audience.includes(r.status(), *verdict))
                .count();
            (*audience, size)
        })
        .collect())
}

/// The people a message to `audience` would reach if sent now.
pub async fn recipients(
    services: &Services,
    cycle: &Cycle,
    audience: Audience,
) -> anyhow::Result<Vec<Registration>> {
    let (cycle, now) = (cycle.clone(), services.now());
    services
        .db
        .read(move |c| members(c, &cycle, audience, now))
        .await
        .context("finding a message's recipients")
}

/// Sends `draft` to its group as the group stands at this moment; a send
/// key seen before sends nothing again.
pub async fn send(
    services: &Services,
    cycle: &Cycle,
    organiser_id: i32,
    draft: Draft,
    send_key: String,
) -> anyhow::Result<Sent> {
    let (cycle, now) = (cycle.clone(), services.now());
    let sent = services
        .db
        .write(move |c| {
            let ids: Vec<i32> = members(c, &cycle, draft.audience, now)?
                .iter()
                .map(|r| r.id)
                .collect();
            messages::send(c, cycle.id, &draft, &ids, organiser_id, &send_key, now)
        })
        .await
        .context("sending a message")?;
    services.wake_mail();
    Ok(sent)
}

/// The cycle's messages, newest first, with their delivery.
pub async fn sent(services: &Services, cycle: &Cycle) -> anyhow::Result<Vec<(Message, Delivery)>> {
    let cycle_id = cycle.id;
    services
        .db
        .read(move |c| messages::of_cycle(c, cycle_id))
        .await
        .context("listing sent messages")
}

/// One message and what became of it for each recipient.
pub async fn report(
    services: &Services,
    cycle: &Cycle,
    id: i32,
) -> anyhow::Result<Option<(Message, Vec<(Registration, OutboxMessage)>)>> {
    let cycle_id = cycle.id;
    services
        .db
        .read(move |c| {
            let Some(message) = messages::by_id(c, cycle_id, id)? else {
                return Ok(None);
            };
            Ok(Some((message, messages::recipients(c, id)?)))
        })
        .await
        .context("reading a sent message")
}

/// Tries the given-up deliveries of a message again; `None`: no such message.
pub async fn retry_failed(
    services: &Services,
    cycle: &Cycle,
    id: i32,
) -> anyhow::Result<Option<usize>> {
    let (cycle_id, now) = (cycle.id, services.now());
    let retried = services
        .db
        .write(move |c| {
            if messages::by_id(c, cycle_id, id)?.is_none() {
                return Ok(None);
            }
            Ok(Some(outbox::retry_given_up(c, id, now)?))
        })
        .await
        .context("retrying a message")?;
    services.wake_mail();
    Ok(retried)
}
