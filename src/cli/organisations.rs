//! `cohort organisation add` (SPEC: Command line).

use std::path::PathBuf;

use anyhow::Context;

use super::commands::{run, services};
use crate::app::organisations::{self, AddProblem};
use crate::config::Settings;
use crate::domain::organisations::check_identity;
use crate::domain::Language;
use crate::i18n::Tr;

/// What the command was given besides the slug and name (`None`: kept as it is).
#[derive(Debug, Default)]
pub struct Given {
    pub site_name: Option<String>,
    pub mail_from: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub privacy_notice: Option<PathBuf>,
    pub privacy_version: Option<String>,
}

/// The option that sets a field of the identity.
fn option_of(field: &str) -> &'static str {
    match field {
        "name" => "--name",
        "site_name" => "--site-name",
        "mail_from_name" | "mail_from_address" => "--mail-from",
        "contact_email" => "--contact-email",
        "contact_phone" => "--contact-phone",
        "privacy_notice" => "--privacy-notice",
        _ => "--privacy-version",
    }
}

pub fn add(settings: &Settings, slug: &str, name: &str, given: Given) -> anyhow::Result<()> {
    let services = services(settings)?;
    let explain = |problem: AddProblem| match problem {
        AddProblem::Slug => anyhow::anyhow!(
            "--slug {slug:?}: use lowercase letters, digits and single hyphens, like lmb"
        ),
        AddProblem::Name => anyhow::anyhow!(
            "--name: enter the organisation's name on one line, at most 200 characters"
        ),
        AddProblem::Sender => anyhow::anyhow!(
            "--mail-from {:?}: enter a sender like \"Latvijas Muzeju biedrība <info@example.lv>\"",
            given.mail_from.as_deref().unwrap_or_default()
        ),
    };
    // What cannot be read refuses everything, before any write.
    let sender = match given.mail_from.as_deref().map(str::trim) {
        None => None,
        Some("") => Some((String::new(), String::new())),
        Some(typed) => match typed.parse::<lettre::message::Mailbox>() {
            Ok(mailbox) => Some((mailbox.name.unwrap_or_default(), mailbox.email.to_string())),
            Err(_) => return Err(explain(AddProblem::Sender)),
        },
    };
    let notice = match &given.privacy_notice {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("--privacy-notice {}", path.display()))?,
        ),
        None => None,
    };
    let existing = run(organisations::by_slug(&services, slug.trim()))?;
    let mut typed = existing.as_ref().map(|o| o.identity()).unwrap_or_default();
    typed.name = name.to_string();
    let keep = |value: &Option<String>, field: &mut String| {
        if let Some(value) = value {
            *field = value.clone();
        }
    };
    keep(&given.site_name, &mut typed.site_name);
    keep(&given.contact_email, &mut typed.contact_email);
    keep(&given.contact_phone, &mut typed.contact_phone);
    keep(&notice, &mut typed.privacy_notice);
    keep(&given.privacy_version, &mut typed.privacy_notice_version);
    if let Some((name, address)) = sender {
        (typed.mail_from_name, typed.mail_from_address) = (name, address);
    }
    if let Err(errors) = check_identity(&typed) {
        let en = Tr::new(Language::En);
        let lines: Vec<String> = errors
            .0
            .iter()
            .map(|(field, key)| format!("{}: {}", option_of(field), en.text(key)))
            .collect();
        anyhow::bail!("{}", lines.join("\n"));
    }
    let (organisation, created) =
        run(organisations::add(&services, slug, name))?.map_err(explain)?;
    if typed != organisation.identity() {
        run(organisations::set_identity(&services, &organisation, typed))
            .context("saving the organisation's identity")?
            .map_err(|_| anyhow::anyhow!("the organisation's identity was refused"))?;
    }
    println!(
        "{} organisation {} ({})",
        if created { "added" } else { "renamed" },
        organisation.slug,
        organisation.name
    );
    Ok(())
}
