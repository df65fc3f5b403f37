//! The public pages' copy of each published cycle and its sessions (issue
//! 12): in a rush every browser loads the cycle page, posts the form and
//! loads the answer page, and each of the three needs the cycle. Read from
//! the database, that is a blocking-pool hop, a pooled connection and five
//! queries per request (the cycle, its sessions, its organisations, its
//! partners, its questions) for rows that change rarely; from here, nothing.
//!
//! A copy is used while both hold:
//! - it is younger than [`FRESH_FOR`] (one second): what another process
//!   changed (a second server on the same PostgreSQL database, the command
//!   line) shows within that second;
//! - this process has committed no write since it was read
//!   ([`Db::writes`]): an organiser's edit, a cancellation or a seat given
//!   from the waitlist here shows at once.
//!
//! The registration itself is the one write that does not count (it would
//! empty the copy on every submission of a rush): it tells this cache
//! instead, which counts the seat it took. The seat decision never comes
//! from here; it is made under the cycle's lock from the row (rules 1–5).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::db::models::{Cycle, Session};
use crate::db::organisations::CycleOrganisers;
use crate::db::{answers, cycles, organisations, Db, DbResult};
use crate::domain::questions::Questions;

/// How long another process's change may take to show on the public pages.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// A published cycle with its sessions in start order, who runs it and its
/// questions, shared by the requests that show it.
#[derive(Clone)]
pub struct PublicCycle {
    pub cycle: Arc<Cycle>,
    pub sessions: Arc<Vec<Session>>,
    /// Its owner, co-organisers and partners: the owner's site name heads
    /// all three pages, its privacy notice is the one consented to.
    pub run_by: Arc<CycleOrganisers>,
    pub questions: Arc<Questions>,
    /// Which read from the database this is (a new number for each, in
    /// this process): everything above but the cycle's seat count is as it
    /// was then, so a page rendered from it may be kept under this number
    /// (the seat count changes in place, `took_seat`).
    pub generation: u64,
}

struct Held {
    read_at: Instant,
    /// `Db::writes` before it was read.
    writes: u64,
    cycle: PublicCycle,
}

#[derive(Default)]
pub struct PublicCycles {
    copies: RwLock<HashMap<String, Held>>,
    /// The last `PublicCycle::generation` given out.
    generations: AtomicU64,
}

impl PublicCycles {
    /// The published cycle with this slug (`None`: no such cycle, or a draft).
    pub async fn get(&self, db: &Db, slug: &str) -> DbResult<Option<PublicCycle>> {
        if let Some(copy) = self.fresh(db, slug) {
            return Ok(Some(copy));
        }
        let writes = db.writes();
        let read_at = Instant::now();
        let key = slug.to_string();
        let found = db
            .read(move |c| {
                let Some((cycle, sessions)) = cycles::with_sessions(c, &key)? else {
                    return Ok(None);
                };
                if !cycle.published {
                    return Ok(None);
                }
                let run_by = organisations::of_cycle(c, &cycle)?;
                let questions = answers::questions_of(c, cycle.id)?;
                Ok(Some((cycle, sessions, run_by, questions)))
            })
            .await?;
        let Some((cycle, sessions, run_by, questions)) = found else {
            self.write_lock().remove(slug);
            return Ok(None);
        };
        let cycle = PublicCycle {
            cycle: Arc::new(cycle),
            sessions: Arc::new(sessions),
            run_by: Arc::new(run_by),
            questions: Arc::new(questions),
            generation: self.generations.fetch_add(1, Ordering::Relaxed) + 1,
        };
        self.write_lock().insert(
            slug.to_string(),
            Held {
                read_at,
                writes,
                cycle: cycle.clone(),
            },
        );
        Ok(Some(cycle))
    }

    /// A registration in this process took a seat of this cycle.
    pub fn took_seat(&self, cycle_id: i32) {
        let mut copies = self.write_lock();
        for copy in copies.values_mut().filter(|c| c.cycle.cycle.id == cycle_id) {
            // Requests holding the old copy keep it; the next ones see the seat.
            let mut cycle = Cycle::clone(&copy.cycle.cycle);
            cycle.seats_taken += 1;
            copy.cycle.cycle = Arc::new(cycle);
        }
    }

    fn fresh(&self, db: &Db, slug: &str) -> Option<PublicCycle> {
        let copies = self.copies.read().unwrap_or_else(|p| p.into_inner());
        copies
            .get(slug)
            .filter(|c| c.read_at.elapsed() < FRESH_FOR && c.writes == db.writes())
            .map(|c| c.cycle.clone())
    }

    fn write_lock(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Held>> {
        self.copies.write().unwrap_or_else(|p| p.into_inner())
    }
}
