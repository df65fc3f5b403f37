//! Tracks and chosen sessions (issue 10). Sessions of a cycle that carry a
//! track and run at the same time are alternatives: together they form a
//! *slot*, and each participant chooses one session of every slot. Sessions
//! without a track (plenaries) are for everyone. What a participant "could
//! attend" is therefore every plenary plus their chosen session of each
//! slot, and the eligibility rule (`min_sessions`, the same number for
//! everyone) counts over exactly those: "4 of your 5 sessions".
//!
//! Seats: a session may have its own capacity. A choice takes one of its
//! seats while the registration holds a cycle seat (pending or confirmed);
//! a waitlisted person's choice is recorded without a seat and takes one on
//! promotion if there is still room (otherwise the choice is dropped, and
//! the promotion email and their page ask them to choose again). A full
//! session cannot be chosen by anyone, waitlisted or not.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::cycle_file::{FieldProblem, SessionSpec};

/// The longest track name the cycle file accepts.
pub const MAX_TRACK: usize = 40;

/// One session as the choice rules see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub id: i32,
    pub track: Option<String>,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    /// The session's own seat limit; `None`: only the cycle's.
    pub capacity: Option<u32>,
    /// Seats taken by choices of seat holders.
    pub taken: u32,
}

impl Offered {
    /// Seats left, when the session has its own limit.
    pub fn seats_left(&self) -> Option<u32> {
        self.capacity.map(|c| c.saturating_sub(self.taken))
    }
    pub fn is_full(&self) -> bool {
        self.seats_left() == Some(0)
    }
    fn overlaps(&self, other: &Offered) -> bool {
        self.starts < other.ends && other.starts < self.ends
    }
}

/// Alternatives running at the same time: the participant chooses one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// 1, 2, … in time order: the form's field is `slot_{number}`.
    pub number: u32,
    /// Session ids, in the order given (the cycle's session order).
    pub sessions: Vec<i32>,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
}

impl Slot {
    pub fn field(&self) -> String {
        format!("slot_{}", self.number)
    }
    pub fn contains(&self, session_id: i32) -> bool {
        self.sessions.contains(&session_id)
    }
}

/// Groups the tracked sessions that overlap in time (directly or through a
/// chain of overlaps) into slots. A tracked session that overlaps no other
/// tracked session is no choice at all: it is for everyone, like a plenary.
pub fn slots(sessions: &[Offered]) -> Vec<Slot> {
    let mut tracked: Vec<&Offered> = sessions.iter().filter(|s| s.track.is_some()).collect();
    tracked.sort_by_key(|s| (s.starts, s.ends, s.id));
    let mut groups: Vec<Vec<&Offered>> = Vec::new();
    let mut group_ends: Option<DateTime<Utc>> = None;
    for s in tracked {
        match (groups.last_mut(), group_ends) {
            (Some(group), Some(ends)) if s.starts < ends => {
                group.push(s);
                group_ends = Some(ends.max(s.ends));
            }
            _ => {
                groups.push(vec![s]);
                group_ends = Some(s.ends);
            }
        }
    }
    groups
        .into_iter()
        .filter(|g| g.len() > 1)
        .enumerate()
        .map(|(i, g)| {
            // Back in the cycle's own order, so the form lists them as the
            // organiser wrote them.
            let mut ids: Vec<i32> = Vec::with_capacity(g.len());
            for s in sessions {
                if g.iter().any(|x| x.id == s.id) {
                    ids.push(s.id);
                }
            }
            Slot {
                number: i as u32 + 1,
                starts: g
                    .iter()
                    .map(|s| s.starts)
                    .min()
                    .expect("a slot has sessions"),
                ends: g.iter().map(|s| s.ends).max().expect("a slot has sessions"),
                sessions: ids,
            }
        })
        .collect()
}

/// The slot a session is an alternative in, if any.
pub fn slot_of(slots: &[Slot], session_id: i32) -> Option<&Slot> {
    slots.iter().find(|s| s.contains(session_id))
}

