//! Seat arithmetic and the waitlist (rules 2 and 3). The database applies
//! these decisions inside one transaction; the rules themselves live here.

use chrono::{DateTime, Utc};

use super::window::WindowState;
use super::Status;

/// Where a new registrant goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Seat,
    Waitlist,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotYetOpen,
    Closed,
    /// Full and the cycle keeps no waitlist.
    Full,
    /// A chosen session (an alternative of its slot) has no seat left.
    SessionFull {
        session_id: i32,
    },
}

pub fn seats_left(capacity: u32, taken: u32) -> u32 {
    capacity.saturating_sub(taken)
}

/// The decision for one new registration, given the state seen under the lock.
pub fn place(
    window: WindowState,
    capacity: u32,
    taken: u32,
    keeps_waitlist: bool,
) -> Result<Placement, Refusal> {
    match window {
        WindowState::NotYetOpen => Err(Refusal::NotYetOpen),
        WindowState::Closed => Err(Refusal::Closed),
        WindowState::Open if taken < capacity => Ok(Placement::Seat),
        WindowState::Open if keeps_waitlist => Ok(Placement::Waitlist),
        WindowState::Open => Err(Refusal::Full),
    }
}

/// Status of a newly seated registrant.
pub fn seated_status(requires_confirmation: bool) -> Status {
    if requires_confirmation {
        Status::Pending
    } else {
        Status::Confirmed
    }
}

/// Promotion stops when the first session starts: a seat freed after that
/// would go to someone who has already missed the beginning.
pub fn promotion_open(now: DateTime<Utc>, first_session_starts: Option<DateTime<Utc>>) -> bool {
    first_session_starts.is_none_or(|start| now < start)
}

/// How long after the first session the waiting list is still told that no
/// seat became free. A server down for longer, or one upgraded under old
/// cycles, closes those lists quietly rather than mail people weeks late.
pub const WAITLIST_NEWS_DAYS: i64 = 2;

/// Whether the waiting list is to be told now that promotion has stopped.
pub fn tell_waitlist(now: DateTime<Utc>, first_session_starts: DateTime<Utc>) -> bool {
    !promotion_open(now, Some(first_session_starts))
        && now - first_session_starts <= chrono::Duration::days(WAITLIST_NEWS_DAYS)
}

