//! Recording attendance (roster, door check-in, Zoom report) and the
//! eligibility that follows from it.

use anyhow::Context;
use chrono::{DateTime, Utc};

use super::Services;
use crate::db::attendance::{self as att, Change, StoredImport};
use crate::db::models::{Cycle, Registration, Session};
use crate::db::{cycles, outbox, registrations, AnyConnection, DbResult};
use crate::domain::eligibility::{self, Standing, TooEarly, Verdict};
use crate::domain::registration::Notice;
use crate::domain::zoom::{self, Assignment, Candidate, MatchPlan, MatchedBy, ZoomReport};

/// One confirmed participant on the eligibility list.
pub struct EligibilityRow {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub institution: String,
    pub standing: Standing,
}

impl EligibilityRow {
    pub fn eligible(&self) -> bool {
        self.standing.verdict == Verdict::Eligible
    }
}

/// The eligibility list, counted by the database in one query.
pub(super) fn eligibility_rows(
    conn: &mut AnyConnection,
    cycle: &Cycle,
    now: DateTime<Utc>,
) -> DbResult<Vec<EligibilityRow>> {
    let sessions = cycles::sessions_of(conn, cycle.id)?;
    // With tracks, each person's remaining sessions are their own ones (the
    // count of attended ones already is: only choosers can be marked).
    let (offered, slots) = crate::db::models::offered_and_slots(&sessions);
    let choices = if slots.is_empty() {
        Default::default()
    } else {
        crate::db::choices::of_cycle(conn, cycle.id)?
    };
    let remaining_of = |id: i32| {
        let chosen = choices.get(&id).map_or(&[][..], Vec::as_slice);
        let own = crate::domain::tracks::attendable(&offered, &slots, chosen);
        eligibility::sessions_remaining(
            sessions
                .iter()
                .filter(|s| own.contains(&s.id))
                .map(|s| s.ends_at.and_utc()),
            now,
        )
    };
    Ok(att::attended_counts(conn, cycle.id)?
        .into_iter()
        .map(
            |(id, first_name, last_name, email, institution, attended)| EligibilityRow {
                id,
                first_name,
                last_name,
                email,
                institution,
                standing: Standing::from_count(
                    attended as u32,
                    remaining_of(id),
                    cycle.min_sessions as u32,
                ),
            },
        )
        .collect())
}

pub async fn eligibility_list(
    services: &Services,
    cycle: &Cycle,
) -> anyhow::Result<Vec<EligibilityRow>> {
    let now = services.now();
    let cycle = cycle.clone();
    services
        .db
        .read(move |c| eligibility_rows(c, &cycle, now))
        .await
        .context("counting attendance")
}

/// One confirmed participant's line of the attendance matrix.
pub struct MatrixLine {
    pub registration: Registration,
    /// Per session of the cycle, in order: "present", "absent", "upcoming"
    /// (not held yet) or, with tracks, "not-chosen" (another track's).
    pub marks: Vec<&'static str>,
    pub standing: Standing,
}

/// The attendance matrix: every confirmed participant (by name) against
/// every session, and how many were present at each.
pub struct Matrix {
    pub lines: Vec<MatrixLine>,
    /// Present per session, in the order of `sessions`.
    pub totals: Vec<i64>,
}

