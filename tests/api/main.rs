//! Integration tests: the real app, real databases, real SMTP.

mod helpers;
mod smtp;

mod attendance;
mod browser;
mod certificate;
mod crash;
mod doors;
mod exports;
mod foundation;
mod grant;
mod input;
mod journeys;
mod layers;
mod limits;
mod mail;
mod messages;
mod migrations;
mod organisers;
mod outage;
mod privacy;
mod progress;
mod registration;
mod reminders;
mod schedule;
mod security;
mod sqlmap;
mod tracks;
