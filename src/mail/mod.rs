//! Email: composing messages in the participant's language (written to the
//! outbox by the database layer) and sending them (the worker).

pub mod calendar;
pub mod qr;
pub mod worker;

use askama::Template;
use chrono::{DateTime, Utc};

use crate::db::models::{Cycle, NewOutboxMessage, Registration, Session};
use crate::db::registrations::{Compose, Notice};
use crate::db::to_db;
use crate::i18n::Tr;
use crate::tokens::{Keys, Purpose};

/// A session as an email shows it.
pub struct MailSession {
    pub position: i32,
    pub title: String,
    pub when: String,
    pub place: String,
}

#[derive(Template)]
#[template(path = "mail/notice.txt")]
struct NoticeText<'a> {
    t: Tr,
    notice: &'a str,
    name: &'a str,
    cycle: &'a str,
    link: &'a str,
    position: i64,
    pending: bool,
    hold_until: String,
    sessions: &'a [MailSession],
    zone: &'a str,
}

#[derive(Template)]
#[template(path = "mail/notice.html")]
struct NoticeHtml<'a> {
    t: Tr,
    notice: &'a str,
    name: &'a str,
    cycle: &'a str,
    link: &'a str,
    position: i64,
    pending: bool,
    hold_until: String,
    sessions: &'a [MailSession],
    zone: &'a str,
    qr: bool,
}

/// Renders outbox messages. Links carry the participant's token, so this is
/// the only place outside the web layer that issues tokens.
pub struct Composer {
    pub keys: Keys,
    pub base_url: String,
}

impl Composer {
    /// The link an organiser's phone opens when it scans the participant's code.
    pub fn checkin_link(&self, reg: &Registration) -> String {
        format!(
            "{}/admin/checkin/{}",
            self.base_url.trim_end_matches('/'),
            self.keys.issue(Purpose::Checkin, reg.id, &reg.token_nonce)
        )
    }

    pub fn participant_link(&self, reg: &Registration) -> String {
        format!(
            "{}/r/{}",
            self.base_url.trim_end_matches('/'),
            self.keys
                .issue(Purpose::Participant, reg.id, &reg.token_nonce)
        )
    }
}

/// No CR/LF or other control characters can reach a header (rule 9); lettre
/// encodes the rest.
pub fn header_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

impl Compose for Composer {
    fn compose(
        &self,
        notice: Notice,
        cycle: &Cycle,
        sessions: &[Session],
        reg: &Registration,
        now: DateTime<Utc>,
    ) -> NewOutboxMessage {
        let t = Tr::new(reg.lang());
        let tz = cycle.tz();
        let holds_seat = reg.status().holds_seat();
        let mail_sessions: Vec<MailSession> = sessions
            .iter()
            .map(|s| MailSession {
                position: s.position,
                title: s.title.clone(),
                when: t.span(s.starts_at.and_utc(), s.ends_at.and_utc(), tz),
                place: if s.is_online() {
                    if holds_seat {
                        s.online_url.clone().unwrap_or_default()
                    } else {
                        t.t("session-online")
                    }
                } else {
                    s.location.clone().unwrap_or_default()
                },
            })
            .collect();
        let link = self.participant_link(reg);
        let position = match notice {
            Notice::Waitlisted { position } => i64::from(position),
            _ => 0,
        };
        let hold_until = reg
            .hold_expires_at
            .map(|h| t.datetime(h.and_utc(), tz))
            .unwrap_or_default();
        let name = reg.first_name.as_str();
        let kind = notice.kind();
        let notice_key = kind.replace('_', "-");
        let pending = reg.status() == crate::domain::Status::Pending;
        // The door check-in code goes with every message to someone holding a seat.
        let checkin_url = (holds_seat
            && matches!(
                notice,
                Notice::Seated | Notice::Promoted | Notice::LinkAgain
            ))
        .then(|| self.checkin_link(reg));
        let qr = checkin_url.is_some();
        let text = NoticeText {
            t,
            notice: &notice_key,
            name,
            cycle: &cycle.title,
            link: &link,
            position,
            pending,
            hold_until: hold_until.clone(),
            sessions: &mail_sessions,
            zone: tz.name(),
        }
        .render()
        .unwrap_or_default();
        let html = NoticeHtml {
            t,
            notice: &notice_key,
            name,
            cycle: &cycle.title,
            link: &link,
            position,
            pending,
            hold_until,
            sessions: &mail_sessions,
            zone: tz.name(),
            qr,
        }
        .render()
        .unwrap_or_default();
        let subject_key = format!("mail-subject-{notice_key}");
        let subject = header_safe(&format!("{} — {}", cycle.title, t.t(&subject_key)));
        let ics = matches!(
            notice,
            Notice::Seated | Notice::Promoted | Notice::LinkAgain | Notice::Waitlisted { .. }
        )
        .then(|| calendar::ics(cycle, sessions, &link, holds_seat, &self.base_url));
        let dedupe_key = match notice {
            Notice::GrantEligible => Some(format!("grant-eligible:{}", reg.id)),
            _ => None,
        };
        NewOutboxMessage {
            registration_id: Some(reg.id),
            kind: kind.to_string(),
            dedupe_key,
            to_address: reg.email.clone(),
            to_name: header_safe(&reg.full_name()),
            subject,
            body_text: text,
            body_html: html,
            ics,
            checkin_url,
            created_at: to_db(now),
            next_attempt_at: to_db(now),
        }
    }
}
