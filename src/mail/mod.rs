//! Email: rendering the outbox's notices in the participant's language at
//! send time, and sending them (the worker). Storage records only what to
//! send (`domain::registration::Notice`); nothing here runs inside a write
//! transaction.

pub mod calendar;
pub mod worker;

use anyhow::Context;
use askama::Template;

use lettre::message::Mailbox;

use crate::db::models::{Application, Cycle, Message, Registration, Session, SessionChange};
use crate::db::organisations::Organisation;
use crate::domain::eligibility::{Standing, Verdict};
use crate::domain::registration::Notice;
use crate::domain::tracks::Slot;
use crate::domain::ApplicationStatus;
use crate::i18n::Tr;
use crate::tokens::{Keys, Purpose};

/// A session as an email shows it.
pub struct MailSession {
    pub position: i32,
    pub title: String,
    pub when: String,
    pub place: String,
}

impl MailSession {
    /// Whether the place is a join link (the HTML part makes it a link).
    pub fn place_is_link(&self) -> bool {
        self.place.starts_with("https://") || self.place.starts_with("http://")
    }
}

#[derive(Template)]
#[template(path = "mail/notice.txt")]
struct NoticeText<'a> {
    tr: Tr,
    /// The message's own sentence (why it is sent).
    body: &'a str,
    /// Lines under the body (a copy of the application, a decision).
    details: &'a [Detail],
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
    tr: Tr,
    /// The message's own sentence (why it is sent).
    body: &'a str,
    /// Lines under the body (a copy of the application, a decision).
    details: &'a [Detail],
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

