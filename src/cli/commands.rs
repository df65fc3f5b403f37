//! What each command does: open the database, call one use case, print.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;

use crate::app::{self, Services};
use crate::clock::SystemClock;
use crate::config::Settings;
use crate::db::attendance::{Change, Source};
use crate::db::cycles::Saved;
use crate::db::models::{Cycle, Registration, Session};
use crate::db::Db;
use crate::domain::cycle_file::{self, CycleSpec};
use crate::domain::{zoom, Language};
use crate::i18n::Tr;

pub fn open(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url(), 2)?;
    db.migrate()?;
    Ok(db)
}

/// The use cases are async (the server's), so a command runs them on a
/// small runtime of its own.
pub(crate) fn run<T>(
    future: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<T> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting a runtime")?
        .block_on(future)
}

pub(crate) fn services(settings: &Settings) -> anyhow::Result<Services> {
    Ok(Services::new(open(settings)?, Arc::new(SystemClock)))
}

/// Problems per field, in English, on one line.
fn describe(errors: &crate::domain::FieldErrors) -> String {
    let en = Tr::new(Language::En);
    errors
        .0
        .iter()
        .map(|(field, key)| format!("{field}: {}", en.text(key)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn add_organiser(
    settings: &Settings,
    email: &str,
    name: &str,
    admin: bool,
    organisation_slugs: &[String],
) -> anyhow::Result<()> {
    let mut password = String::new();
    std::io::stdin().read_to_string(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    anyhow::ensure!(
        !password.is_empty(),
        "no password given: pipe it in, e.g. `echo \"…\" | cohort organiser add …`"
    );
    let form = app::accounts::AccountForm {
        name: name.into(),
        email: email.into(),
        password: password.clone(),
        password_again: password,
        admin: String::new(),
    };
    // Check the form before touching the database.
    app::accounts::parse_account(&form).map_err(|errors| anyhow::anyhow!(describe(&errors)))?;
    let services = services(settings)?;
    // Every organisation named must exist before the account is made.
    let organisations =
        run(app::organisations::by_slugs(&services, organisation_slugs))?.map_err(|unknown| {
            anyhow::anyhow!(
                "no organisation with slug {unknown:?}: add it first with \
                 `cohort organisation add --slug {unknown} --name …`"
            )
        })?;
    let ids: Vec<i32> = organisations.iter().map(|o| o.id).collect();
    let names: Vec<&str> = organisations.iter().map(|o| o.slug.as_str()).collect();
    let added = run(app::accounts::add_organiser(&services, &form, admin))?;
    match added {
        Ok(organiser) => {
            run(app::organisations::join(&services, organiser.id, ids))?;
            println!(
                "added {} <{}>{}{}",
                organiser.name,
                organiser.email,
                if admin { " (admin)" } else { "" },
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" in {}", names.join(", "))
                }
            );
            Ok(())
        }
        // An existing account named with organisations joins them.
        Err(errors) if errors.get("email") == Some("field-organiser-exists") && !ids.is_empty() => {
            let email = email.trim().to_lowercase();
            let existing = run(app::accounts::by_email(&services, &email))?
                .ok_or_else(|| anyhow::anyhow!("{email} vanished"))?;
            run(app::organisations::join(&services, existing.id, ids))?;
            println!("{email} now also in {}", names.join(", "));
            Ok(())
        }
        Err(errors) if errors.get("email") == Some("field-organiser-exists") => {
            anyhow::bail!(
                "an organiser with {} already exists",
                email.trim().to_lowercase()
            )
        }
        Err(errors) => anyhow::bail!(describe(&errors)),
    }
}

/// Saves a cycle file's cycle (and promotes from its waitlist).
pub fn save_spec(services: &Services, spec: &CycleSpec) -> anyhow::Result<Saved> {
    run(app::cycles::save_cycle(services, spec.clone()))?.map_err(|problem| match problem {
        crate::db::cycles::SaveProblem::UnknownOrganisation(slug) => anyhow::anyhow!(
            "cycle not saved: no organisation with slug {slug:?} (organisation, \
                 co_organisers); add it with `cohort organisation add --slug {slug} --name …`"
        ),
        other => anyhow::anyhow!("cycle not saved: {other:?}"),
    })
}

pub fn import_cycle(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let en = Tr::new(Language::En);
    let spec = cycle_file::parse_cycle_file(&text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| {
                format!(
                    "  {}: {}",
                    p.field,
                    en.text(&format!("problem-{}", p.problem))
                )
            })
            .collect();
        anyhow::anyhow!(
            "{} is not a valid cycle file:\n{}",
            file.display(),
            lines.join("\n")
        )
    })?;
    let services = services(settings)?;
    let (verb, told) = match save_spec(&services, &spec)? {
        Saved::Created(_) => ("created", 0),
        Saved::Updated { told, .. } => ("updated", told),
    };
    println!(
        "{verb} cycle {} ({})",
        spec.slug,
        sessions_phrase(spec.sessions.len())
    );
    if told > 0 {
        // The running server's mail worker sends them from the outbox.
        println!("{told} emails about the changed schedule are queued");
    }
    Ok(())
}

