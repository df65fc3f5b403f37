//! Rows as stored. Statuses, languages, zones, modes and sources are read
//! into domain enums (`deserialize_as` + `TryFrom<String>`): an unknown value
//! in the database is an error, never a silent default.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;

use super::schema::*;
use crate::domain::window::{Window, WindowState};
use crate::domain::{
    ApplicationStatus, AttendanceSource, InstitutionType, Language, Role, SessionMode, Status, Zone,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisers)]
pub struct Organiser {
    pub id: i32,
    pub email: String,
    pub name: String,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub password_hash: String,
    pub created_at: NaiveDateTime,
}

impl Organiser {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = cycles)]
pub struct Cycle {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub description: String,
    #[diesel(deserialize_as = String)]
    pub language: Language,
    #[diesel(deserialize_as = String)]
    pub timezone: Zone,
    pub country: String,
    pub capacity: i32,
    pub seats_taken: i32,
    pub registration_opens: NaiveDateTime,
    pub registration_closes: NaiveDateTime,
    pub waitlist: bool,
    pub require_email_confirmation: bool,
    pub hold_hours: i32,
    pub min_sessions: i32,
    pub published: bool,
    pub grant_title: Option<String>,
    pub grant_description: Option<String>,
    pub grant_apply_until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub grant_max_cents: Option<i32>,
    pub grant_decisions_by: Option<NaiveDateTime>,
    pub certificate: bool,
    pub reminder_hours_before: Option<i32>,
    /// When the waiting list heard that no seat became free (first session started).
    pub waitlist_told_at: Option<NaiveDateTime>,
    /// After each session, tell participants where they stand.
    pub progress_emails: bool,
    /// Personal data is erased this many months after the last session.
    pub retention_months: Option<i32>,
    /// When the retention task erased the cycle's personal data.
    pub purged_at: Option<NaiveDateTime>,
    /// Who the cycle is for, in one line (empty: not said).
    pub audience: String,
    /// Whom participants ask (empty: the sender address).
    pub contact_email: String,
    pub contact_phone: String,
}

