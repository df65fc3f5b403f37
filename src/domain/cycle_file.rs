//! A cycle as organisers describe it (the TOML cycle file of SPEC, or the
//! admin form), parsed into values that are known to be valid.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use super::privacy::MAX_RETENTION_MONTHS;
use super::reminders::{ReminderRule, MAX_HOURS_BEFORE};
use super::text::{is_meant, Lines};
use super::window::{local_to_utc, parse_local, parse_local_end, parse_zone, Ambiguity, Window};
use super::{Capacity, Email, Language, Slug};

pub use super::values::SessionMode as Mode;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionSpec {
    pub title: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub mode: Mode,
    pub location: Option<String>,
    pub online_url: Option<String>,
    /// Same-time sessions of different tracks are alternatives (`domain::tracks`).
    pub track: Option<String>,
    /// This session's own seat limit.
    pub capacity: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrantSpec {
    pub title: String,
    pub description: String,
    pub apply_until: Option<DateTime<Utc>>,
    /// The most one application may ask for, in cents.
    pub max_cents: Option<i64>,
    /// When applicants will hear the decisions (shown to them).
    pub decisions_by: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CycleSpec {
    pub slug: Slug,
    pub title: String,
    pub description: String,
    pub language: Language,
    pub timezone: Tz,
    pub country: String,
    pub capacity: Capacity,
    pub window: Window,
    pub waitlist: bool,
    pub require_email_confirmation: bool,
    pub hold_hours: u32,
    pub min_sessions: u32,
    pub published: bool,
    /// Meeting `min_sessions` earns a certificate of participation.
    pub certificate: bool,
    /// When seat holders are reminded of each session.
    pub reminders: ReminderRule,
    /// After each session, participants who have not yet earned the
    /// outcome hear where they stand.
    pub progress_emails: bool,
    /// Personal data is erased this many months after the last session;
    /// `None`: kept until erased by hand.
    pub retention_months: Option<u32>,
    /// Who the cycle is for, one line for the top of its page.
    pub audience: String,
    /// Whom participants ask; `None`: the sender address.
    pub contact_email: Option<Email>,
    pub contact_phone: String,
    /// The owner, co-organisers and partners (issue 10).
    pub organisations: super::organisations::CycleOrganisations,
    pub grant: Option<GrantSpec>,
    pub sessions: Vec<SessionSpec>,
    /// The cycle's own registration questions (`[[questions]]`).
    pub questions: Vec<super::questions::Question>,
}

/// One problem, named by the field it belongs to (`sessions[2].ends`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    /// A short code; the message is `problem-{code}` in the translations.
    pub problem: &'static str,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCycle {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// Empty: the country of the time zone's place, else LV.
    #[serde(default)]
    pub country: String,
    pub capacity: i64,
    pub registration_opens: String,
    pub registration_closes: String,
    #[serde(default = "yes")]
    pub waitlist: bool,
    #[serde(default = "yes")]
    pub require_email_confirmation: bool,
    #[serde(default = "default_hold_hours")]
    pub hold_hours: i64,
    #[serde(default = "default_min_sessions")]
    pub min_sessions: i64,
    #[serde(default)]
    pub published: bool,
    #[serde(default)]
    pub certificate: bool,
    /// Absent: the day before at 10:00; 0: no reminders.
    #[serde(default)]
    pub reminder_hours_before: Option<i64>,
    /// After each session, tell who has not yet earned the outcome where they stand.
    #[serde(default = "yes")]
    pub progress_emails: bool,
    /// Months after the last session when personal data is erased.
    #[serde(default)]
    pub retention_months: Option<i64>,
    /// Who the cycle is for ("Specialists of regional museums …").
    #[serde(default)]
    pub audience: String,
    /// The organisers' address and phone for participants' questions.
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    /// The owning organisation's slug, others running it, partners' names.
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub co_organisers: Vec<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub grant: Option<RawGrant>,
    #[serde(default)]
    pub sessions: Vec<RawSession>,
    #[serde(default)]
    pub questions: Vec<super::questions::RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGrant {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub apply_until: Option<String>,
    pub max_amount: Option<RawAmount>,
    pub decisions_by: Option<String>,
}

/// Euros as a TOML number (`1500`, `1500.50`) or as typed in the form ("1 500").
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawAmount {
    Whole(i64),
    Decimal(f64),
    Typed(String),
}

impl RawAmount {
    fn as_typed(&self) -> String {
        match self {
            RawAmount::Whole(n) => n.to_string(),
            RawAmount::Decimal(x) => x.to_string(),
            RawAmount::Typed(s) => s.clone(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    pub title: String,
    pub starts: String,
    pub ends: String,
    pub mode: String,
    pub location: Option<String>,
    pub online_url: Option<String>,
    #[serde(default)]
    pub track: Option<String>,
    #[serde(default)]
    pub capacity: Option<i64>,
}

fn default_language() -> String {
    "lv".into()
}
fn default_timezone() -> String {
    "Europe/Riga".into()
}
fn yes() -> bool {
    true
}
fn default_hold_hours() -> i64 {
    48
}
fn default_min_sessions() -> i64 {
    4
}

// Every text field's limit, in characters: the one place the cycle file,
// the admin form and its page (`maxlength`) take them from.
pub const MAX_TITLE: usize = 200;
pub const MAX_AUDIENCE: usize = 300;
pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_SESSION_TITLE: usize = 200;
pub const MAX_LOCATION: usize = 500;
pub const MAX_ONLINE_URL: usize = 2_000;
pub const MAX_GRANT_TITLE: usize = 200;
pub const MAX_GRANT_DESCRIPTION: usize = 20_000;

/// The limit of a field named as in problems (`title`, `grant.description`,
/// `sessions[2].online_url`); fields checked by their own parser (slug,
/// dates, numbers) have none of their own here.
pub fn max_chars(field: &str) -> Option<usize> {
    let (session, name) = match field.strip_prefix("sessions[") {
        Some(rest) => (true, rest.split_once("].")?.1),
        None => (false, field),
    };
    Some(match (session, name) {
        (false, "title") => MAX_TITLE,
        (false, "description") => MAX_DESCRIPTION,
        (false, "audience") => MAX_AUDIENCE,
        (false, "grant.title") => MAX_GRANT_TITLE,
        (false, "grant.description") => MAX_GRANT_DESCRIPTION,
        (true, "title") => MAX_SESSION_TITLE,
        (true, "location") => MAX_LOCATION,
        (true, "online_url") => MAX_ONLINE_URL,
        _ => return None,
    })
}

/// Parses the TOML text of a cycle file.
pub fn parse_cycle_file(text: &str) -> Result<CycleSpec, Vec<FieldProblem>> {
    let raw: RawCycle = toml::from_str(text).map_err(|e| {
        vec![FieldProblem {
            field: e.message().to_string(),
            problem: "file",
        }]
    })?;
    validate(raw)
}

/// Descriptions may span lines; titles, places and links are one line (a
/// link reaches email text, where a line break would start a header).
fn lines_of(field: &str) -> Lines {
    if field == "description" || field == "grant.description" {
        Lines::Many
    } else {
        Lines::One
    }
}

fn text(
    field: &str,
    value: &str,
    max: usize,
    required: bool,
    out: &mut Vec<FieldProblem>,
) -> String {
    let lines = lines_of(field);
    let v = value.trim();
    if required && v.is_empty() {
        out.push(FieldProblem {
            field: field.into(),
            problem: "required",
        });
    } else if v.chars().count() > max {
        out.push(FieldProblem {
            field: field.into(),
            problem: "too-long",
        });
    } else if !is_meant(v, lines) {
        out.push(FieldProblem {
            field: field.into(),
            problem: "control-chars",
        });
    }
    v.to_string()
}

fn local(field: &str, value: &str, out: &mut Vec<FieldProblem>) -> Option<NaiveDateTime> {
    let parse = if matches!(
        field,
        "registration_closes" | "grant.apply_until" | "grant.decisions_by"
    ) {
        parse_local_end
    } else {
        parse_local
    };
    parse(value)
        .map_err(|_| {
            out.push(FieldProblem {
                field: field.into(),
                problem: "format",
            })
        })
        .ok()
}

/// Checks every field and reports every problem at once, not only the first.
pub fn validate(raw: RawCycle) -> Result<CycleSpec, Vec<FieldProblem>> {
    let mut p = Vec::new();
    let slug = Slug::parse(&raw.slug)
        .map_err(|_| {
            p.push(FieldProblem {
                field: "slug".into(),
                problem: "slug",
            })
        })
        .ok();
    let title = text("title", &raw.title, MAX_TITLE, true, &mut p);
    let description = text(
        "description",
        &raw.description,
        MAX_DESCRIPTION,
        false,
        &mut p,
    );
    let language = Language::parse(raw.language.trim())
        .map_err(|_| {
            p.push(FieldProblem {
                field: "language".into(),
                problem: "language",
            })
        })
        .ok();
    let timezone = parse_zone(&raw.timezone)
        .map_err(|_| {
            p.push(FieldProblem {
                field: "timezone".into(),
                problem: "zone",
            })
        })
        .ok();
    let country = match raw.country.trim() {
        "" => super::countries::of_zone(raw.timezone.trim())
            .unwrap_or("LV")
            .to_string(),
        typed => super::countries::parse(typed).unwrap_or_else(|| {
            p.push(FieldProblem {
                field: "country".into(),
                problem: "country",
            });
            String::new()
        }),
    };
    let capacity = Capacity::new(raw.capacity)
        .map_err(|_| {
            p.push(FieldProblem {
                field: "capacity".into(),
                problem: "range",
            })
        })
        .ok();
    let opens = local("registration_opens", &raw.registration_opens, &mut p);
    let closes = local("registration_closes", &raw.registration_closes, &mut p);
    if !(1..=24 * 30).contains(&raw.hold_hours) {
        p.push(FieldProblem {
            field: "hold_hours".into(),
            problem: "range",
        });
    }
    if !(0..=100).contains(&raw.min_sessions) {
        p.push(FieldProblem {
            field: "min_sessions".into(),
            problem: "range",
        });
    } else if !raw.sessions.is_empty() && raw.min_sessions as usize > raw.sessions.len() {
        p.push(FieldProblem {
            field: "min_sessions".into(),
            problem: "min-sessions-over",
        });
    }
    let reminders = match raw.reminder_hours_before {
        None => ReminderRule::DayBefore,
        Some(hours) if (0..=i64::from(MAX_HOURS_BEFORE)).contains(&hours) => {
            ReminderRule::from_setting(Some(hours as i32))
        }
        Some(_) => {
            p.push(FieldProblem {
                field: "reminder_hours_before".into(),
                problem: "range",
            });
            ReminderRule::DayBefore
        }
    };
    let retention_months = match raw.retention_months {
        None => None,
        Some(months) if (1..=i64::from(MAX_RETENTION_MONTHS)).contains(&months) => {
            Some(months as u32)
        }
        Some(_) => {
            p.push(FieldProblem {
                field: "retention_months".into(),
                problem: "range",
            });
            None
        }
    };
    if raw.sessions.len() > 100 {
        p.push(FieldProblem {
            field: "sessions".into(),
            problem: "too-many",
        });
    }
    let tz = timezone.unwrap_or(chrono_tz::Europe::Riga);
    let window = match (opens, closes) {
        (Some(o), Some(c)) => {
            let w = Window::from_local(o, c, tz);
            if !w.is_valid() {
                p.push(FieldProblem {
                    field: "registration_closes".into(),
                    problem: "closes-before-opens",
                });
            }
            Some(w)
        }
        _ => None,
    };
    let audience = text("audience", &raw.audience, MAX_AUDIENCE, false, &mut p);
    let contact_email = match raw.contact_email.trim() {
        "" => None,
        typed => Email::parse(typed)
            .map_err(|_| {
                p.push(FieldProblem {
                    field: "contact_email".into(),
                    problem: "email",
                })
            })
            .ok(),
    };
    let contact_phone = text("contact_phone", &raw.contact_phone, 40, false, &mut p);
    if !super::text::is_phone(&contact_phone) {
        p.push(FieldProblem {
            field: "contact_phone".into(),
            problem: "phone",
        });
    }
    let organisations = super::organisations::parse_refs(
        raw.organisation.as_deref(),
        &raw.co_organisers,
        &raw.partners,
        &mut p,
    );
    let grant = raw.grant.map(|g| GrantSpec {
        title: text("grant.title", &g.title, MAX_GRANT_TITLE, true, &mut p),
        description: text(
            "grant.description",
            &g.description,
            MAX_GRANT_DESCRIPTION,
            false,
            &mut p,
        ),
        apply_until: g
            .apply_until
            .filter(|a| !a.trim().is_empty())
            .and_then(|a| local("grant.apply_until", &a, &mut p))
            .map(|a| local_to_utc(a, tz, Ambiguity::Later)),
        max_cents: g.max_amount.and_then(|typed| {
            let typed = typed.as_typed();
            if typed.trim().is_empty() {
                return None;
            }
            match super::grant::parse_euros(&typed) {
                Ok(cents) if cents > 0 && cents <= super::grant::MAX_CENTS => Some(cents),
                _ => {
                    p.push(FieldProblem {
                        field: "grant.max_amount".into(),
                        problem: "amount",
                    });
                    None
                }
            }
        }),
        decisions_by: g
            .decisions_by
            .filter(|a| !a.trim().is_empty())
            .and_then(|a| local("grant.decisions_by", &a, &mut p))
            .map(|a| local_to_utc(a, tz, Ambiguity::Later)),
    });
    let mut sessions = Vec::new();
    for (i, s) in raw.sessions.into_iter().enumerate() {
        let f = |name: &str| format!("sessions[{}].{name}", i + 1);
        if let Some(spec) = validate_session(s, tz, &f, &mut p) {
            sessions.push(spec);
        }
    }
    let questions = super::questions::validate(raw.questions, &mut p);
    if p.is_empty() {
        p.extend(super::tracks::cycle_file_problems(
            &sessions,
            raw.min_sessions as u32,
        ));
    }
    match (slug, language, timezone, capacity, window) {
        (Some(slug), Some(language), Some(timezone), Some(capacity), Some(window))
            if p.is_empty() =>
        {
            Ok(CycleSpec {
                slug,
                title,
                description,
                language,
                timezone,
                country,
                capacity,
                window,
                waitlist: raw.waitlist,
                require_email_confirmation: raw.require_email_confirmation,
                hold_hours: raw.hold_hours as u32,
                min_sessions: raw.min_sessions as u32,
                published: raw.published,
                certificate: raw.certificate,
                reminders,
                progress_emails: raw.progress_emails,
                retention_months,
                audience,
                contact_email,
                contact_phone,
                organisations,
                grant,
                sessions,
                questions,
            })
        }
        _ => Err(p),
    }
}

/// One session; `field` names its fields for messages.
pub fn validate_session(
    s: RawSession,
    tz: Tz,
    field: &dyn Fn(&str) -> String,
    p: &mut Vec<FieldProblem>,
) -> Option<SessionSpec> {
    let before = p.len();
    let title = text(&field("title"), &s.title, MAX_SESSION_TITLE, true, p);
    let starts =
        local(&field("starts"), &s.starts, p).map(|t| local_to_utc(t, tz, Ambiguity::Earlier));
    let ends = local(&field("ends"), &s.ends, p).map(|t| local_to_utc(t, tz, Ambiguity::Later));
    if let (Some(a), Some(b)) = (starts, ends) {
        if b <= a {
            p.push(FieldProblem {
                field: field("ends"),
                problem: "ends-before-start",
            });
        }
    }
    let mode = Mode::parse(s.mode.trim()).ok();
    let location = s
        .location
        .map(|l| text(&field("location"), &l, MAX_LOCATION, false, p))
        .filter(|l| !l.is_empty());
    let url_problems = p.len();
    let online_url = s
        .online_url
        .map(|u| text(&field("online_url"), &u, MAX_ONLINE_URL, false, p))
        .filter(|u| !u.is_empty());
    match mode {
        None => p.push(FieldProblem {
            field: field("mode"),
            problem: "mode",
        }),
        Some(Mode::InPerson) if location.is_none() => p.push(FieldProblem {
            field: field("location"),
            problem: "location-required",
        }),
        Some(Mode::Online) if online_url.is_none() => p.push(FieldProblem {
            field: field("online_url"),
            problem: "url-required",
        }),
        _ => {}
    }
    if let Some(u) = online_url.as_ref().filter(|_| p.len() == url_problems) {
        let ok = url::Url::parse(u)
            .map(|u| matches!(u.scheme(), "https" | "http"))
            .unwrap_or(false);
        if !ok {
            p.push(FieldProblem {
                field: field("online_url"),
                problem: "url-invalid",
            });
        }
    }
    let (track, capacity) = super::tracks::parse_session_fields(s.track, s.capacity, field, p);
    if p.len() > before {
        return None;
    }
    Some(SessionSpec {
        title,
        starts: starts?,
        ends: ends?,
        mode: mode?,
        location,
        online_url,
        track,
        capacity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/fixtures/kopienas-2023.toml");

    #[test]
    fn retention_is_one_month_to_ten_years() {
        let with = |months: &str| {
            SEED.replace(
                "capacity = 30",
                &format!("capacity = 30\nretention_months = {months}"),
            )
        };
        assert_eq!(
            parse_cycle_file(&with("24")).unwrap().retention_months,
            Some(24)
        );
        assert_eq!(parse_cycle_file(SEED).unwrap().retention_months, None);
        for bad in ["0", "121", "-3"] {
            let problems = parse_cycle_file(&with(bad)).unwrap_err();
            assert!(
                problems.iter().any(|p| p.field == "retention_months"),
                "{bad}: {problems:?}"
            );
        }
    }

    #[test]
    fn the_seed_cycle_file_parses() {
        let c = parse_cycle_file(SEED).unwrap();
        assert_eq!(c.slug.as_str(), "kopienas-2023");
        assert_eq!(c.capacity.get(), 30);
        assert_eq!(c.sessions.len(), 5);
        assert_eq!(c.min_sessions, 4);
        assert_eq!(
            c.sessions[0].starts.to_rfc3339(),
            "2023-12-04T08:00:00+00:00"
        );
        assert_eq!(c.hold_hours, 48);
        assert!(c.grant.is_some());
        assert!(!c.certificate);
    }

    #[test]
    fn the_grant_call_reads_its_maximum_and_decision_date() {
        let text = SEED.replace(
            "apply_until = \"2024-03-01T23:59\"",
            "apply_until = \"2024-03-01T23:59\"\nmax_amount = 1500\ndecisions_by = \"2024-03-31\"",
        );
        let grant = parse_cycle_file(&text).unwrap().grant.unwrap();
        assert_eq!(grant.max_cents, Some(150_000));
        assert_eq!(
            grant.decisions_by.unwrap().to_rfc3339(),
            "2024-03-31T20:59:00+00:00",
            "a bare date is the end of that day in Riga (summer time)"
        );
        let decimal = SEED.replace("[grant]", "certificate = true\n[grant]\nmax_amount = 999.5");
        let cycle = parse_cycle_file(&decimal).unwrap();
        assert_eq!(cycle.grant.unwrap().max_cents, Some(99_950));
        assert!(cycle.certificate);
        let negative = SEED.replace("[grant]", "[grant]\nmax_amount = -3");
        let problems = parse_cycle_file(&negative).unwrap_err();
        assert_eq!(problems[0].field, "grant.max_amount");
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let text = SEED
            .replace("kopienas-2023", "Kopienas 2023")
            .replace("capacity = 30", "capacity = -5")
            .replace("min_sessions = 4", "min_sessions = 6")
            .replace("ends = \"2023-12-11T16:00\"", "ends = \"2023-12-11T12:00\"");
        let problems = parse_cycle_file(&text).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert!(fields.contains(&"slug"), "{fields:?}");
        assert!(fields.contains(&"capacity"), "{fields:?}");
        assert!(fields.contains(&"min_sessions"), "{fields:?}");
        assert!(fields.contains(&"sessions[2].ends"), "{fields:?}");
    }

    #[test]
    fn control_characters_are_refused_with_their_field() {
        let text = SEED
            .replacen(
                "online_url = \"https://",
                "online_url = \"\\u0007https://",
                1,
            )
            .replacen("title = \"", "title = \"\\u0000", 1);
        let problems = parse_cycle_file(&text).unwrap_err();
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.problem))
            .collect();
        assert!(found.contains(&("title", "control-chars")), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(f, p)| f.ends_with("].online_url") && *p == "control-chars"),
            "{found:?}"
        );
        // A link is one line: CR/LF would reach the email's text.
        let text = SEED.replacen(
            "online_url = \"https://zoom",
            "online_url = \"https://x.lv/\\r\\nBcc: a@b.lv\\r\\nhttps://zoom",
            1,
        );
        let problems = parse_cycle_file(&text).unwrap_err();
        assert!(problems.iter().any(|p| p.field.ends_with("].online_url")));
        // A description keeps its lines.
        let text = SEED.replacen("description = \"", "description = \"Rindas\\r\\nun\\t", 1);
        assert!(parse_cycle_file(&text).is_ok());
    }

    #[test]
    fn unknown_keys_are_refused_not_ignored() {
        let problems = parse_cycle_file(&format!("{SEED}\ncapcity = 3\n")).unwrap_err();
        assert_eq!(problems.len(), 1);
    }
}
