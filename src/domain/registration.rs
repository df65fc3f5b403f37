//! One registration's decision (rules 1–5), pure. Storage takes the cycle's
//! lock, reads a [`Snapshot`], asks [`decide`], and applies what comes back;
//! nothing here knows about the database, the web or the clock.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::seats::{self, Placement, Refusal};
use super::window::WindowState;
use super::{Email, InstitutionType, Language, Status};

/// A registration form that has passed validation.
#[derive(Debug, Clone)]
pub struct Applicant {
    pub first_name: String,
    pub last_name: String,
    pub email: Email,
    pub phone: String,
    pub institution: String,
    pub institution_type: InstitutionType,
    pub position: String,
    pub region: String,
    pub country: String,
    pub language: Language,
    pub consent_version: String,
    /// Answers to the cycle's own questions, saved with the registration.
    pub answers: Vec<super::questions::Answer>,
}

/// What storage saw under the cycle's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub window: WindowState,
    pub capacity: u32,
    pub seats_taken: u32,
    pub keeps_waitlist: bool,
    pub requires_confirmation: bool,
    pub hold_hours: u32,
    /// False once the first session has started.
    pub promotion_open: bool,
    /// Whether anyone is on the waitlist. Only read once promotion has
    /// stopped (see [`Snapshot::needs_queue`]), so storage may leave it false
    /// otherwise and save a query under the lock.
    pub someone_waiting: bool,
}

impl Snapshot {
    /// Whether the waitlist must be counted for this decision: only when a
    /// newcomer could otherwise jump a queue that promotion no longer drains.
    pub fn needs_queue(keeps_waitlist: bool, promotion_open: bool) -> bool {
        keeps_waitlist && !promotion_open
    }
}

/// What to do with one new registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Take a seat; `hold_until` is set when the address must be confirmed.
    Seat {
        status: Status,
        hold_until: Option<DateTime<Utc>>,
    },
    Waitlist,
    Refuse(Refusal),
}

/// Rules 1–5 for a new address (an address already registered never gets here).
pub fn decide(snapshot: &Snapshot, now: DateTime<Utc>) -> Decision {
    let placement = match seats::place(
        snapshot.window,
        snapshot.capacity,
        snapshot.seats_taken,
        snapshot.keeps_waitlist,
    ) {
        Ok(placement) => placement,
        Err(refusal) => return Decision::Refuse(refusal),
    };
    // While promotion runs nobody waits while a seat is free; once the first
    // session has started it stops, and then a newcomer must not jump the queue.
    let queue_jump =
        snapshot.keeps_waitlist && !snapshot.promotion_open && snapshot.someone_waiting;
    match placement {
        Placement::Seat if !queue_jump => seat(
            snapshot.requires_confirmation,
            snapshot.hold_hours,
            None,
            now,
        ),
        _ => Decision::Waitlist,
    }
}

/// A seat for someone: new, promoted from the waitlist or restored. Someone
/// who already confirmed their address (`confirmed_at`) needs no hold.
pub fn seat(
    requires_confirmation: bool,
    hold_hours: u32,
    confirmed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Decision {
    let status = if confirmed_at.is_some() {
        Status::Confirmed
    } else {
        seats::seated_status(requires_confirmation)
    };
    let hold_until =
        (status == Status::Pending).then(|| now + Duration::hours(i64::from(hold_hours)));
    Decision::Seat { status, hold_until }
}

/// Whether an organiser's restore gives a seat: a free one, unless someone
/// who arrived earlier is waiting for it and promotion has stopped (the first
/// session began) — then the restored person queues at their arrival place
/// like everyone else. While promotion runs nobody waits beside a free seat.
pub fn restore_gives_seat(free_seat: bool, promotion_open: bool, earlier_waiting: bool) -> bool {
    free_seat && (promotion_open || !earlier_waiting)
}

/// Whether a registration in this state gives way to a new one with the
/// same address (rule 5 is about people taking part): someone who gave the
/// seat back or let the hold run out may register again as anyone new would.
pub fn gives_way(status: Status) -> bool {
    matches!(status, Status::Cancelled | Status::Expired)
}

/// The address key an ended registration keeps once it gave way, so the
/// unique (cycle, address) index lets the new one in while the old row stays
/// as it was (its history, attendance audit and emails). `#` cannot be in
/// the domain of a normalised address, so no real address ever equals it.
pub fn given_way_key(normalised: &str, registration_id: i32) -> String {
    format!("{normalised}#gave-way-{registration_id}")
}

/// The address key an ended registration had before it gave way.
pub fn original_key(key: &str) -> &str {
    key.split_once('#').map_or(key, |(address, _)| address)
}

/// Why a message is sent. The outbox stores this (kind and parameters), and
/// the mail worker renders it at send time in the participant's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Notice {
    Seated,
    Waitlisted {
        position: u32,
    },
    /// Someone registered again with the same address: send the link again.
    LinkAgain,
    Promoted,
    Cancelled,
    Expired,
    GrantEligible,
    /// The grant application arrived; the email carries a copy of it.
    GrantSubmitted,
    /// The organisers decided on the application.
    GrantDecided,
    /// Before a session: when, where, the link. `starts` (Unix seconds) is
    /// the start it was written for; a session moved since is reminded anew.
    Reminder {
        session_id: i32,
        starts: i64,
    },
    /// An organiser's message to a group (stored in `messages`).
    Message {
        message_id: i32,
    },
    /// The first session started with this person still waiting: no seat
    /// became free, and none will.
    NoSeatFreed,
    /// A session's time, place or link changed (`session_changes` holds
    /// what it was; the email shows what it is when sent).
    ScheduleChanged {
        change_id: i32,
    },
    /// After a session: attended so far, how many more are needed, that it
    /// is still possible (the numbers are read when the email is sent).
    Progress {
        session_id: i32,
    },
    /// After a session: too many missed to earn the outcome (told once).
    ProgressLost {
        session_id: i32,
    },
}