/// The sessions a participant could attend, in the cycle's order: every
/// session that is no alternative, and of each slot the one they chose.
pub fn attendable(sessions: &[Offered], slots: &[Slot], chosen: &[i32]) -> Vec<i32> {
    sessions
        .iter()
        .map(|s| s.id)
        .filter(|id| may_attend(slots, *id, chosen))
        .collect()
}

/// The slots still ahead at `now` in which nothing is chosen: a choice
/// dropped on promotion (its session filled up while the participant
/// waited) leaves one, and the participant is asked to choose again.
pub fn unchosen(slots: &[Slot], chosen: &[i32], now: DateTime<Utc>) -> Vec<Slot> {
    slots
        .iter()
        .filter(|slot| slot.starts > now && !slot.sessions.iter().any(|id| chosen.contains(id)))
        .cloned()
        .collect()
}

/// How many sessions anyone who chooses in every slot can attend: the
/// plenaries plus one per slot. `min_sessions` may not exceed it (the cycle
/// file refuses it), so a perfect attender always meets the rule.
pub fn attendable_count(sessions: &[Offered]) -> u32 {
    let slots = slots(sessions);
    let in_slots: usize = slots.iter().map(|s| s.sessions.len()).sum();
    (sessions.len() - in_slots + slots.len()) as u32
}

/// Whether a session may attend to this participant at all: plenaries are
/// for everyone, an alternative only for those who chose it.
pub fn may_attend(slots: &[Slot], session_id: i32, chosen: &[i32]) -> bool {
    slot_of(slots, session_id).is_none() || chosen.contains(&session_id)
}

/// What is wrong with the choice of one slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChoiceProblem {
    /// Nothing (or something not of this slot) was chosen.
    Missing,
    /// The chosen session has no seat left.
    Full,
}

impl ChoiceProblem {
    /// The message beside the slot's fieldset.
    pub fn key(self) -> &'static str {
        match self {
            ChoiceProblem::Missing => "choice-missing",
            ChoiceProblem::Full => "choice-full",
        }
    }
}

/// Checks the choices of a registration form: `picked` maps a slot number
/// to the chosen session id. Exactly one existing, non-full session of every
/// slot; returns the chosen ids in slot order, or every slot's problem.
pub fn check_choices(
    sessions: &[Offered],
    slots: &[Slot],
    picked: &BTreeMap<u32, i32>,
) -> Result<Vec<i32>, Vec<(u32, ChoiceProblem)>> {
    let mut chosen = Vec::new();
    let mut problems = Vec::new();
    for slot in slots {
        let session = picked
            .get(&slot.number)
            .filter(|id| slot.contains(**id))
            .and_then(|id| sessions.iter().find(|s| s.id == *id));
        match session {
            None => problems.push((slot.number, ChoiceProblem::Missing)),
            Some(s) if s.is_full() => problems.push((slot.number, ChoiceProblem::Full)),
            Some(s) => chosen.push(s.id),
        }
    }
    if problems.is_empty() {
        Ok(chosen)
    } else {
        Err(problems)
    }
}

/// Why a change of choice is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefusal {
    /// The new session is no alternative of a slot, or the participant may
    /// not choose (their registration ended).
    NotAChoice,
    /// The new session has no seat left.
    Full,
    /// The old or the new session has started: attendance may be recorded.
    Started,
}

impl ChangeRefusal {
    pub fn key(self) -> &'static str {
        match self {
            ChangeRefusal::NotAChoice => "choice-change-not-allowed",
            ChangeRefusal::Full => "choice-change-full",
            ChangeRefusal::Started => "choice-change-started",
        }
    }
}

