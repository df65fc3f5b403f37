//! Integration tests: the real app, real databases, real SMTP.

mod helpers;
mod smtp;

mod attendance;
mod axe;
mod browser;
mod certificate;
mod crash;
mod doors;
mod exports;
mod foundation;
mod grant;
mod input;
mod journeys;
mod languages;
mod layers;
mod limits;
mod mail;
mod messages;
mod migrations;
mod organisations;
mod organisations_identity;
mod organiser_forms;
mod organisers;
mod outage;
mod privacy;
mod progress;
mod questions;
mod registration;
mod reminders;
mod reports;
mod rush;
mod schedule;
mod security;
mod sqlmap;
mod tracks;
