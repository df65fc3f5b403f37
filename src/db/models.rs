//! Rows as stored. Conversion to domain values happens at the edge of `db`.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;

use super::schema::*;
use crate::domain::window::{Window, WindowState};
use crate::domain::{Language, Status};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisers)]
pub struct Organiser {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: String,
    pub password_hash: String,
    pub created_at: NaiveDateTime,
}

impl Organiser {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = cycles)]
pub struct Cycle {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub language: String,
    pub timezone: String,
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
}

impl Cycle {
    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Riga)
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
        Language::parse(&self.language).unwrap_or(Language::Lv)
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
    pub mode: String,
    pub location: Option<String>,
    pub online_url: Option<String>,
}

impl Session {
    pub fn is_online(&self) -> bool {
        self.mode == "online"
    }
    pub fn minutes(&self) -> u32 {
        (self.ends_at - self.starts_at).num_minutes().max(0) as u32
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
    pub institution_type: String,
    pub position: String,
    pub region: String,
    pub country: String,
    pub language: String,
    pub consent_at: NaiveDateTime,
    pub consent_version: String,
    pub status: String,
    pub token_nonce: String,
    pub registered_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub hold_expires_at: Option<NaiveDateTime>,
    pub status_changed_at: NaiveDateTime,
}

impl Registration {
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Cancelled)
    }
    pub fn lang(&self) -> Language {
        Language::parse(&self.language).unwrap_or(Language::Lv)
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
    pub source: String,
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
    pub source: String,
    pub minutes: Option<i32>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxMessage {
    pub id: i32,
    pub registration_id: Option<i32>,
    pub kind: String,
    pub dedupe_key: Option<String>,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub ics: Option<String>,
    pub checkin_url: Option<String>,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
}

/// A message to put in the outbox, already rendered in the recipient's language.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxMessage {
    pub registration_id: Option<i32>,
    pub kind: String,
    pub dedupe_key: Option<String>,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub ics: Option<String>,
    pub checkin_url: Option<String>,
    pub created_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
}