/// Whether a participant who chose `old` (or nothing yet, e.g. after a
/// dropped choice) of a slot may move to `new` at `now`. A full session is
/// refused to everyone, as on the registration form: a waitlisted person's
/// choice of it would only be dropped on promotion.
pub fn may_change(
    slots: &[Slot],
    old: Option<&Offered>,
    new: &Offered,
    now: DateTime<Utc>,
) -> Result<(), ChangeRefusal> {
    let Some(slot) = slot_of(slots, new.id) else {
        return Err(ChangeRefusal::NotAChoice);
    };
    if old.is_some_and(|o| !slot.contains(o.id)) {
        return Err(ChangeRefusal::NotAChoice);
    }
    if new.starts <= now || old.is_some_and(|o| o.starts <= now) {
        return Err(ChangeRefusal::Started);
    }
    if new.is_full() && old.is_none_or(|o| o.id != new.id) {
        return Err(ChangeRefusal::Full);
    }
    Ok(())
}

/// Problems with the tracks of a cycle as written: (session index from 0,
/// field, problem code). Two sessions of one track cannot run at the same
/// time (a track is one room, one stream); a capacity belongs to a session
/// that is an alternative (plenaries take the cycle's seats).
pub fn layout_problems(sessions: &[Offered]) -> Vec<(usize, &'static str, &'static str)> {
    let mut problems = Vec::new();
    for (i, s) in sessions.iter().enumerate() {
        let clash = sessions[..i].iter().any(|earlier| {
            earlier.track.is_some() && earlier.track == s.track && earlier.overlaps(s)
        });
        if clash {
            problems.push((i, "track", "track-overlap"));
        }
    }
    let slots = slots(sessions);
    for (i, s) in sessions.iter().enumerate() {
        if s.capacity.is_some() && slot_of(&slots, s.id).is_none() {
            problems.push((i, "capacity", "capacity-not-alternative"));
        }
    }
    problems
}

/// The cycle file's `track` and `capacity` of one session, checked;
/// problems are named by `field` (`sessions[3].track`).
pub fn parse_session_fields(
    track: Option<String>,
    capacity: Option<i64>,
    field: &dyn Fn(&str) -> String,
    p: &mut Vec<FieldProblem>,
) -> (Option<String>, Option<u32>) {
    let track = track
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if let Some(t) = &track {
        let ok =
            t.chars().count() <= MAX_TRACK && super::text::is_meant(t, super::text::Lines::One);
        if !ok {
            p.push(FieldProblem {
                field: field("track"),
                problem: "too-long",
            });
        }
    }
    let capacity = match capacity {
        None => None,
        Some(c) if (1..=100_000).contains(&c) => Some(c as u32),
        Some(_) => {
            p.push(FieldProblem {
                field: field("capacity"),
                problem: "range",
            });
            None
        }
    };
    (track, capacity)
}

