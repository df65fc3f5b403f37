//! The organisers' dashboard and the funders' reports (issues 10 and 11):
//! the numbers of every cycle asked about, read in a fixed handful of
//! grouped queries whatever the number of cycles, and the same numbers as
//! CSV and XLSX. Which registrations count is said in `domain::report`.

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};

use super::exports::Table;
use super::Services;
use crate::db::models::{Cycle, Session};
use crate::db::{cycles, reports as db, AnyConnection, DbResult};
use crate::domain::eligibility::sessions_remaining;
use crate::domain::report::{
    days_to_deadline, next_session, per_day, Breakdown, CycleState, OutcomeCounts, StatusCounts,
};
use crate::domain::Status;

/// One session and how many participants were marked present.
#[derive(Debug, Clone)]
pub struct SessionFigures {
    pub session: Session,
    pub present: u64,
    /// Started by now: its attendance can be known.
    pub started: bool,
}

/// Everything the dashboard shows about one cycle.
#[derive(Debug, Clone)]
pub struct CycleFigures {
    pub cycle: Cycle,
    pub state: CycleState,
    pub statuses: StatusCounts,
    pub days_to_deadline: Option<i64>,
    pub next_session: Option<Session>,
    pub sessions: Vec<SessionFigures>,
    pub outcomes: OutcomeCounts,
    pub certificates: u64,
    pub per_day: Vec<(NaiveDate, u64)>,
}

/// A cycle's report for its funders: the dashboard's numbers and where the
/// people came from.
#[derive(Debug, Clone)]
pub struct CycleReport {
    pub figures: CycleFigures,
    pub by_country: Breakdown,
    pub by_institution_type: Breakdown,
    pub by_region: Breakdown,
}

fn sum_for(rows: &[(i32, i64)], cycle_id: i32) -> u64 {
    rows.iter()
        .filter(|(id, _)| *id == cycle_id)
        .map(|(_, n)| *n as u64)
        .sum()
}

