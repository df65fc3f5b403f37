//! The `cohort` command (SPEC: Command line). Parsing here, the commands in
//! `commands`, the demo cycles in `demo`; each command calls the use cases
//! in `crate::app`. Serving is handed in by the binary, so the command line
//! never imports the web layer.

pub mod commands;
pub mod demo;
pub mod organisations;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::config::Settings;

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
    /// Manage organisations (associations owning cycles).
    Organisation {
        #[command(subcommand)]
        command: OrganisationCommand,
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
        /// An organisation (by slug) whose cycles this organiser manages;
        /// repeat for several. For an existing account, adds it to them.
        #[arg(long = "organisation")]
        organisations: Vec<String>,
    },
}

#[derive(Subcommand)]
enum OrganisationCommand {
    /// Create an organisation, or rename the one with this slug.
    Add {
        #[arg(long)]
        slug: String,
        #[arg(long)]
        name: String,
        /// The site's name on its cycles' pages (default: the name).
        #[arg(long)]
        site_name: Option<String>,
        /// Mail about its cycles comes from this, e.g. "LMB <info@muzeji.lv>"
        /// ("" returns it to COHORT_MAIL_FROM).
        #[arg(long)]
        mail_from: Option<String>,
        /// Whom participants ask (Reply-To of its mail, its cycles' contact).
        #[arg(long)]
        contact_email: Option<String>,
        #[arg(long)]
        contact_phone: Option<String>,
        /// Its own privacy notice: a UTF-8 text file, paragraphs separated
        /// by blank lines (needs --privacy-version).
        #[arg(long)]
        privacy_notice: Option<PathBuf>,
        /// The version of that notice, stored with every consent to it.
        #[arg(long)]
        privacy_version: Option<String>,
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
        /// Why a session that has not started is imported now (kept in the audit trail).
        #[arg(long)]
        reason: Option<String>,
        file: PathBuf,
    },
}

/// Parses the command line and runs it; `serve` starts the web server.
pub fn main(serve: fn(Settings) -> anyhow::Result<()>) -> anyhow::Result<()> {
    crate::telemetry::init();
    let cli = Cli::parse();
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate => {
            commands::open(&settings)?;
            println!("migrations applied");
            Ok(())
        }
        Command::Organiser {
            command:
                OrganiserCommand::Add {
                    email,
                    name,
                    admin,
                    organisations,
                },
        } => commands::add_organiser(&settings, &email, &name, admin, &organisations),
        Command::Organisation {
            command:
                OrganisationCommand::Add {
                    slug,
                    name,
                    site_name,
                    mail_from,
                    contact_email,
                    contact_phone,
                    privacy_notice,
                    privacy_version,
                },
        } => organisations::add(
            &settings,
            &slug,
            &name,
            organisations::Given {
                site_name,
                mail_from,
                contact_email,
                contact_phone,
                privacy_notice,
                privacy_version,
            },
        ),
        Command::Cycle {
            command: CycleCommand::Import { file },
        } => commands::import_cycle(&settings, &file),
        Command::Attendance {
            command:
                AttendanceCommand::Import {
                    cycle,
                    session,
                    min_minutes,
                    dry_run,
                    reason,
                    file,
                },
        } => commands::import_attendance(
            &settings,
            &cycle,
            session,
            min_minutes,
            dry_run,
            reason,
            &file,
        ),
        Command::Eligibility { cycle } => commands::eligibility(&settings, &cycle),
        Command::Demo => demo::load(&settings),
    }
}
