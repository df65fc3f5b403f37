//! Cohort: registration, attendance and grant eligibility for training cycles.
//!
//! `domain` holds the rules (pure), `db` the storage, `app` the use cases,
//! `web` the HTTP layer and `cli` the command line (both call `app`, never
//! each other), `mail` rendering and sending email, `certificate_pdf` the
//! participation certificate as a PDF (from text the caller translated).

pub mod app;
pub mod certificate_pdf;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod files;
pub mod i18n;
pub mod mail;
pub mod passwords;
pub mod qr;
pub mod telemetry;
pub mod tokens;
pub mod web;
