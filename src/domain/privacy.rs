//! The participant's data rights (issue 11): what erasure keeps and removes,
//! and when a cycle's retention period ends. Erasure removes what names or
//! reaches a person; it keeps what statistics and grant audits count (the
//! status, institution type, country and region, attendance marks, amounts
//! and decisions), so the numbers a funder was given still add up.

use chrono::{DateTime, Months, Utc};

/// The longest retention a cycle may set: ten years.
pub const MAX_RETENTION_MONTHS: u32 = 120;

/// Who erased a registration's personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasedBy {
    /// The participant asked, from their page.
    Participant,
    /// The cycle's retention period ended.
    Retention,
}

impl ErasedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ErasedBy::Participant => "participant",
            ErasedBy::Retention => "retention",
        }
    }
}

/// Whether erasing gives the person's seat or waiting-list place back: only
/// at their own request and while places still pass to the next person (the
/// first session has not started). Later their record stays counted as it
/// was — a confirmed participant who attended — only without a name.
pub fn gives_back_place(by: ErasedBy, first_session_started: bool) -> bool {
    by == ErasedBy::Participant && !first_session_started
}

/// The address an erased registration keeps: unique per registration (the
/// cycle's unique index on addresses still holds), in the `.invalid` domain
/// that can never receive mail (RFC 2606).
pub fn erased_email(registration_id: i32) -> String {
    format!("erased-{registration_id}@erased.invalid")
}

/// When a cycle's personal data is due for erasure: `months` after its last
/// session ends (or after registration closes, for a cycle without sessions).
pub fn retention_ends(
    last_session_ends: Option<DateTime<Utc>>,
    registration_closes: DateTime<Utc>,
    months: u32,
) -> Option<DateTime<Utc>> {
    last_session_ends
        .unwrap_or(registration_closes)
        .checked_add_months(Months::new(months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn counted_from_the_last_session() {
        // Seed 002's last session ends 15 January 2024, 16:00 Riga time.
        let last = utc("2024-01-15T14:00:00Z");
        let closes = utc("2023-11-29T21:59:59Z");
        assert_eq!(
            retention_ends(Some(last), closes, 24),
            Some(utc("2026-01-15T14:00:00Z"))
        );
        assert_eq!(
            retention_ends(None, closes, 1),
            Some(utc("2023-12-29T21:59:59Z"))
        );
    }

    #[test]
    fn the_end_of_a_short_month_is_its_last_day() {
        let last = utc("2024-01-31T12:00:00Z");
        assert_eq!(
            retention_ends(Some(last), last, 1),
            Some(utc("2024-02-29T12:00:00Z"))
        );
    }

    #[test]
    fn a_place_goes_back_only_on_request_before_the_start() {
        assert!(gives_back_place(ErasedBy::Participant, false));
        assert!(!gives_back_place(ErasedBy::Participant, true));
        assert!(!gives_back_place(ErasedBy::Retention, false));
        assert!(!gives_back_place(ErasedBy::Retention, true));
    }

    proptest! {
        #[test]
        fn never_before_the_last_session(days in 0i64..20_000, months in 0u32..=MAX_RETENTION_MONTHS) {
            let last = utc("2020-01-01T00:00:00Z") + chrono::Duration::days(days);
            let ends = retention_ends(Some(last), last, months).expect("in range");
            prop_assert!(ends >= last);
        }

        #[test]
        fn erased_addresses_differ(a in 1i32..1_000_000, b in 1i32..1_000_000) {
            prop_assert_eq!(erased_email(a) == erased_email(b), a == b);
        }
    }
}
