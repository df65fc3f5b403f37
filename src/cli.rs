//! The `cohort` command (SPEC: Command line).

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::{cycles, organisers, registrations, Db};
use crate::domain::cycle_file;
use crate::domain::Email;
use crate::i18n::Tr;
use crate::mail::Composer;
use crate::tokens::Keys;
use crate::web::Application;

#[derive(Parser)]
#[command(
    name = "cohort",
    version,
    about = "Registration, attendance and grant eligibility for training cycles"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve (the default).
    Serve,
    /// Apply database migrations.
    Migrate,
    /// Manage organiser accounts.
    Organiser {
        #[command(subcommand)]
        command: OrganiserCommand,
    },
    /// Manage cycles.
    Cycle {
        #[command(subcommand)]
        command: CycleCommand,
    },
    /// Record attendance.
    Attendance {
        #[command(subcommand)]
        command: AttendanceCommand,
    },
    /// Print the cycle's eligibility list as CSV.
    Eligibility {
        #[arg(long)]
        cycle: String,
    },
    /// Load the seed's Latvian cycle and an English example, dated in the future.
    Demo,
}

#[derive(Subcommand)]
enum OrganiserCommand {
    /// Add an organiser; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// May also manage organiser accounts.
        #[arg(long)]
        admin: bool,
    },
}

#[derive(Subcommand)]
enum CycleCommand {
    /// Create or update a cycle by slug from a TOML file.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum AttendanceCommand {
    /// Import a Zoom participant report for one session.
    Import {
        #[arg(long)]
        cycle: String,
        #[arg(long)]
        session: i64,
        #[arg(long)]
        min_minutes: Option<u32>,
        #[arg(long)]
        dry_run: bool,
        file: PathBuf,
    },
}

pub fn main() -> anyhow::Result<()> {
    crate::telemetry::init();
    let cli = Cli::parse();
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate => {
            open(&settings)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Organiser {
            command: OrganiserCommand::Add { email, name, admin },
        } => add_organiser(&settings, &email, &name, admin),
        Command::Cycle {
            command: CycleCommand::Import { file },
        } => import_cycle(&settings, &file),
        Command::Attendance {
            command:
                AttendanceCommand::Import {
                    cycle,
                    session,
                    min_minutes,
                    dry_run,
                    file,
                },
        } => crate::web::attendance::cli_import(
            &settings,
            &cycle,
            session,
            min_minutes,
            dry_run,
            &file,
        ),
        Command::Eligibility { cycle } => {
            crate::web::attendance::cli_eligibility(&settings, &cycle)
        }
        Command::Demo => crate::demo::load(&settings),
    }
}

pub fn open(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(&settings.database_url(), 2)?;
    db.migrate()?;
    Ok(db)
}

pub fn composer(settings: &Settings) -> anyhow::Result<Composer> {
    Ok(Composer {
        keys: Keys::new(&settings.secret()?),
        base_url: settings.base_url.clone(),
    })
}

fn serve(settings: Settings) -> anyhow::Result<()> {
    let runtime = actix_web::rt::System::new();
    runtime.block_on(async move {
        let app = Application::build(settings.clone(), Arc::new(SystemClock))?;
        let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|p| settings.base_url.starts_with(p));
        if !local && !settings.trust_proxy {
            tracing::warn!(
                "base_url is public but trust_proxy is off: behind a reverse proxy every visitor \
                 shares the proxy's address, so rate limits become site-wide; set \
                 COHORT_TRUST_PROXY=true if the proxy sets X-Forwarded-For"
            );
        }
        crate::passwords::warm_up();
        print_setup_link(&app.state.db, &settings)?;
        tracing::info!(
            "Cohort listening on http://{}",
            settings.bind.replace(":0", &format!(":{}", app.port()))
        );
        println!("Cohort is running at {}", settings.base_url);
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// While no organiser exists, a fresh one-time link for creating the first
/// administrator is printed at every start; only the latest one works.
fn print_setup_link(db: &Db, settings: &Settings) -> anyhow::Result<()> {
    if db.read_now(organisers::count)? > 0 {
        return Ok(());
    }
    let token = crate::tokens::random(32);
    let hash = crate::tokens::sha256_hex(&token);
    let now = SystemClock.now();
    db.write_now(|c| organisers::new_setup_token(c, &hash, now))?;
    println!("No organiser yet. Create the first administrator here (the link works once):");
    println!(
        "  {}/setup/{}",
        settings.base_url.trim_end_matches('/'),
        token
    );
    Ok(())
}

fn add_organiser(settings: &Settings, email: &str, name: &str, admin: bool) -> anyhow::Result<()> {
    let mut password = String::new();
    std::io::stdin().read_to_string(&mut password)?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    anyhow::ensure!(
        !password.is_empty(),
        "no password given: pipe it in, e.g. `echo \"…\" | cohort organiser add …`"
    );
    let form = crate::web::auth::AccountForm {
        name: name.into(),
        email: email.into(),
        password: password.clone(),
        password_again: password.clone(),
        admin: String::new(),
    };
    let en = Tr::new(crate::domain::Language::En);
    let (email, name) = crate::web::auth::parse_account(&form).map_err(|errors| {
        anyhow::anyhow!(errors
            .0
            .iter()
            .map(|(f, k)| format!("{f}: {}", en.t(k)))
            .collect::<Vec<_>>()
            .join("; "))
    })?;
    let hash = crate::passwords::hash(&password)?;
    let db = open(settings)?;
    let now = SystemClock.now();
    let added = db.write_now(|c| organisers::add(c, &email, &name, admin, &hash, now))?;
    anyhow::ensure!(
        added.is_some(),
        "an organiser with {} already exists",
        Email::parse(email.as_str())?.normalised()
    );
    println!(
        "added {} <{}>{}",
        name,
        email,
        if admin { " (admin)" } else { "" }
    );
    Ok(())
}

pub fn save_spec(
    db: &Db,
    settings: &Settings,
    spec: &cycle_file::CycleSpec,
) -> anyhow::Result<cycles::Saved> {
    let composer = composer(settings)?;
    let now = SystemClock.now();
    let saved = db.write_now(|c| {
        let r = cycles::save(c, spec, now)?;
        if let Ok(cycles::Saved::Created(id) | cycles::Saved::Updated(id)) = r {
            registrations::promote(c, id, now, &composer)?;
        }
        Ok(r)
    })?;
    saved.map_err(|p| anyhow::anyhow!("cycle not saved: {p:?}"))
}

fn import_cycle(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let en = Tr::new(crate::domain::Language::En);
    let spec = cycle_file::parse_cycle_file(&text).map_err(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|p| format!("  {}: {}", p.field, en.t(&format!("problem-{}", p.problem))))
            .collect();
        anyhow::anyhow!(
            "{} is not a valid cycle file:\n{}",
            file.display(),
            lines.join("\n")
        )
    })?;
    let db = open(settings)?;
    match save_spec(&db, settings, &spec)? {
        cycles::Saved::Created(_) => println!(
            "created cycle {} ({} sessions)",
            spec.slug,
            spec.sessions.len()
        ),
        cycles::Saved::Updated(_) => println!(
            "updated cycle {} ({} sessions)",
            spec.slug,
            spec.sessions.len()
        ),
    }
    Ok(())
}