impl Notice {
    pub fn kind(self) -> &'static str {
        match self {
            Notice::Seated => "seated",
            Notice::Waitlisted { .. } => "waitlisted",
            Notice::LinkAgain => "link_again",
            Notice::Promoted => "promoted",
            Notice::Cancelled => "cancelled",
            Notice::Expired => "expired",
            Notice::GrantEligible => "grant_eligible",
            Notice::GrantSubmitted => "grant_submitted",
            Notice::GrantDecided => "grant_decided",
            Notice::Reminder { .. } => "reminder",
            Notice::Message { .. } => "message",
            Notice::ScheduleChanged { .. } => "schedule_changed",
            Notice::NoSeatFreed => "no_seat_freed",
            Notice::Progress { .. } => "progress",
            Notice::ProgressLost { .. } => "progress_lost",
        }
    }

    /// Notices a person gets at most once (or once per period): the outbox
    /// refuses a second row with the same key.
    pub fn dedupe_key(self, registration_id: i32, now: DateTime<Utc>) -> Option<String> {
        match self {
            Notice::GrantEligible => Some(format!("grant-eligible:{registration_id}")),
            // One application and one decision per person: heard once.
            Notice::GrantSubmitted => Some(format!("grant-submitted:{registration_id}")),
            Notice::GrantDecided => Some(format!("grant-decided:{registration_id}")),
            Notice::Reminder { session_id, starts } => {
                Some(format!("reminder:{registration_id}:{session_id}:{starts}"))
            }
            Notice::Message { message_id } => {
                Some(format!("message:{message_id}:{registration_id}"))
            }
            Notice::ScheduleChanged { change_id } => {
                Some(format!("schedule:{change_id}:{registration_id}"))
            }
            Notice::NoSeatFreed => Some(format!("no-seat-freed:{registration_id}")),
            Notice::Progress { session_id } => {
                Some(format!("progress:{registration_id}:{session_id}"))
            }
            // "No longer possible" once, not after every later session.
            Notice::ProgressLost { .. } => Some(format!("progress-lost:{registration_id}")),
            // One reminder per ten minutes at most, so a stranger who knows
            // the address cannot flood the participant's inbox.
            Notice::LinkAgain => Some(format!(
                "link-again:{registration_id}:{}",
                now.timestamp() / 600
            )),
            _ => None,
        }
    }

    /// The organiser's message this notice delivers, if it is one.
    pub fn message_id(self) -> Option<i32> {
        match self {
            Notice::Message { message_id } => Some(message_id),
            _ => None,
        }
    }

    /// Messages to someone holding a seat carry the door check-in code.
    pub fn carries_checkin_code(self) -> bool {
        matches!(
            self,
            Notice::Seated
                | Notice::Promoted
                | Notice::LinkAgain
                | Notice::Reminder { .. }
                | Notice::ScheduleChanged { .. }
        )
    }

    /// Messages that carry the sessions as a calendar file.
    pub fn carries_calendar(self) -> bool {
        matches!(
            self,
            Notice::Seated
                | Notice::Promoted
                | Notice::LinkAgain
                | Notice::Waitlisted { .. }
                | Notice::ScheduleChanged { .. }
        )
    }
}