/// How many waitlisted people to promote, earliest first.
pub fn promotions(capacity: u32, taken: u32, waitlisted: u32, open: bool) -> u32 {
    if open {
        seats_left(capacity, taken).min(waitlisted)
    } else {
        0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BelowSeatsTaken {
    pub taken: u32,
}

/// Capacity may not drop below the seats already held: nobody loses a seat
/// because an organiser typed a smaller number.
pub fn check_new_capacity(new_capacity: u32, taken: u32) -> Result<(), BelowSeatsTaken> {
    if new_capacity < taken {
        Err(BelowSeatsTaken { taken })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_waiting_list_is_told_from_the_first_start_for_two_days() {
        let start = DateTime::parse_from_rfc3339("2023-12-04T08:00:00Z")
            .unwrap()
            .to_utc();
        let minute = chrono::Duration::minutes(1);
        assert!(
            !tell_waitlist(start - minute, start),
            "promotion still open"
        );
        assert!(tell_waitlist(start, start));
        assert!(tell_waitlist(start + chrono::Duration::days(2), start));
        assert!(
            !tell_waitlist(start + chrono::Duration::days(2) + minute, start),
            "too late to be news"
        );
    }

    /// An in-memory cycle that applies the rules above, to check the
    /// invariants over arbitrary histories.
    #[derive(Debug, Default)]
    struct Book {
        capacity: u32,
        keeps_waitlist: bool,
        /// (arrival number, status)
        people: Vec<(usize, Status)>,
    }

    #[derive(Debug, Clone)]
    enum Op {
        Register,
        Cancel(usize),
        Expire(usize),
        Confirm(usize),
        SetCapacity(u32),
    }

    impl Book {
        fn taken(&self) -> u32 {
            self.people.iter().filter(|(_, s)| s.holds_seat()).count() as u32
        }
        fn promote(&mut self) {
            let waiting = self
                .people
                .iter()
                .filter(|(_, s)| *s == Status::Waitlisted)
                .count() as u32;
            let n = promotions(self.capacity, self.taken(), waiting, true);
            for _ in 0..n {
                let first = self
                    .people
                    .iter_mut()
                    .find(|(_, s)| *s == Status::Waitlisted)
                    .unwrap();
                first.1 = Status::Pending;
            }
        }
        fn apply(&mut self, op: Op) {
            match op {
                Op::Register => {
                    let arrival = self.people.len();
                    match place(
                        WindowState::Open,
                        self.capacity,
                        self.taken(),
                        self.keeps_waitlist,
                    ) {
                        Ok(Placement::Seat) => self.people.push((arrival, Status::Pending)),
                        Ok(Placement::Waitlist) => self.people.push((arrival, Status::Waitlisted)),
                        Err(_) => {}
                    }
                }
                Op::Cancel(i) => {
                    if let Some(p) = self.people.get_mut(i) {
                        if p.1 != Status::Cancelled && p.1 != Status::Expired {
                            p.1 = Status::Cancelled;
                            self.promote();
                        }
                    }
                }
                Op::Expire(i) => {
                    if let Some(p) = self.people.get_mut(i) {
                        if p.1 == Status::Pending {
                            p.1 = Status::Expired;
                            self.promote();
                        }
                    }
                }
                Op::Confirm(i) => {
                    if let Some(p) = self.people.get_mut(i) {
                        if p.1 == Status::Pending {
                            p.1 = Status::Confirmed;
                        }
                    }
                }
                Op::SetCapacity(n) => {
                    if check_new_capacity(n, self.taken()).is_ok() {
                        self.capacity = n;
                        self.promote();
                    }
                }
            }
        }
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => Just(Op::Register),
            1 => (0usize..60).prop_map(Op::Cancel),
            1 => (0usize..60).prop_map(Op::Expire),
            1 => (0usize..60).prop_map(Op::Confirm),
            1 => (0u32..40).prop_map(Op::SetCapacity),
        ]
    }

    proptest! {
        #[test]
        fn seats_never_exceed_capacity_and_waitlist_keeps_arrival_order(
            capacity in 0u32..30, keeps_waitlist: bool, ops in proptest::collection::vec(op(), 0..200)
        ) {
            let mut book = Book { capacity, keeps_waitlist, people: vec![] };
            for op in ops {
                book.apply(op);
                prop_assert!(book.taken() <= book.capacity);
                // Nobody waits while a seat is free.
                let waiting: Vec<usize> = book.people.iter().filter(|(_, s)| *s == Status::Waitlisted).map(|(a, _)| *a).collect();
                prop_assert!(waiting.is_empty() || book.taken() == book.capacity);
                // Promotion takes the earliest: every seated person who came from the
                // waitlist arrived before everyone still waiting.
                prop_assert!(waiting.windows(2).all(|w| w[0] < w[1]));
                if !keeps_waitlist { prop_assert!(waiting.is_empty()); }
            }
        }
    }

    #[test]
    fn placing_follows_window_then_capacity() {
        assert_eq!(place(WindowState::Open, 30, 29, false), Ok(Placement::Seat));
        assert_eq!(
            place(WindowState::Open, 30, 30, true),
            Ok(Placement::Waitlist)
        );
        assert_eq!(place(WindowState::Open, 30, 30, false), Err(Refusal::Full));
        assert_eq!(
            place(WindowState::Closed, 30, 0, true),
            Err(Refusal::Closed)
        );
        assert_eq!(
            place(WindowState::NotYetOpen, 30, 0, true),
            Err(Refusal::NotYetOpen)
        );
    }

    #[test]
    fn promotion_fills_free_seats_until_first_session() {
        assert_eq!(promotions(30, 28, 5, true), 2);
        assert_eq!(promotions(30, 28, 1, true), 1);
        assert_eq!(promotions(30, 28, 5, false), 0);
        let start = chrono::DateTime::parse_from_rfc3339("2023-12-04T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert!(promotion_open(
            start - chrono::Duration::seconds(1),
            Some(start)
        ));
        assert!(!promotion_open(start, Some(start)));
        assert_eq!(
            check_new_capacity(20, 25),
            Err(BelowSeatsTaken { taken: 25 })
        );
        assert_eq!(check_new_capacity(25, 25), Ok(()));
    }
}
