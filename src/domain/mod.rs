//! Pure rules of Cohort: no database, no web, no clock — time is passed in.

pub mod chart;
pub mod countries;
pub mod cycle_file;
pub mod eligibility;
pub mod grant;
pub mod index_filter;
pub mod messages;
pub mod organisations;
pub mod outcome;
pub mod privacy;
pub mod problems;
pub mod progress;
pub mod questions;
pub mod registration;
pub mod reminders;
pub mod report;
pub mod schedule;
pub mod seats;
pub mod text;
pub mod tracks;
pub mod values;
pub mod window;
pub mod zoom;

pub use problems::FieldErrors;
pub use values::{
    ApplicationStatus, AttendanceSource, Audience, Capacity, Email, InstitutionType, Language,
    Role, SessionMode, SessionNo, Slug, Status, Zone,
};