pub async fn matrix(
    services: &Services,
    cycle: &Cycle,
    sessions: &[Session],
) -> anyhow::Result<Matrix> {
    let (cycle_id, min_sessions) = (cycle.id, cycle.min_sessions as u32);
    let ids: Vec<i32> = sessions.iter().map(|s| s.id).collect();
    let (offered, slots) = crate::db::models::offered_and_slots(sessions);
    // Without tracks everyone may attend every session: no choices to read.
    let tracked = !slots.is_empty();
    let (rows, totals, choices) = services
        .db
        .read(move |c| {
            let choices = match tracked {
                true => crate::db::choices::of_cycle(c, cycle_id)?,
                false => Default::default(),
            };
            Ok((att::matrix(c, cycle_id)?, att::totals(c, &ids)?, choices))
        })
        .await
        .context("reading the attendance matrix")?;
    let now = services.now();
    let lines = rows
        .into_iter()
        .map(|row| {
            // With tracks, each person's own sessions; the others are
            // "not-chosen".
            let chosen = choices
                .get(&row.registration.id)
                .map_or(&[][..], Vec::as_slice);
            let own = crate::domain::tracks::attendable(&offered, &slots, chosen);
            let ends: Vec<(i32, DateTime<Utc>)> = sessions
                .iter()
                .filter(|s| own.contains(&s.id))
                .map(|s| (s.id, s.ends_at.and_utc()))
                .collect();
            let standing = Standing::of(&ends, &row.present, min_sessions, now);
            let mut own_marks = standing.marks.iter();
            let marks = sessions
                .iter()
                .map(|s| match own.contains(&s.id) {
                    true => own_marks.next().map_or("upcoming", |m| m.as_str()),
                    false => "not-chosen",
                })
                .collect();
            MatrixLine {
                registration: row.registration,
                marks,
                standing,
            }
        })
        .collect();
    Ok(Matrix {
        lines,
        totals: sessions
            .iter()
            .map(|s| totals.get(&s.id).copied().unwrap_or(0))
            .collect(),
    })
}

/// Tells every eligible participant once; pressing again sends nothing new.
/// Returns how many were told now.
pub async fn notify_eligible(services: &Services, cycle: &Cycle) -> anyhow::Result<usize> {
    let now = services.now();
    let cycle = cycle.clone();
    let told = services
        .db
        .write(move |c| {
            let mut told = 0;
            for row in eligibility_rows(c, &cycle, now)?
                .into_iter()
                .filter(EligibilityRow::eligible)
            {
                if outbox::enqueue(c, row.id, Notice::GrantEligible, now)? {
                    told += 1;
                }
            }
            Ok(told)
        })
        .await
        .context("notifying the eligible")?;
    services.wake_mail();
    Ok(told)
}

/// The people a report's rows may be matched to.
pub fn candidates(people: &[Registration]) -> Vec<Candidate> {
    people
        .iter()
        .map(|r| Candidate {
            registration_id: r.id,
            email: r.email_normalised.clone(),
            full_name: r.full_name(),
        })
        .collect()
}

/// Writes a plan. Import only ever marks present; people below the threshold
/// keep whatever they had (their minutes are recorded when they had nothing).
fn apply_plan(
    conn: &mut AnyConnection,
    session_id: i32,
    plan: &MatchPlan,
    change: &Change,
) -> DbResult<usize> {
    let present_now = att::present_sessions_of_session(conn, session_id)?;
    let mut changed = 0;
    for m in &plan.present {
        if att::set(
            conn,
            m.registration_id,
            session_id,
            true,
            Some(m.minutes as i32),
            change,
        )? {
            changed += 1;
        }
    }
    for m in plan
        .absent
        .iter()
        .filter(|m| m.matched_by != MatchedBy::NotInReport)
    {
        if !present_now.contains(&m.registration_id)
            && att::set(
                conn,
                m.registration_id,
                session_id,
                false,
                Some(m.minutes as i32),
                change,
            )?
        {
            changed += 1;
        }
    }
    Ok(changed)
}

/// A stored report matched against the session's roster.
pub struct Planned {
    pub plan: MatchPlan,
    pub people: Vec<Registration>,
    pub present_now: Vec<i32>,
    pub import: StoredImport,
}

/// Why a stored report cannot be planned.
#[derive(Debug, PartialEq, Eq)]
pub enum PlanProblem {
    NoSuchImport,
    NotAReport,
}