/// What some notices need besides the registration and its cycle.
#[derive(Debug, Clone, Copy, Default)]
pub enum Attached<'a> {
    #[default]
    Nothing,
    /// The grant application (acknowledgement, decision).
    Application(&'a Application),
    /// The organiser's message.
    Message(&'a Message),
    /// What a changed session was before.
    Change(&'a SessionChange),
    /// Where the participant stands (progress after a session).
    Standing(&'a Standing),
    /// The slots ahead with no session chosen (a promotion that dropped a
    /// choice whose session filled up meanwhile).
    Unchosen(&'a [Slot]),
}

/// One labelled line of an email's details; `long` values keep their lines.
pub struct Detail {
    pub label: String,
    pub value: String,
}

/// Renders outbox messages. Links carry the participant's token, so this is
/// the only place outside the web layer that issues tokens.
pub struct Composer {
    pub keys: Keys,
    pub base_url: String,
    /// Whom participants ask when a cycle names nobody: the sender address.
    pub contact: String,
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

/// One email, rendered for its recipient.
#[derive(Debug, Clone)]
pub struct RenderedMail {
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub ics: Option<String>,
    /// The calendar's METHOD (`PUBLISH`, or `CANCEL` when the seat was given back).
    pub ics_method: &'static str,
    /// The door check-in link, drawn as an inline QR code image.
    pub checkin_url: Option<String>,
    /// The owning organisation's sender; `None`: the installation's.
    pub from: Option<Mailbox>,
    /// Whom a reply reaches, when not the sender.
    pub reply_to: Option<Mailbox>,
}

/// Who mail about a cycle comes from (issue 11): the owning organisation's
/// sender when it has one (under its name when the sender has none), else
/// `None`, the installation's `mail_from`. Read when the mail is sent, so a
/// sender changed meanwhile is the one used.
pub fn organisations_sender(owner: Option<&Organisation>) -> Option<Mailbox> {
    let owner = owner?;
    let address = match owner.mail_from_address.trim() {
        "" => return None,
        typed => typed,
    };
    let address = match address.parse::<lettre::Address>() {
        Ok(address) => address,
        Err(e) => {
            // Checked when stored; a hand-edited database falls back.
            tracing::warn!(organisation = %owner.slug, error = %e,
                "the organisation's sender cannot be used; sending from mail_from");
            return None;
        }
    };
    let name = match owner.mail_from_name.trim() {
        "" => owner.name.trim(),
        own => own,
    };
    Some(Mailbox::new(Some(header_safe(name)), address))
}

/// Whom a reply reaches: the cycle's own contact address, else its owning
/// organisation's; `None`: the sender, as usual.
pub fn reply_to(cycle: &Cycle, owner: Option<&Organisation>) -> Option<Mailbox> {
    let mailbox = |name: Option<&str>, address: &str| {
        address
            .trim()
            .parse::<lettre::Address>()
            .ok()
            .map(|a| Mailbox::new(name.map(header_safe), a))
    };
    match (cycle.contact_email.trim(), owner) {
        ("", Some(o)) if !o.contact_email.trim().is_empty() => {
            mailbox(Some(&o.name), &o.contact_email)
        }
        ("", _) => None,
        own => mailbox(None, own.0),
    }
}

impl Composer {
    /// Renders `notice` for `reg` as things stand now. A template that fails
    /// is an error (the message is retried), never an empty email.
    pub fn render(
        &self,
        notice: Notice,
        cycle: &Cycle,
        sessions: &[Session],
        reg: &Registration,
        attached: Attached<'_>,
        owner: Option<&Organisation>,
    ) -> anyhow::Result<RenderedMail> {
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
                        t.text("session-online")
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
            .map(|h| t.until(h.and_utc(), tz))
            .unwrap_or_default();
        let zone = t.zone(
            tz,
            sessions
                .first()
                .map(|s| s.starts_at.and_utc())
                .unwrap_or(cycle.window().closes),
        );
        let name = reg.first_name.as_str();
        let mut notice_key = notice.kind().replace('_', "-");
        let mut subject_args: Vec<(&str, String)> = Vec::new();
        let mut organisers_words: Option<&Message> = None;
        let details = match (notice, attached) {
            (Notice::GrantSubmitted, Attached::Application(a)) => application_copy(&t, a, cycle),
            (Notice::GrantDecided, Attached::Application(a)) => {
                notice_key = match a.status {
                    ApplicationStatus::Funded => "grant-decided-funded".into(),
                    _ => "grant-decided-not-funded".into(),
                };
                decision_lines(&t, a)
            }
            (Notice::GrantSubmitted | Notice::GrantDecided, _) => {
                anyhow::bail!("a {} email needs its application", notice.kind())
            }
            (Notice::Message { .. }, Attached::Message(m)) => {
                organisers_words = Some(m);
                Vec::new()
            }
            (Notice::Message { .. }, _) => anyhow::bail!("a message email needs its message"),
            (Notice::ScheduleChanged { .. }, Attached::Change(change)) => {
                let session = sessions
                    .iter()
                    .find(|s| s.id == change.session_id)
                    .with_context(|| format!("the session of change {} is gone", change.id))?;
                subject_args.push(("session", session.title.clone()));
                change_lines(&t, change, session, tz)
            }
            (Notice::ScheduleChanged { .. }, _) => {
                anyhow::bail!("a schedule change email needs its change")
            }
            (
                Notice::Progress { session_id } | Notice::ProgressLost { session_id },
                Attached::Standing(standing),
            ) => {
                let session = sessions
                    .iter()
                    .find(|s| s.id == session_id)
                    .with_context(|| format!("session {session_id} of a progress email is gone"))?;
                subject_args.push(("session", session.title.clone()));
                // The words follow where they stand now: a correction since
                // "still possible" was written may have changed it.
                notice_key = match standing.verdict {
                    Verdict::NoLongerPossible => "progress-lost".into(),
                    _ => "progress".into(),
                };
                vec![
                    Detail {
                        label: t.text("mail-progress-label"),
                        value: t.progress(cycle.outcome().key(), standing),
                    },
                    Detail {
                        label: t.text("mail-progress-stop-label"),
                        value: t.text("mail-progress-stop"),
                    },
                ]
            }
            (Notice::Progress { .. } | Notice::ProgressLost { .. }, _) => {
                anyhow::bail!("a progress email needs where the participant stands")
            }
            (Notice::Reminder { session_id, .. }, _) => {
                let session = sessions
                    .iter()
                    .find(|s| s.id == session_id)
                    .with_context(|| format!("session {session_id} of a reminder is gone"))?;
                subject_args.push(("session", session.title.clone()));
                subject_args.push((
                    "when",
                    t.span(session.starts_at.and_utc(), session.ends_at.and_utc(), tz),
                ));
                reminder_lines(&t, session)
            }
            // Told where a session must be chosen again, by its time.
            (Notice::Promoted, Attached::Unchosen(slots)) => slots
                .iter()
                .map(|slot| Detail {
                    label: t.text("mail-choose-session-label"),
                    value: t.with_one(
                        "mail-choose-session",
                        "when",
                        &t.span(slot.starts, slot.ends, tz),
                    ),
                })
                .collect(),
            (Notice::Cancelled, _) => vec![Detail {
                label: t.text("mail-contact-label"),
                value: contact_line(cycle, owner, &self.contact),
            }],
            _ => Vec::new(),
        };
        let named: Vec<(&str, &str)> = subject_args
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        // The organiser's own words are the body and the subject, as typed.
        let body = match organisers_words {
            Some(m) => m.body.clone(),
            None => t.with(&format!("mail-body-{notice_key}"), &named),
        };
        let pending = reg.status() == crate::domain::Status::Pending;
        // The door check-in code goes with every message to someone holding a seat.
        let checkin_url =
            (holds_seat && notice.carries_checkin_code()).then(|| self.checkin_link(reg));
        let text = NoticeText {
            tr: t,
            body: &body,
            details: &details,
            name,
            cycle: &cycle.title,
            link: &link,
            position,
            pending,
            hold_until: hold_until.clone(),
            sessions: &mail_sessions,
            zone: &zone,
        }
        .render()
        .with_context(|| format!("rendering the text of a {} email", notice.kind()))?;
        let html = NoticeHtml {
            tr: t,
            body: &body,
            details: &details,
            name,
            cycle: &cycle.title,
            link: &link,
            position,
            pending,
            hold_until,
            sessions: &mail_sessions,
            zone: &zone,
            qr: checkin_url.is_some(),
        }
        .render()
        .with_context(|| format!("rendering the HTML of a {} email", notice.kind()))?;
        let subject_key = format!("mail-subject-{notice_key}");
        let subject_text = match organisers_words {
            Some(m) => m.subject.clone(),
            None => t.with(&subject_key, &named),
        };
        let subject = header_safe(&format!("{} — {subject_text}", cycle.title));
        let (ics, ics_method) = match notice {
            Notice::Cancelled if !sessions.is_empty() => (
                Some(calendar::cancel_ics(
                    &t,
                    cycle,
                    sessions,
                    reg.id,
                    &self.base_url,
                )),
                "CANCEL",
            ),
            _ => (
                notice.carries_calendar().then(|| {
                    calendar::ics(
                        &t,
                        cycle,
                        sessions,
                        reg.id,
                        &link,
                        holds_seat,
                        &self.base_url,
                    )
                }),
                "PUBLISH",
            ),
        };
        Ok(RenderedMail {
            to_address: reg.email.clone(),
            to_name: header_safe(&reg.full_name()),
            subject,
            text,
            html,
            ics,
            ics_method,
            checkin_url,
            from: organisations_sender(owner),
            reply_to: reply_to(cycle, owner),
        })
    }
}

/// Whom to ask: the cycle's contact address and phone, else its owning
/// organisation's contact (or its sender's address), else `fallback`, the
/// installation's sender address.
pub fn contact_line(cycle: &Cycle, owner: Option<&Organisation>, fallback: &str) -> String {
    let owners =
        |pick: fn(&Organisation) -> &str| owner.map(pick).map(str::trim).filter(|s| !s.is_empty());
    let email = match cycle.contact_email.trim() {
        "" => owners(|o| o.contact_email.as_str())
            .or(owners(|o| o.mail_from_address.as_str()))
            .unwrap_or(fallback),
        given => given,
    };
    let phone = match cycle.contact_phone.trim() {
        "" => owners(|o| o.contact_phone.as_str()).unwrap_or_default(),
        given => given,
    };
    match phone {
        "" => email.to_string(),
        phone => format!("{email}, {phone}"),
    }
}

/// What the participant sent, as the acknowledgement repeats it.
fn application_copy(t: &Tr, a: &Application, cycle: &Cycle) -> Vec<Detail> {
    let mut lines = vec![
        Detail {
            label: t.text("grant-field-title"),
            value: a.title.clone(),
        },
        Detail {
            label: t.text("grant-field-amount"),
            value: a
                .amount_cents
                .map(|c| t.euros(i64::from(c)))
                .unwrap_or_default(),
        },
        Detail {
            label: t.text("grant-field-partners"),
            value: a.partners.clone(),
        },
        Detail {
            label: t.text("grant-field-summary"),
            value: a.summary.clone(),
        },
    ];
    if let Some(at) = a.submitted_at {
        lines.push(Detail {
            label: t.text("grant-submitted-at"),
            value: t.datetime(at.and_utc(), cycle.tz()),
        });
    }
    lines
}

/// Where the reminded session is: the join link, or the address.
fn reminder_lines(t: &Tr, session: &Session) -> Vec<Detail> {
    let (label, value) = match (&session.online_url, &session.location) {
        (Some(url), _) if session.is_online() => ("mail-reminder-join", url.clone()),
        (_, Some(place)) => ("mail-reminder-where", place.clone()),
        _ => return Vec::new(),
    };
    vec![Detail {
        label: t.text(label),
        value,
    }]
}

/// What changed about a session, old → new, and the join link when it is
/// new (only seat holders are told, so the link may be shown).
fn change_lines(
    t: &Tr,
    change: &SessionChange,
    session: &Session,
    tz: chrono_tz::Tz,
) -> Vec<Detail> {
    let old = change.old_slot();
    let new = session.slot();
    let changed = crate::domain::schedule::what_changed(&old, &new);
    let place = |slot: &crate::domain::schedule::Slot| match slot.mode {
        crate::domain::SessionMode::Online => t.text("session-online"),
        crate::domain::SessionMode::InPerson => slot.location.clone().unwrap_or_default(),
    };
    let mut lines = Vec::new();
    if changed.time {
        lines.push(Detail {
            label: t.text("mail-change-time"),
            value: format!(
                "{} → {}",
                t.span(old.starts, old.ends, tz),
                t.span(new.starts, new.ends, tz)
            ),
        });
    }
    if changed.place {
        lines.push(Detail {
            label: t.text("mail-change-place"),
            value: format!("{} → {}", place(&old), place(&new)),
        });
    }
    let moved_online = changed.place && session.is_online();
    if changed.link || moved_online {
        lines.push(Detail {
            label: t.text("mail-reminder-join"),
            value: session.online_url.clone().unwrap_or_default(),
        });
    }
    lines
}

/// The decision as the participant is told it.
fn decision_lines(t: &Tr, a: &Application) -> Vec<Detail> {
    let mut lines = vec![Detail {
        label: t.text("grant-field-title"),
        value: a.title.clone(),
    }];
    if let Some(granted) = a.granted_cents {
        lines.push(Detail {
            label: t.text("grant-granted"),
            value: t.euros(i64::from(granted)),
        });
    }
    if let Some(comment) = a.decision_comment.as_ref().filter(|c| !c.is_empty()) {
        lines.push(Detail {
            label: t.text("grant-decision-comment"),
            value: comment.clone(),
        });
    }
    lines
}