/// The outcome of one registration form, as the confirmation page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Seated {
        id: i32,
        status: Status,
        /// Until when an unconfirmed seat is held (pending only).
        hold_until: Option<DateTime<Utc>>,
    },
    Waitlisted {
        id: i32,
        position: u32,
    },
    /// Already registered: nothing changed, the link was sent again.
    /// `answer` is what a newcomer would have been told at this moment:
    /// all the answer may say (rule 5), so that nobody can find out from it
    /// whether an address is registered.
    AlreadyRegistered {
        id: i32,
        answer: Answer,
    },
    Refused(Refusal),
}

/// What the person who sent the form is told: a seat (and until when it is
/// held), a waitlist place, or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Seated {
        status: Status,
        hold_until: Option<DateTime<Utc>>,
    },
    Waitlisted {
        position: u32,
    },
    Refused(Refusal),
}

impl Registered {
    /// The answer to the form; a known address gets a newcomer's.
    pub fn answer(self) -> Answer {
        match self {
            Registered::Seated {
                status, hold_until, ..
            } => Answer::Seated { status, hold_until },
            Registered::Waitlisted { position, .. } => Answer::Waitlisted { position },
            Registered::AlreadyRegistered { answer, .. } => answer,
            Registered::Refused(refusal) => Answer::Refused(refusal),
        }
    }
}