/// The figures of `list`, in its order: seven grouped queries in all,
/// however many cycles.
fn figures(
    conn: &mut AnyConnection,
    list: Vec<Cycle>,
    now: DateTime<Utc>,
) -> DbResult<Vec<CycleFigures>> {
    let ids: Vec<i32> = list.iter().map(|c| c.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let all_sessions = db::sessions_of(conn, &ids)?;
    let statuses = db::status_counts(conn, &ids)?;
    let present = db::present_per_session(conn, &ids)?;
    let attended = db::sessions_attended(conn, &ids)?;
    let certificates = db::certificates_issued(conn, &ids)?;
    let quarters = db::registrations_per_quarter_hour(conn, &ids)?;
    let mut out = Vec::with_capacity(list.len());
    for cycle in list {
        let sessions: Vec<&Session> = all_sessions
            .iter()
            .filter(|s| s.cycle_id == cycle.id)
            .collect();
        let times: Vec<(DateTime<Utc>, DateTime<Utc>)> = sessions
            .iter()
            .map(|s| (s.starts_at.and_utc(), s.ends_at.and_utc()))
            .collect();
        let mut counts = StatusCounts::default();
        for (_, status, n) in statuses.iter().filter(|(id, _, _)| *id == cycle.id) {
            // An unknown stored status is an error, never a silent default.
            let status = Status::parse(status)
                .map_err(|_| crate::db::DbError::Invariant("a stored status is known"))?;
            counts.add(status, *n as u64);
        }
        let remaining = sessions_remaining(times.iter().map(|(_, end)| *end), now);
        let outcomes = OutcomeCounts::tally(
            attended
                .iter()
                .filter(|(id, _)| *id == cycle.id)
                .map(|(_, n)| (*n as u32, 1)),
            remaining,
            cycle.min_sessions.max(0) as u32,
        );
        let cycle_quarters: Vec<_> = quarters
            .iter()
            .filter(|(id, _, _)| *id == cycle.id)
            .map(|(_, quarter, n)| (*quarter, *n as u64))
            .collect();
        out.push(CycleFigures {
            state: CycleState::of(cycle.published, cycle.window(), &times, now),
            statuses: counts,
            days_to_deadline: days_to_deadline(cycle.window(), cycle.tz(), now),
            next_session: next_session(&times, now).map(|i| sessions[i].clone()),
            sessions: sessions
                .iter()
                .map(|s| SessionFigures {
                    session: (*s).clone(),
                    present: sum_for(&present, s.id),
                    started: s.starts_at.and_utc() <= now,
                })
                .collect(),
            outcomes,
            certificates: sum_for(&certificates, cycle.id),
            per_day: per_day(&cycle_quarters, cycle.tz()),
            cycle,
        });
    }
    Ok(out)
}

/// Every cycle the organiser sees, newest first, with its figures.
///
/// Today every organiser sees every cycle; when cycles belong to
/// organisations, the list read here is the one to narrow: the figures
/// follow whatever cycles they are given.
/// `limit`: the organisations whose cycles an organiser manages (`None`: an
/// administrator, every cycle).
pub async fn dashboard(
    services: &Services,
    limit: Option<&[i32]>,
) -> anyhow::Result<Vec<CycleFigures>> {
    let now = services.now();
    let limit = limit.map(<[i32]>::to_vec);
    services
        .db
        .read(move |c| {
            let list = match &limit {
                None => cycles::all(c)?,
                Some(ids) => crate::db::organisations::managed_cycles(c, Some(ids))?,
            };
            figures(c, list, now)
        })
        .await
        .context("reading the dashboard's figures")
}

/// One cycle's report.
pub async fn cycle_report(services: &Services, cycle: &Cycle) -> anyhow::Result<CycleReport> {
    let now = services.now();
    let cycle = cycle.clone();
    services
        .db
        .read(move |c| {
            let id = cycle.id;
            let origins = db::origins(c, id)?;
            let attended = db::attended_origins(c, id)?;
            let figures = figures(c, vec![cycle], now)?
                .pop()
                .ok_or(crate::db::DbError::Invariant("a cycle has its figures"))?;
            let mut by_status = Vec::with_capacity(origins.len());
            for (country, kind, region, status, n) in origins {
                let status = Status::parse(&status)
                    .map_err(|_| crate::db::DbError::Invariant("a stored status is known"))?;
                by_status.push((country, kind, region, status, n as u64));
            }
            // 0: country, 1: kind of institution, 2: region.
            let pick = |which: usize, country: &str, kind: &str, region: &str| {
                [country, kind, region][which].to_string()
            };
            let breakdown = |which: usize| {
                Breakdown::of(
                    by_status.iter().map(|(country, kind, region, status, n)| {
                        (pick(which, country, kind, region), *status, *n)
                    }),
                    attended.iter().map(|(country, kind, region, n)| {
                        (pick(which, country, kind, region), *n as u64)
                    }),
                )
            };
            Ok(CycleReport {
                by_country: breakdown(0),
                by_institution_type: breakdown(1),
                by_region: breakdown(2),
                figures,
            })
        })
        .await
        .context("reading a cycle's report")
}

/// The report as one long table (CSV): `section,item,measure,count`, one
/// number a line, so a spreadsheet can pivot it any way.
pub fn report_table(report: &CycleReport) -> Table {
    let f = &report.figures;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut line = |section: &str, item: &str, measure: &str, count: u64| {
        rows.push(vec![
            section.to_string(),
            item.to_string(),
            measure.to_string(),
            count.to_string(),
        ]);
    };
    let s = &f.statuses;
    for (measure, n) in [
        ("registered", s.registered()),
        ("participants", s.confirmed),
        ("attended", f.outcomes.attended_any),
        ("pending", s.pending),
        ("waitlisted", s.waitlisted),
        ("cancelled", s.cancelled),
        ("expired", s.expired),
        ("capacity", f.cycle.capacity.max(0) as u64),
    ] {
        line("total", "all", measure, n);
    }
    for (section, breakdown) in [
        ("country", &report.by_country),
        ("institution_type", &report.by_institution_type),
        ("region", &report.by_region),
    ] {
        for (item, h) in &breakdown.rows {
            line(section, item, "registered", h.registered);
            line(section, item, "participants", h.participants);
            line(section, item, "attended", h.attended);
        }
    }
    for s in &f.sessions {
        let item = format!("{}. {}", s.session.position, s.session.title);
        line("session", &item, "present", s.present);
    }
    let o = &f.outcomes;
    for (item, n) in [
        ("eligible", o.eligible),
        ("still_possible", o.still_possible),
        ("no_longer_possible", o.no_longer_possible),
        ("certificate_issued", f.certificates),
    ] {
        line("outcome", item, "participants", n);
    }
    for (day, n) in &f.per_day {
        line("day", &day.to_string(), "registered", *n);
    }
    Table {
        headers: crate::app::exports::columns(&["section", "item", "measure", "count"]),
        rows,
        numeric: vec![3],
    }
}

fn breakdown_table(first: &'static str, breakdown: &Breakdown) -> Table {
    Table {
        headers: crate::app::exports::columns(&[first, "registered", "participants", "attended"]),
        rows: breakdown
            .rows
            .iter()
            .map(|(item, h)| {
                vec![
                    item.clone(),
                    h.registered.to_string(),
                    h.participants.to_string(),
                    h.attended.to_string(),
                ]
            })
            .collect(),
        numeric: vec![1, 2, 3],
    }
}

/// The report as a workbook: the long table first (the CSV's twin), then
/// one readable sheet per section.
pub fn report_sheets(report: &CycleReport) -> Vec<(&'static str, Table)> {
    let f = &report.figures;
    let o = &f.outcomes;
    vec![
        ("report", report_table(report)),
        ("countries", breakdown_table("country", &report.by_country)),
        (
            "institution_types",
            breakdown_table("institution_type", &report.by_institution_type),
        ),
        ("regions", breakdown_table("region", &report.by_region)),
        (
            "sessions",
            Table {
                headers: crate::app::exports::columns(&[
                    "session",
                    "title",
                    "present",
                    "participants",
                ]),
                rows: f
                    .sessions
                    .iter()
                    .map(|s| {
                        vec![
                            s.session.position.to_string(),
                            s.session.title.clone(),
                            s.present.to_string(),
                            f.statuses.confirmed.to_string(),
                        ]
                    })
                    .collect(),
                numeric: vec![0, 2, 3],
            },
        ),
        (
            "outcomes",
            Table {
                headers: crate::app::exports::columns(&["outcome", "participants"]),
                rows: [
                    ("eligible", o.eligible),
                    ("still_possible", o.still_possible),
                    ("no_longer_possible", o.no_longer_possible),
                    ("certificate_issued", f.certificates),
                ]
                .iter()
                .map(|(k, n)| vec![k.to_string(), n.to_string()])
                .collect(),
                numeric: vec![1],
            },
        ),
        (
            "days",
            Table {
                headers: crate::app::exports::columns(&["day", "registered"]),
                rows: f
                    .per_day
                    .iter()
                    .map(|(d, n)| vec![d.to_string(), n.to_string()])
                    .collect(),
                numeric: vec![1],
            },
        ),
    ]
}

/// Across cycles: the same totals, one row per cycle.
pub fn cycles_table(list: &[CycleFigures]) -> Table {
    Table {
        headers: crate::app::exports::columns(&[
            "slug",
            "title",
            "state",
            "capacity",
            "registered",
            "participants",
            "attended",
            "pending",
            "waitlisted",
            "cancelled",
            "expired",
            "sessions",
            "eligible",
            "still_possible",
            "no_longer_possible",
            "certificate_issued",
        ]),
        rows: list
            .iter()
            .map(|f| {
                let s = &f.statuses;
                let o = &f.outcomes;
                let numbers = [
                    f.cycle.capacity.max(0) as u64,
                    s.registered(),
                    s.confirmed,
                    o.attended_any,
                    s.pending,
                    s.waitlisted,
                    s.cancelled,
                    s.expired,
                    f.sessions.len() as u64,
                    o.eligible,
                    o.still_possible,
                    o.no_longer_possible,
                    f.certificates,
                ];
                [
                    f.cycle.slug.clone(),
                    f.cycle.title.clone(),
                    f.state.as_str().to_string(),
                ]
                .into_iter()
                .chain(numbers.iter().map(u64::to_string))
                .collect()
            })
            .collect(),
        numeric: (3..16).collect(),
    }
}