pub async fn plan_stored_import(
    services: &Services,
    cycle: &Cycle,
    session: &Session,
    import_id: i32,
    min_minutes: u32,
    assignments: Vec<Assignment>,
) -> anyhow::Result<Result<Planned, PlanProblem>> {
    let (cycle_id, session_id) = (cycle.id, session.id);
    let (import, roster) = services
        .db
        .read(move |c| {
            Ok((
                att::load_import(c, import_id, session_id)?,
                att::roster(c, cycle_id, session_id)?,
            ))
        })
        .await
        .context("loading an attendance report")?;
    let Some(import) = import else {
        return Ok(Err(PlanProblem::NoSuchImport));
    };
    let Ok(report) = zoom::read_report(&import.content) else {
        return Ok(Err(PlanProblem::NotAReport));
    };
    let people: Vec<Registration> = roster.iter().map(|(r, _)| r.clone()).collect();
    let present_now = roster
        .iter()
        .filter(|(_, a)| a.as_ref().is_some_and(|a| a.present))
        .map(|(r, _)| r.id)
        .collect();
    let persons = zoom::sum_by_person(&report.rows);
    let plan = zoom::plan_import_with(&persons, &candidates(&people), min_minutes, &assignments);
    Ok(Ok(Planned {
        plan,
        people,
        present_now,
        import,
    }))
}

/// Applies a planned report and forgets the upload in the same transaction;
/// returns how many marks changed.
pub async fn apply_import(
    services: &Services,
    session: &Session,
    import_id: i32,
    plan: MatchPlan,
    mut change: Change,
    early_reason: Option<String>,
) -> anyhow::Result<Result<usize, TooEarly>> {
    if let Err(too_early) = allow_marking(session, &mut change, early_reason) {
        return Ok(Err(too_early));
    }
    let session_id = session.id;
    services
        .db
        .write(move |c| {
            let changed = apply_plan(c, session_id, &plan, &change)?;
            att::delete_import(c, import_id)?;
            Ok(Ok(changed))
        })
        .await
        .context("applying an attendance report")
}

/// How long an upload is kept for its preview when it is never applied.
pub const UPLOAD_KEPT_FOR: chrono::Duration = chrono::Duration::days(1);

/// Forgets uploads older than `UPLOAD_KEPT_FOR` (the server's minute task
/// calls this); returns how many.
pub async fn forget_old_imports(services: &Services) -> anyhow::Result<usize> {
    let before = services.now() - UPLOAD_KEPT_FOR;
    services
        .db
        .write(move |c| att::delete_imports_before(c, before))
        .await
        .context("forgetting old attendance reports")
}

/// Keeps an uploaded report between preview and apply, for a day at most.
pub async fn store_import(
    services: &Services,
    session_id: i32,
    organiser_id: i32,
    filename: String,
    content: Vec<u8>,
) -> anyhow::Result<i32> {
    let now = services.now();
    services
        .db
        .write(move |c| att::store_import(c, session_id, organiser_id, &filename, &content, now))
        .await
        .context("storing an attendance report")
}

/// The command line's import: plan a report against the confirmed
/// participants and, unless it is a dry run, apply it.
pub async fn import_report(
    services: &Services,
    cycle: &Cycle,
    session: &Session,
    report: &ZoomReport,
    min_minutes: u32,
    change: Option<Change>,
    early_reason: Option<String>,
) -> anyhow::Result<Result<(MatchPlan, Vec<Registration>, usize), TooEarly>> {
    let cycle_id = cycle.id;
    let mut change = change;
    if let Some(change) = change.as_mut() {
        if let Err(too_early) = allow_marking(session, change, early_reason) {
            return Ok(Err(too_early));
        }
    }
    let people = services
        .db
        .read(move |c| att::confirmed(c, cycle_id))
        .await
        .context("loading the participants")?;
    let plan = zoom::plan_import(
        &zoom::sum_by_person(&report.rows),
        &candidates(&people),
        min_minutes,
    );
    let changed = match change {
        Some(change) => {
            let (session_id, plan) = (session.id, plan.clone());
            services
                .db
                .write(move |c| apply_plan(c, session_id, &plan, &change))
                .await
                .context("applying the report")?
        }
        None => 0,
    };
    Ok(Ok((plan, people, changed)))
}

/// Who may be marked at a session (the confirmed, by name) and their marks.
pub async fn roster(
    services: &Services,
    cycle: &Cycle,
    session: &Session,
) -> anyhow::Result<Vec<(Registration, Option<crate::db::models::Attendance>)>> {
    let (cycle_id, session_id) = (cycle.id, session.id);
    services
        .db
        .read(move |c| att::roster(c, cycle_id, session_id))
        .await
        .context("reading the roster")
}

