//! Pure rules of Cohort: no database, no web, no clock — time is passed in.

pub mod cycle_file;
pub mod eligibility;
pub mod seats;
pub mod values;
pub mod window;
pub mod zoom;

pub use values::{Capacity, Email, InstitutionType, Language, SessionNo, Slug, Status};
