//! Integration tests: the real app, real databases, real SMTP.

mod helpers;
mod smtp;

mod attendance;
mod browser;
mod certificate;
mod exports;
mod foundation;
mod grant;
mod input;
mod journeys;
mod layers;
mod mail;
mod messages;
mod migrations;
mod outage;
mod progress;
mod registration;
mod reminders;
mod schedule;
mod security;
