//! Integration tests: the real app, real databases, real SMTP.

mod helpers;
mod smtp;

mod foundation;
mod registration;
