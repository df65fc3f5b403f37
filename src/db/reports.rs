//! The counts behind the dashboard and the funders' reports, added up by
//! the database. Every function takes the cycles asked about and answers
//! for all of them in one grouped query, so a page costs the same few
//! queries for one cycle or a hundred.

use chrono::NaiveDateTime;
use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};

use super::models::Session;
use super::schema::{attendance, certificates, erasures, registrations, sessions};
use super::{AnyConnection, DbResult};
use crate::domain::Status;

/// The sessions of these cycles, by cycle and position.
pub fn sessions_of(conn: &mut AnyConnection, cycle_ids: &[i32]) -> DbResult<Vec<Session>> {
    Ok(sessions::table
        .filter(sessions::cycle_id.eq_any(cycle_ids))
        .order((sessions::cycle_id.asc(), sessions::position.asc()))
        .select(Session::as_select())
        .load(conn)?)
}

/// (cycle id, status, registrations).
pub fn status_counts(
    conn: &mut AnyConnection,
    cycle_ids: &[i32],
) -> DbResult<Vec<(i32, String, i64)>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq_any(cycle_ids))
        .group_by((registrations::cycle_id, registrations::status))
        .select((registrations::cycle_id, registrations::status, count_star()))
        .load(conn)?)
}

/// (session id, participants marked present) for the sessions of these
/// cycles; like the rosters, only confirmed registrations count.
pub fn present_per_session(
    conn: &mut AnyConnection,
    cycle_ids: &[i32],
) -> DbResult<Vec<(i32, i64)>> {
    Ok(attendance::table
        .inner_join(registrations::table)
        .filter(registrations::cycle_id.eq_any(cycle_ids))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .filter(attendance::present.eq(true))
        .group_by(attendance::session_id)
        .select((attendance::session_id, count_star()))
        .load(conn)?)
}

/// (cycle id, sessions attended) for every confirmed participant of these
/// cycles: one small row each, counted by the database.
pub fn sessions_attended(conn: &mut AnyConnection, cycle_ids: &[i32]) -> DbResult<Vec<(i32, i64)>> {
    let rows: Vec<(i32, i32, i64)> = registrations::table
        .left_join(
            attendance::table.on(attendance::registration_id
                .eq(registrations::id)
                .and(attendance::present.eq(true))),
        )
        .filter(registrations::cycle_id.eq_any(cycle_ids))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .group_by((registrations::cycle_id, registrations::id))
        .select((
            registrations::cycle_id,
            registrations::id,
            count(attendance::id.nullable()),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(cycle, _, n)| (cycle, n)).collect())
}

/// Certificates issued per cycle, including those of people erased since
/// (erasure deletes the certificate, and records that it did).
pub fn certificates_issued(
    conn: &mut AnyConnection,
    cycle_ids: &[i32],
) -> DbResult<Vec<(i32, i64)>> {
    let held: Vec<(i32, i64)> = certificates::table
        .inner_join(registrations::table)
        .filter(registrations::cycle_id.eq_any(cycle_ids))
        .group_by(registrations::cycle_id)
        .select((registrations::cycle_id, count_star()))
        .load(conn)?;
    // `details` is the JSON of `privacy::Erased`, written without spaces.
    let erased: Vec<(i32, i64)> = erasures::table
        .filter(erasures::cycle_id.eq_any(cycle_ids))
        .filter(erasures::details.like("%\"certificate\":true%"))
        .group_by(erasures::cycle_id)
        .select((erasures::cycle_id, count_star()))
        .load(conn)?;
    Ok(held.into_iter().chain(erased).collect())
}

#[derive(QueryableByName)]
struct QuarterCount {
    #[diesel(sql_type = Integer)]
    cycle_id: i32,
    #[diesel(sql_type = Text)]
    quarter: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// (cycle id, start of the UTC quarter hour, registrations made in it).
/// Grouped by the quarter hour rather than the day: the day depends on each
/// cycle's zone, which the domain applies (`report::per_day`), and some
/// zones are half an hour (India, +5:30) or three quarters (Nepal, +5:45)
/// off UTC, so an hour could straddle their midnight. The text differs per
/// backend.
pub fn registrations_per_quarter_hour(
    conn: &mut AnyConnection,
    cycle_ids: &[i32],
) -> DbResult<Vec<(i32, NaiveDateTime, i64)>> {
    if cycle_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<QuarterCount> = match conn {
        AnyConnection::Sqlite(c) => {
            let marks = vec!["?"; cycle_ids.len()].join(", ");
            let mut query = diesel::sql_query(format!(
                "SELECT cycle_id, strftime('%Y-%m-%d %H:', registered_at) || \
                 printf('%02d', CAST(strftime('%M', registered_at) AS INTEGER) / 15 * 15) || \
                 ':00' AS quarter, COUNT(*) AS n FROM registrations \
                 WHERE cycle_id IN ({marks}) GROUP BY 1, 2"
            ))
            .into_boxed();
            for id in cycle_ids {
                query = query.bind::<Integer, _>(*id);
            }
            query.load(c)?
        }
        AnyConnection::Postgresql(c) => {
            let marks = (1..=cycle_ids.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut query = diesel::sql_query(format!(
                "SELECT cycle_id, to_char(date_trunc('hour', registered_at) + \
                 floor(extract(minute FROM registered_at) / 15) * interval '15 minutes', \
                 'YYYY-MM-DD HH24:MI:00') AS quarter, COUNT(*) AS n FROM registrations \
                 WHERE cycle_id IN ({marks}) GROUP BY 1, 2"
            ))
            .into_boxed();
            for id in cycle_ids {
                query = query.bind::<Integer, _>(*id);
            }
            query.load(c)?
        }
    };
    rows.into_iter()
        .map(|r| {
            NaiveDateTime::parse_from_str(&r.quarter, "%Y-%m-%d %H:%M:%S")
                .map(|quarter| (r.cycle_id, quarter, r.n))
                .map_err(|_| super::DbError::Invariant("a quarter hour reads back as a time"))
        })
        .collect()
}

/// Registrations of one cycle grouped by where they come from, with their
/// status: (country, kind of institution, region, status, registrations).
pub type Origin = (String, String, String, String, i64);

pub fn origins(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Vec<Origin>> {
    Ok(registrations::table
        .filter(registrations::cycle_id.eq(cycle_id))
        .group_by((
            registrations::country,
            registrations::institution_type,
            registrations::region,
            registrations::status,
        ))
        .select((
            registrations::country,
            registrations::institution_type,
            registrations::region,
            registrations::status,
            count_star(),
        ))
        .load(conn)?)
}

/// Participants of one cycle present at one session or more, grouped the
/// same way: (country, kind of institution, region, people).
pub fn attended_origins(
    conn: &mut AnyConnection,
    cycle_id: i32,
) -> DbResult<Vec<(String, String, String, i64)>> {
    Ok(registrations::table
        .inner_join(attendance::table)
        .filter(registrations::cycle_id.eq(cycle_id))
        .filter(registrations::status.eq(Status::Confirmed.as_str()))
        .filter(attendance::present.eq(true))
        .group_by((
            registrations::country,
            registrations::institution_type,
            registrations::region,
        ))
        .select((
            registrations::country,
            registrations::institution_type,
            registrations::region,
            count(registrations::id).aggregate_distinct(),
        ))
        .load(conn)?)
}
