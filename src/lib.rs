//! Cohort: registration, attendance and grant eligibility for training cycles.
//!
//! `domain` holds the rules (pure), `db` the storage, `web` the HTTP layer,
//! `mail` composing and sending email, `cli` the command line.

pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod mail;
pub mod passwords;
pub mod telemetry;
pub mod tokens;
pub mod web;