impl Cycle {
    pub fn tz(&self) -> Tz {
        self.timezone.0
    }
    pub fn reminder_rule(&self) -> crate::domain::reminders::ReminderRule {
        crate::domain::reminders::ReminderRule::from_setting(self.reminder_hours_before)
    }
    pub fn window(&self) -> Window {
        Window {
            opens: self.registration_opens.and_utc(),
            closes: self.registration_closes.and_utc(),
        }
    }
    pub fn window_state(&self, now: DateTime<Utc>) -> WindowState {
        self.window().state(now)
    }
    pub fn seats_left(&self) -> u32 {
        crate::domain::seats::seats_left(self.capacity as u32, self.seats_taken as u32)
    }
    pub fn lang(&self) -> Language {
        self.language
    }
    /// The grant call, when the cycle has one.
    pub fn grant_call(&self) -> Option<crate::domain::grant::Call> {
        self.grant_title
            .as_ref()
            .map(|_| crate::domain::grant::Call {
                apply_until: self.grant_apply_until.map(|t| t.and_utc()),
                max_cents: self.grant_max_cents.map(i64::from),
            })
    }
    pub fn outcome(&self) -> crate::domain::outcome::Outcome {
        crate::domain::outcome::Outcome::new(self.grant_title.is_some(), self.certificate)
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: i32,
    pub cycle_id: i32,
    pub position: i32,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub mode: SessionMode,
    pub location: Option<String>,
    pub online_url: Option<String>,
    /// Grows with each change of time, place or link (the calendar's SEQUENCE).
    pub sequence: i32,
    /// Same-time sessions of different tracks are alternatives (issue 10).
    pub track: Option<String>,
    /// This session's own seat limit, taken by participants' choices.
    pub capacity: Option<i32>,
    pub seats_taken: i32,
}

impl Session {
    pub fn is_online(&self) -> bool {
        self.mode == SessionMode::Online
    }
    /// When and where, as a schedule change compares it.
    pub fn slot(&self) -> crate::domain::schedule::Slot {
        crate::domain::schedule::Slot {
            starts: self.starts_at.and_utc(),
            ends: self.ends_at.and_utc(),
            mode: self.mode,
            location: self.location.clone(),
            online_url: self.online_url.clone(),
        }
    }
    /// The session as the choice rules of `domain::tracks` see it.
    pub fn offered(&self) -> crate::domain::tracks::Offered {
        crate::domain::tracks::Offered {
            id: self.id,
            track: self.track.clone(),
            starts: self.starts_at.and_utc(),
            ends: self.ends_at.and_utc(),
            capacity: self.capacity.map(|c| c.max(0) as u32),
            taken: self.seats_taken.max(0) as u32,
        }
    }
    pub fn minutes(&self) -> u32 {
        (self.ends_at - self.starts_at).num_minutes().max(0) as u32
    }
}

/// A cycle's sessions as the choice rules see them, and its slots (tracked
/// sessions that overlap in time; none for a cycle without tracks).
pub fn offered_and_slots(
    sessions: &[Session],
) -> (
    Vec<crate::domain::tracks::Offered>,
    Vec<crate::domain::tracks::Slot>,
) {
    let offered: Vec<_> = sessions.iter().map(Session::offered).collect();
    let slots = crate::domain::tracks::slots(&offered);
    (offered, slots)
}

/// A session's time, place or link as it was before one change.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = session_changes)]
pub struct SessionChange {
    pub id: i32,
    pub session_id: i32,
    pub sequence: i32,
    pub old_starts_at: NaiveDateTime,
    pub old_ends_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub old_mode: SessionMode,
    pub old_location: Option<String>,
    pub old_online_url: Option<String>,
    pub changed_at: NaiveDateTime,
}

impl SessionChange {
    /// The session as it was before this change.
    pub fn old_slot(&self) -> crate::domain::schedule::Slot {
        crate::domain::schedule::Slot {
            starts: self.old_starts_at.and_utc(),
            ends: self.old_ends_at.and_utc(),
            mode: self.old_mode,
            location: self.old_location.clone(),
            online_url: self.old_online_url.clone(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i32,
    pub cycle_id: i32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub email_normalised: String,
    pub phone: String,
    pub institution: String,
    #[diesel(deserialize_as = String)]
    pub institution_type: InstitutionType,
    pub position: String,
    pub region: String,
    pub country: String,
    #[diesel(deserialize_as = String)]
    pub language: Language,
    pub consent_at: NaiveDateTime,
    pub consent_version: String,
    #[diesel(deserialize_as = String)]
    pub status: Status,
    pub token_nonce: String,
    pub registered_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub hold_expires_at: Option<NaiveDateTime>,
    pub status_changed_at: NaiveDateTime,
    /// The participant still wants the emails about their progress.
    pub progress_emails: bool,
    /// When the personal data was erased (by the participant's request or
    /// the cycle's retention period).
    pub erased_at: Option<NaiveDateTime>,
}

impl Registration {
    pub fn status(&self) -> Status {
        self.status
    }
    pub fn lang(&self) -> Language {
        self.language
    }
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attendance)]
pub struct Attendance {
    pub id: i32,
    pub registration_id: i32,
    pub session_id: i32,
    pub present: bool,
    #[diesel(deserialize_as = String)]
    pub source: AttendanceSource,
    pub minutes: Option<i32>,
    pub recorded_by: Option<i32>,
    pub recorded_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attendance_audit)]
pub struct AuditEntry {
    pub id: i32,
    pub registration_id: i32,
    pub session_id: i32,
    pub changed_by: Option<i32>,
    pub changed_at: NaiveDateTime,
    pub old_present: Option<bool>,
    pub new_present: bool,
    #[diesel(deserialize_as = String)]
    pub source: AttendanceSource,
    pub minutes: Option<i32>,
    pub note: Option<String>,
}

/// An outbox row: what to send to whom, not the rendered text.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: i32,
    pub registration_id: Option<i32>,
    pub kind: String,
    pub dedupe_key: Option<String>,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    /// The notice as JSON (`domain::registration::Notice`).
    pub params: String,
    /// The server process (node) that claimed it for sending.
    pub claimed_by: Option<String>,
    /// The organiser's message it delivers, if it is one.
    pub message_id: Option<i32>,
}

/// An organiser's message to a group, as sent.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = messages)]
pub struct Message {
    pub id: i32,
    pub cycle_id: i32,
    #[diesel(deserialize_as = String)]
    pub audience: crate::domain::Audience,
    pub subject: String,
    pub body: String,
    pub sent_by: Option<i32>,
    pub sent_at: NaiveDateTime,
    pub recipients: i32,
}

impl OutboxMessage {
    /// The notice this row asks for; an unknown one is an error, never a guess.
    pub fn notice(&self) -> Result<crate::domain::registration::Notice, serde_json::Error> {
        serde_json::from_str(&self.params)
    }
}

/// A grant application, without its attachment.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = grant_applications)]
pub struct Application {
    pub id: i32,
    pub registration_id: i32,
    pub title: String,
    pub summary: String,
    pub partners: String,
    pub amount_cents: Option<i32>,
    #[diesel(deserialize_as = String)]
    pub status: ApplicationStatus,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub submitted_at: Option<NaiveDateTime>,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<i32>,
    pub granted_cents: Option<i32>,
    pub decision_comment: Option<String>,
}

/// An attachment's name and size, for lists and pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    pub filename: String,
    pub bytes: usize,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = grant_audit)]
pub struct GrantAuditEntry {
    pub id: i32,
    pub application_id: i32,
    pub changed_by: Option<i32>,
    pub changed_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub new_status: ApplicationStatus,
    pub amount_cents: Option<i32>,
    pub comment: Option<String>,
}