fn cycle_by_slug(services: &Services, slug: &str) -> anyhow::Result<(Cycle, Vec<Session>)> {
    run(app::cycles::cycle_with_sessions(services, slug.to_string()))?
        .ok_or_else(|| anyhow::anyhow!("no cycle with slug {slug}"))
}

pub fn import_attendance(
    settings: &Settings,
    slug: &str,
    n: i64,
    min_minutes: Option<u32>,
    dry_run: bool,
    early_reason: Option<String>,
    file: &Path,
) -> anyhow::Result<()> {
    let en = Tr::new(Language::En);
    let services = services(settings)?;
    let (cycle, sessions) = cycle_by_slug(&services, slug)?;
    let session = sessions
        .iter()
        .find(|s| i64::from(s.position) == n)
        .ok_or_else(|| anyhow::anyhow!("cycle {slug} has no session {n}"))?;
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = zoom::read_report(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), en.report_problem(&e)))?;
    // Rule 7: by default half the session's length.
    let threshold = min_minutes.unwrap_or(session.minutes().div_ceil(2));
    let change = (!dry_run).then(|| Change {
        source: Source::Import,
        by: None,
        at: services.now(),
        note: Some(format!("cli import {}, {threshold} min", file.display())),
    });
    let (plan, people, changed) = run(app::attendance::import_report(
        &services,
        &cycle,
        session,
        &report,
        threshold,
        change,
        early_reason,
    ))?
    .map_err(|too_early| {
        anyhow::anyhow!(
            "session {n} has not started: attendance can be marked from {} (give --reason \"…\" to import it anyway)",
            en.datetime(too_early.opens, cycle.tz())
        )
    })?;
    let name = |id: i32| {
        people
            .iter()
            .find(|r| r.id == id)
            .map(Registration::full_name)
            .unwrap_or_default()
    };
    println!("Session {n}: {} (threshold {threshold} min)", session.title);
    println!("present ({}):", plan.present.len());
    for m in &plan.present {
        println!("  {} — {} min", name(m.registration_id), m.minutes);
    }
    println!("absent ({}):", plan.absent.len());
    for m in &plan.absent {
        println!("  {} — {} min", name(m.registration_id), m.minutes);
    }
    println!("unmatched in the report ({}):", plan.unmatched.len());
    for p in &plan.unmatched {
        println!(
            "  {} <{}> — {} min",
            p.display_name,
            p.email.clone().unwrap_or_default(),
            p.minutes
        );
    }
    if dry_run {
        println!("dry run: nothing written");
    } else {
        println!("{changed} attendance marks changed");
    }
    Ok(())
}

pub fn eligibility(settings: &Settings, slug: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let services = services(settings)?;
    let (cycle, _) = cycle_by_slug(&services, slug)?;
    let list = run(app::attendance::eligibility_list(&services, &cycle))?;
    std::io::stdout().write_all(&app::exports::eligibility_table(&list).to_csv(false)?)?;
    Ok(())
}

/// "1 session", "5 sessions": the CLI speaks English.
fn sessions_phrase(n: usize) -> String {
    if n == 1 {
        "1 session".into()
    } else {
        format!("{n} sessions")
    }
}

#[cfg(test)]
mod plural_tests {
    #[test]
    fn one_session_is_singular() {
        assert_eq!(super::sessions_phrase(1), "1 session");
        assert_eq!(super::sessions_phrase(0), "0 sessions");
        assert_eq!(super::sessions_phrase(5), "5 sessions");
        assert_eq!(super::sessions_phrase(21), "21 sessions");
    }
}
