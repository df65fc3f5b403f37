//! Schedule changes: what about a session changed, and whether the people
//! holding a seat must hear of it.

use chrono::{DateTime, Utc};

use super::SessionMode;

/// Where and when a session happens: the part of it a participant plans by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub mode: SessionMode,
    pub location: Option<String>,
    pub online_url: Option<String>,
}

/// Which parts of a slot changed. A renamed session is not a change of
/// plans: nobody needs an email for a corrected title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changed {
    pub time: bool,
    /// The address, or in person ↔ online.
    pub place: bool,
    /// The join link of an online session.
    pub link: bool,
}

impl Changed {
    pub fn anything(self) -> bool {
        self.time || self.place || self.link
    }
}

/// What differs from `old` to `new`. Blank and missing are the same; the
/// address of an online session and the link of one in the room do not count.
pub fn what_changed(old: &Slot, new: &Slot) -> Changed {
    let text = |value: &Option<String>| value.as_deref().map(str::trim).unwrap_or("").to_string();
    let place = |slot: &Slot| match slot.mode {
        SessionMode::InPerson => Some(text(&slot.location)),
        SessionMode::Online => None,
    };
    let link = |slot: &Slot| match slot.mode {
        SessionMode::Online => Some(text(&slot.online_url)),
        SessionMode::InPerson => None,
    };
    Changed {
        time: old.starts != new.starts || old.ends != new.ends,
        place: place(old) != place(new),
        // Moving online brings a link: the place line already says so.
        link: old.mode == new.mode && link(old) != link(new),
    }
}

/// Whether seat holders are told of a change made at `now`: only while the
/// session (as it now stands) is still ahead. Correcting the record of a
/// past session mails nobody.
pub fn worth_telling(changed: Changed, new: &Slot, now: DateTime<Utc>) -> bool {
    changed.anything() && new.starts > now
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(hour: u32) -> DateTime<Utc> {
        chrono::DateTime::parse_from_rfc3339(&format!("2023-12-18T{hour:02}:00:00Z"))
            .unwrap()
            .to_utc()
    }

    fn room(place: &str) -> Slot {
        Slot {
            starts: at(11),
            ends: at(14),
            mode: SessionMode::InPerson,
            location: Some(place.into()),
            online_url: None,
        }
    }

    fn online(url: &str) -> Slot {
        Slot {
            mode: SessionMode::Online,
            location: None,
            online_url: Some(url.into()),
            ..room("")
        }
    }

    #[test]
    fn a_later_start_is_a_change_of_time_only() {
        let old = room("Rīga, Kalpaka bulvāris 10");
        let new = Slot {
            starts: at(12),
            ..old.clone()
        };
        assert_eq!(
            what_changed(&old, &new),
            Changed {
                time: true,
                ..Changed::default()
            }
        );
    }

    #[test]
    fn moving_online_changes_the_place_not_the_link() {
        let changed = what_changed(&room("Rīga"), &online("https://zoom.us/j/1"));
        assert!(changed.place && !changed.link && !changed.time);
    }

    #[test]
    fn a_new_join_link_is_a_change_of_link() {
        let changed = what_changed(
            &online("https://zoom.us/j/1"),
            &online("https://zoom.us/j/2"),
        );
        assert!(changed.link && !changed.place);
    }

    #[test]
    fn blank_space_and_unused_fields_are_no_change() {
        let mut old = room("Rīga");
        old.online_url = Some("https://left.over".into());
        let new = room("  Rīga ");
        assert!(!what_changed(&old, &new).anything());
    }

    #[test]
    fn only_sessions_still_ahead_are_worth_an_email() {
        let old = room("Rīga");
        let new = Slot {
            starts: at(12),
            ..old.clone()
        };
        let changed = what_changed(&old, &new);
        assert!(worth_telling(changed, &new, at(9)));
        assert!(!worth_telling(changed, &new, at(12)), "it has started");
        assert!(!worth_telling(Changed::default(), &new, at(9)));
    }

    fn any_slot() -> impl Strategy<Value = Slot> {
        (
            0u32..24,
            1u32..5,
            any::<bool>(),
            proptest::option::of("[a-c ]{0,3}"),
            proptest::option::of("[a-c ]{0,3}"),
        )
            .prop_map(|(hour, length, in_person, location, online_url)| Slot {
                starts: at(0) + chrono::Duration::hours(i64::from(hour)),
                ends: at(0) + chrono::Duration::hours(i64::from(hour + length)),
                mode: if in_person {
                    SessionMode::InPerson
                } else {
                    SessionMode::Online
                },
                location,
                online_url,
            })
    }

    proptest! {
        #[test]
        fn a_slot_never_differs_from_itself(slot in any_slot()) {
            prop_assert!(!what_changed(&slot, &slot).anything());
        }

        #[test]
        fn a_change_reads_the_same_both_ways(old in any_slot(), new in any_slot()) {
            prop_assert_eq!(what_changed(&old, &new), what_changed(&new, &old));
        }
    }
}