impl Answer {
    /// What a newcomer is told after `decision`, with `waiting` people
    /// already on the waitlist.
    pub fn of_decision(decision: Decision, waiting: u32) -> Answer {
        match decision {
            Decision::Seat { status, hold_until } => Answer::Seated { status, hold_until },
            Decision::Waitlist => Answer::Waitlisted {
                position: waiting + 1,
            },
            Decision::Refuse(refusal) => Answer::Refused(refusal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Rule 5: the answer to a known address is built from the decision a
    /// newcomer would get, with the waitlist place after those waiting.
    #[test]
    fn a_known_address_is_answered_as_a_newcomer() {
        let held = Some(now() + Duration::hours(48));
        let seat = Decision::Seat {
            status: Status::Pending,
            hold_until: held,
        };
        assert_eq!(
            Answer::of_decision(seat, 0),
            Answer::Seated {
                status: Status::Pending,
                hold_until: held
            }
        );
        assert_eq!(
            Answer::of_decision(Decision::Waitlist, 3),
            Answer::Waitlisted { position: 4 }
        );
        let known = Registered::AlreadyRegistered {
            id: 9,
            answer: Answer::Refused(Refusal::Full),
        };
        assert_eq!(known.answer(), Answer::Refused(Refusal::Full));
        let new = Registered::Waitlisted {
            id: 10,
            position: 4,
        };
        assert_eq!(new.answer(), Answer::of_decision(Decision::Waitlist, 3));
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2023-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn open(capacity: u32, taken: u32) -> Snapshot {
        Snapshot {
            window: WindowState::Open,
            capacity,
            seats_taken: taken,
            keeps_waitlist: true,
            requires_confirmation: true,
            hold_hours: 48,
            promotion_open: true,
            someone_waiting: false,
        }
    }

    #[test]
    fn a_free_seat_is_held_until_the_address_is_confirmed() {
        assert_eq!(
            decide(&open(30, 29), now()),
            Decision::Seat {
                status: Status::Pending,
                hold_until: Some(now() + Duration::hours(48)),
            }
        );
        let no_confirmation = Snapshot {
            requires_confirmation: false,
            ..open(30, 0)
        };
        assert_eq!(
            decide(&no_confirmation, now()),
            Decision::Seat {
                status: Status::Confirmed,
                hold_until: None
            }
        );
    }

    #[test]
    fn full_cycles_wait_or_refuse_and_the_window_comes_first() {
        assert_eq!(decide(&open(30, 30), now()), Decision::Waitlist);
        let no_waitlist = Snapshot {
            keeps_waitlist: false,
            ..open(30, 30)
        };
        assert_eq!(decide(&no_waitlist, now()), Decision::Refuse(Refusal::Full));
        let closed = Snapshot {
            window: WindowState::Closed,
            ..open(30, 0)
        };
        assert_eq!(decide(&closed, now()), Decision::Refuse(Refusal::Closed));
        let early = Snapshot {
            window: WindowState::NotYetOpen,
            ..open(30, 0)
        };
        assert_eq!(decide(&early, now()), Decision::Refuse(Refusal::NotYetOpen));
    }

    #[test]
    fn after_the_first_session_nobody_jumps_the_queue() {
        let started = Snapshot {
            promotion_open: false,
            someone_waiting: true,
            ..open(30, 10)
        };
        assert_eq!(decide(&started, now()), Decision::Waitlist);
        // Before the start a waiting person would have been promoted already:
        // a free seat is a free seat.
        let before = Snapshot {
            someone_waiting: true,
            ..open(30, 10)
        };
        assert!(matches!(decide(&before, now()), Decision::Seat { .. }));
        assert!(Snapshot::needs_queue(true, false));
        assert!(!Snapshot::needs_queue(true, true));
        assert!(!Snapshot::needs_queue(false, false));
    }

    #[test]
    fn a_restore_does_not_jump_those_who_arrived_earlier() {
        assert!(restore_gives_seat(true, true, false));
        assert!(
            restore_gives_seat(true, false, false),
            "nobody earlier waits"
        );
        assert!(
            !restore_gives_seat(true, false, true),
            "after the start, queue"
        );
        assert!(!restore_gives_seat(false, true, false), "no free seat");
    }

    #[test]
    fn someone_who_confirmed_before_gets_no_hold() {
        assert_eq!(
            seat(true, 48, Some(now()), now()),
            Decision::Seat {
                status: Status::Confirmed,
                hold_until: None
            }
        );
    }

    #[test]
    fn notices_survive_the_outbox_round_trip() {
        for notice in [
            Notice::Seated,
            Notice::Waitlisted { position: 7 },
            Notice::LinkAgain,
            Notice::Promoted,
            Notice::Cancelled,
            Notice::Expired,
            Notice::GrantEligible,
            Notice::GrantSubmitted,
            Notice::GrantDecided,
        ] {
            let stored = serde_json::to_string(&notice).unwrap();
            assert!(stored.contains(notice.kind()), "{stored}");
            assert_eq!(serde_json::from_str::<Notice>(&stored).unwrap(), notice);
        }
        assert!(serde_json::from_str::<Notice>(r#"{"kind":"lottery"}"#).is_err());
        assert!(serde_json::from_str::<Notice>(r#"{"kind":"waitlisted"}"#).is_err());
    }

    proptest! {
        /// Whatever the state, a seat is never given beyond capacity, and a
        /// refusal happens only when the window is shut or a full cycle keeps
        /// no waitlist.
        #[test]
        fn decisions_respect_capacity_and_window(
            capacity in 0u32..50, taken in 0u32..60, keeps_waitlist: bool,
            promotion_open: bool, someone_waiting: bool, window in 0u8..3,
        ) {
            let taken = taken.min(capacity);
            let window = [WindowState::NotYetOpen, WindowState::Open, WindowState::Closed][window as usize];
            let snapshot = Snapshot {
                window, capacity, seats_taken: taken, keeps_waitlist,
                requires_confirmation: true, hold_hours: 48, promotion_open, someone_waiting,
            };
            match decide(&snapshot, now()) {
                Decision::Seat { .. } => {
                    prop_assert!(taken < capacity);
                    prop_assert_eq!(window, WindowState::Open);
                }
                Decision::Waitlist => prop_assert!(keeps_waitlist && window == WindowState::Open),
                Decision::Refuse(Refusal::Full) => prop_assert!(!keeps_waitlist && taken >= capacity),
                Decision::Refuse(_) => prop_assert!(window != WindowState::Open),
            }
        }
    }

    #[test]
    fn an_ended_registration_gives_way_under_a_key_no_address_has() {
        for &status in Status::ALL {
            assert_eq!(
                gives_way(status),
                matches!(status, Status::Cancelled | Status::Expired),
                "{status:?}"
            );
        }
        let email = Email::parse("Anna.Berzina@Muzejs.lv").unwrap();
        let key = given_way_key(email.normalised(), 7);
        assert_ne!(key, email.normalised());
        assert!(Email::parse(&key).is_err(), "{key} is no address");
        assert_eq!(original_key(&key), email.normalised());
        assert_eq!(original_key(email.normalised()), email.normalised());
        assert_ne!(given_way_key(email.normalised(), 8), key);
    }
}
