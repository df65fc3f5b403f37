//! `cohort organisation add` (SPEC: Command line).

use anyhow::Context;

use super::commands::{run, services};
use crate::app::organisations::{self, AddProblem};
use crate::config::Settings;

pub fn add(
    settings: &Settings,
    slug: &str,
    name: &str,
    site_name: Option<&str>,
    mail_from: Option<&str>,
) -> anyhow::Result<()> {
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
            mail_from.unwrap_or_default()
        ),
    };
    // A sender that cannot be read refuses everything, before any write.
    if let Some(typed) = mail_from.map(str::trim).filter(|t| !t.is_empty()) {
        if typed.parse::<lettre::message::Mailbox>().is_err() {
            return Err(explain(AddProblem::Sender));
        }
    }
    let (organisation, created) =
        run(organisations::add(&services, slug, name))?.map_err(explain)?;
    if site_name.is_some() || mail_from.is_some() {
        run(organisations::set_identity(
            &services,
            &organisation,
            site_name,
            mail_from,
        ))
        .context("saving the site name and sender")?
        .map_err(explain)?;
    }
    println!(
        "{} organisation {} ({})",
        if created { "added" } else { "renamed" },
        organisation.slug,
        organisation.name
    );
    Ok(())
}