/// A cycle's sessions as a whole: tracks that clash, capacities on
/// sessions that are no alternatives, and a `min_sessions` above what a
/// participant can attend (with tracks, fewer than the sessions listed: the
/// rule is the same number for everyone and must stay reachable).
pub fn cycle_file_problems(sessions: &[SessionSpec], min_sessions: u32) -> Vec<FieldProblem> {
    let offered: Vec<Offered> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| Offered {
            id: i as i32 + 1,
            track: s.track.clone(),
            starts: s.starts,
            ends: s.ends,
            capacity: s.capacity,
            taken: 0,
        })
        .collect();
    let mut p: Vec<FieldProblem> = layout_problems(&offered)
        .into_iter()
        .map(|(i, name, problem)| FieldProblem {
            field: format!("sessions[{}].{name}", i + 1),
            problem,
        })
        .collect();
    if !sessions.is_empty() && min_sessions > attendable_count(&offered) {
        p.push(FieldProblem {
            field: "min_sessions".into(),
            problem: "min-sessions-over-attendable",
        });
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::eligibility::{Standing, Verdict};
    use chrono::Duration;
    use proptest::prelude::*;

    fn at(hours: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-04-16T06:00:00Z")
            .unwrap()
            .to_utc()
            + Duration::hours(hours)
    }

    fn session(id: i32, track: Option<&str>, from: i64, to: i64) -> Offered {
        Offered {
            id,
            track: track.map(str::to_string),
            starts: at(from),
            ends: at(to),
            capacity: None,
            taken: 0,
        }
    }

    /// Seed 004: two days online, a plenary opening, two rounds of parallel
    /// workshops, a plenary closing on each day.
    fn conference() -> Vec<Offered> {
        vec![
            session(1, None, 0, 1),
            session(2, Some("A"), 1, 3),
            session(3, Some("B"), 1, 3),
            session(4, None, 3, 4),
            session(5, Some("A"), 24, 26),
            session(6, Some("B"), 24, 26),
            session(7, Some("C"), 25, 26),
            session(8, None, 27, 28),
        ]
    }

    #[test]
    fn parallel_workshops_form_slots_and_plenaries_are_for_everyone() {
        let s = conference();
        let slots = slots(&s);
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[0].sessions, [2, 3]);
        assert_eq!(slots[1].sessions, [5, 6, 7]);
        assert_eq!((slots[1].starts, slots[1].ends), (at(24), at(26)));
        assert_eq!(slots[1].field(), "slot_2");
        assert_eq!(attendable(&s, &slots, &[3, 7]), [1, 3, 4, 7, 8]);
        assert_eq!(attendable_count(&s), 5);
        assert!(may_attend(&slots, 1, &[]));
        assert!(!may_attend(&slots, 2, &[3, 7]));
        assert!(may_attend(&slots, 3, &[3, 7]));
    }

    #[test]
    fn a_slot_ahead_with_nothing_chosen_is_unchosen() {
        let slots = slots(&conference());
        assert!(unchosen(&slots, &[3, 7], at(0)).is_empty());
        let ahead = unchosen(&slots, &[7], at(0));
        assert_eq!(ahead.iter().map(|s| s.number).collect::<Vec<_>>(), [1]);
        assert_eq!(unchosen(&slots, &[], at(0)).len(), 2);
        // A slot that has started is past choosing.
        assert!(unchosen(&slots, &[7], at(1)).is_empty());
    }

    #[test]
    fn a_lone_tracked_session_is_no_choice() {
        let s = vec![session(1, Some("A"), 0, 1), session(2, Some("B"), 2, 3)];
        assert!(slots(&s).is_empty());
        assert_eq!(attendable(&s, &[], &[]), [1, 2]);
        assert_eq!(attendable_count(&s), 2);
    }

    #[test]
    fn choices_need_one_open_session_per_slot() {
        let mut s = conference();
        s[2].capacity = Some(5);
        s[2].taken = 5;
        let slots = slots(&s);
        let pick = |pairs: &[(u32, i32)]| pairs.iter().copied().collect::<BTreeMap<_, _>>();
        assert_eq!(
            check_choices(&s, &slots, &pick(&[(1, 2), (2, 7)])),
            Ok(vec![2, 7])
        );
        assert_eq!(
            check_choices(&s, &slots, &pick(&[(1, 3), (2, 2)])),
            Err(vec![(1, ChoiceProblem::Full), (2, ChoiceProblem::Missing)]),
            "full, and a session of another slot"
        );
        assert_eq!(
            check_choices(&s, &slots, &pick(&[])),
            Err(vec![
                (1, ChoiceProblem::Missing),
                (2, ChoiceProblem::Missing)
            ])
        );
        assert_eq!(
            check_choices(&s, &slots, &pick(&[(1, 99), (2, 5)])),
            Err(vec![(1, ChoiceProblem::Missing)])
        );
    }

    #[test]
    fn a_choice_changes_while_there_is_room_and_nothing_started() {
        let mut s = conference();
        s[5].capacity = Some(2);
        s[5].taken = 2;
        let slots = slots(&s);
        let before = at(20);
        assert_eq!(may_change(&slots, Some(&s[4]), &s[6], before), Ok(()));
        assert_eq!(
            may_change(&slots, Some(&s[4]), &s[5], before),
            Err(ChangeRefusal::Full)
        );
        // Staying in a full session is no change.
        assert_eq!(may_change(&slots, Some(&s[5]), &s[5], before), Ok(()));
        assert_eq!(
            may_change(&slots, Some(&s[4]), &s[6], at(24)),
            Err(ChangeRefusal::Started)
        );
        assert_eq!(
            may_change(&slots, Some(&s[1]), &s[6], before),
            Err(ChangeRefusal::NotAChoice),
            "not across slots"
        );
        assert_eq!(
            may_change(&slots, None, &s[0], before),
            Err(ChangeRefusal::NotAChoice),
            "a plenary is no choice"
        );
        assert_eq!(may_change(&slots, None, &s[6], before), Ok(()));
    }

    #[test]
    fn a_track_cannot_run_twice_at_once_and_plenaries_have_no_capacity() {
        let mut s = conference();
        s[6].track = Some("A".into());
        s[0].capacity = Some(10);
        assert_eq!(
            layout_problems(&s),
            [
                (6, "track", "track-overlap"),
                (0, "capacity", "capacity-not-alternative")
            ]
        );
        assert!(layout_problems(&conference()).is_empty());
    }

    /// A generated layout: plenaries and slots of 2–4 alternatives, one
    /// after another in time; and one choice per slot.
    fn layout() -> impl Strategy<Value = (Vec<Offered>, Vec<usize>)> {
        proptest::collection::vec(0usize..4, 1..8).prop_flat_map(|kinds| {
            // 0: a plenary; 1..=3: a slot of kind+1 alternatives.
            let mut sessions = Vec::new();
            let mut id = 0;
            for (hour, kind) in kinds.iter().enumerate() {
                let width = if *kind == 0 { 1 } else { kind + 1 };
                for alt in 0..width {
                    id += 1;
                    let track = (*kind > 0).then(|| format!("{}", (b'A' + alt as u8) as char));
                    sessions.push(Offered {
                        id,
                        track,
                        starts: at(hour as i64 * 2),
                        ends: at(hour as i64 * 2 + 1),
                        capacity: None,
                        taken: 0,
                    });
                }
            }
            let picks = proptest::collection::vec(0usize..4, kinds.len());
            (Just(sessions), picks)
        })
    }

    proptest! {
        /// A perfect attender of any layout meets any rule the cycle file
        /// accepts (min_sessions ≤ attendable count).
        #[test]
        fn a_perfect_attender_is_eligible((sessions, picks) in layout(), min in 0u32..12) {
            let slots = slots(&sessions);
            let chosen: Vec<i32> = slots
                .iter()
                .zip(&picks)
                .map(|(slot, p)| slot.sessions[p % slot.sessions.len()])
                .collect();
            let own = attendable(&sessions, &slots, &chosen);
            prop_assert_eq!(own.len() as u32, attendable_count(&sessions));
            let ends: Vec<(i32, DateTime<Utc>)> = sessions
                .iter()
                .filter(|s| own.contains(&s.id))
                .map(|s| (s.id, s.ends))
                .collect();
            let after_all = at(1000);
            let standing = Standing::of(&ends, &own, min, after_all);
            prop_assert_eq!(standing.attended, own.len() as u32);
            if min <= attendable_count(&sessions) {
                prop_assert_eq!(standing.verdict, Verdict::Eligible);
            }
        }

        /// Exactly one session per slot is attendable, and every choice the
        /// form could send checks out.
        #[test]
        fn one_session_per_slot((sessions, picks) in layout()) {
            let slots = slots(&sessions);
            let picked: BTreeMap<u32, i32> = slots
                .iter()
                .zip(&picks)
                .map(|(slot, p)| (slot.number, slot.sessions[p % slot.sessions.len()]))
                .collect();
            let chosen = check_choices(&sessions, &slots, &picked).unwrap();
            let own = attendable(&sessions, &slots, &chosen);
            for slot in &slots {
                prop_assert_eq!(slot.sessions.iter().filter(|id| own.contains(id)).count(), 1);
            }
        }
    }
}