/// How many "mark everyone" would mark: the cycle's confirmed participants.
pub async fn markable(services: &Services, cycle: &Cycle) -> anyhow::Result<i64> {
    let cycle_id = cycle.id;
    services
        .db
        .read(move |c| att::confirmed_count(c, cycle_id))
        .await
        .context("counting the confirmed")
}

/// Saves a session's roster as ticked (or everyone confirmed, `all`).
pub async fn save_roster(
    services: &Services,
    cycle_id: i32,
    session: &Session,
    mut present: Vec<i32>,
    all: bool,
    mut change: Change,
    early_reason: Option<String>,
) -> anyhow::Result<Result<usize, TooEarly>> {
    if let Err(too_early) = allow_marking(session, &mut change, early_reason) {
        return Ok(Err(too_early));
    }
    let session_id = session.id;
    services
        .db
        .write(move |c| {
            if all {
                present = att::confirmed(c, cycle_id)?
                    .into_iter()
                    .map(|r| r.id)
                    .collect();
            }
            Ok(Ok(att::save_roster(
                c, cycle_id, session_id, &present, &change,
            )?))
        })
        .await
        .context("saving the roster")
}

/// Marks one person present at the door; false when they already were.
/// Before the doors open there is no checking in (the roster takes a reason).
pub async fn check_in(
    services: &Services,
    registration_id: i32,
    session: &Session,
    mut change: Change,
) -> anyhow::Result<Result<bool, TooEarly>> {
    if let Err(too_early) = allow_marking(session, &mut change, None) {
        return Ok(Err(too_early));
    }
    let session_id = session.id;
    services
        .db
        .write(move |c| {
            Ok(Ok(att::set(
                c,
                registration_id,
                session_id,
                true,
                None,
                &change,
            )?))
        })
        .await
        .context("checking in")
}

/// Refuses marks before the session's doors open unless the organiser gave
/// a reason; the reason then goes into the audit trail with the change.
fn allow_marking(
    session: &Session,
    change: &mut Change,
    early_reason: Option<String>,
) -> Result<(), TooEarly> {
    let reason: Option<String> = early_reason
        .map(|r| {
            r.chars()
                .filter(|c| !c.is_control())
                .take(500)
                .collect::<String>()
        })
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    let starts = session.starts_at.and_utc();
    eligibility::may_mark(starts, change.at, reason.as_deref())?;
    if let Some(reason) = reason.filter(|_| change.at < eligibility::marking_opens(starts)) {
        let early = format!("before the session: {reason}");
        change.note = Some(match change.note.take() {
            Some(note) => format!("{note}; {early}"),
            None => early,
        });
    }
    Ok(())
}

/// A participant's record: the registration, its cycle and sessions, and
/// the sessions attended.
pub struct Record {
    pub reg: Registration,
    pub cycle: Cycle,
    pub sessions: Vec<Session>,
    pub present: Vec<i32>,
    /// The organisation owning the cycle (its site name on their pages).
    pub owner: Option<crate::db::organisations::Organisation>,
}

impl Record {
    pub fn standing(&self, now: DateTime<Utc>) -> Standing {
        let ends: Vec<(i32, DateTime<Utc>)> = self
            .sessions
            .iter()
            .map(|s| (s.id, s.ends_at.and_utc()))
            .collect();
        Standing::of(&ends, &self.present, self.cycle.min_sessions as u32, now)
    }
}

pub async fn record(services: &Services, registration_id: i32) -> anyhow::Result<Option<Record>> {
    services
        .db
        .read(move |c| {
            let Some((reg, cycle, sessions, owner)) =
                registrations::with_cycle_and_owner(c, registration_id)?
            else {
                return Ok(None);
            };
            let present = att::present_sessions(c, reg.id)?;
            Ok(Some(Record {
                reg,
                cycle,
                sessions,
                present,
                owner,
            }))
        })
        .await
        .context("loading a participant's record")
}
