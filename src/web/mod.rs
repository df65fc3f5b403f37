//! The web layer: handlers parse, call one use case (`crate::app`), render.

pub mod admin;
pub mod applications;
pub mod attendance;
pub mod auth;
pub mod certificate;
pub mod client_address;
pub mod confirm;
pub mod csrf;
pub mod cycle_form;
pub mod cycle_form_messages;
pub mod download;
pub mod error;
pub mod extract;
pub mod flash;
pub mod forms;
pub mod grant;
pub mod health;
pub mod lang;
pub mod limits;
pub mod messages;
pub mod middleware;
pub mod organisations;
pub mod page_cache;
pub mod pages;
pub mod participant;
pub mod privacy;
pub mod public;
pub mod questions;
pub mod reports;
pub mod scope;
pub mod session_choices;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use crate::app::Services;
use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::mail::worker::{Transport, Worker};
use crate::mail::Composer;
use crate::tokens::Keys;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::cookie::{time, Key, SameSite};
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpResponse, HttpServer};
use secrecy::ExposeSecret;

pub struct AppState {
    /// The database, the clock and the mail bell the use cases take.
    pub services: Services,
    pub keys: Keys,
    pub composer: Arc<Composer>,
    pub settings: Settings,
    pub limits: limits::Limits,
    /// Set (and warned about once) when requests look proxied while no
    /// proxy is trusted; organisers see it on their home page.
    pub proxy_suspected: std::sync::atomic::AtomicBool,
    /// The public cycle pages as rendered HTML (`page_cache`).
    pub cycle_pages: page_cache::CyclePages,
}

/// Handlers read `state.db`, `state.now()`… as the use cases' services.
impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.services
    }
}

impl AppState {
    /// The client's address for rate limits and login throttles: the peer,
    /// or behind trusted proxies the hop they appended to X-Forwarded-For
    /// (never what the client wrote there itself).
    pub fn client_key(&self, req: &actix_web::HttpRequest) -> String {
        let peer = req.peer_addr().map(|a| a.ip().to_string());
        // Some proxies add a header line of their own instead of extending
        // the client's: read them all, in order, as one list.
        let lines: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect();
        let joined = lines.join(", ");
        let forwarded_for = (!lines.is_empty()).then_some(joined.as_str());
        let trusted = if self.settings.trust_proxy {
            self.settings.trusted_proxies.max(1)
        } else {
            if client_address::looks_proxied(peer.as_deref(), forwarded_for)
                && !self
                    .proxy_suspected
                    .swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                tracing::warn!(
                    "requests arrive through a proxy (X-Forwarded-For from a private address) \
                     but trust_proxy is off: every visitor shares the proxy's address, so \
                     rate limits and login throttles are site-wide; set COHORT_TRUST_PROXY=true"
                );
            }
            0
        };
        client_address::client_address(peer.as_deref(), forwarded_for, trusted)
    }

    /// Expires unconfirmed seats now (the background task calls this).
    pub async fn sweep_holds(&self) -> anyhow::Result<usize> {
        crate::app::registration::expire_holds(&self.services).await
    }

    /// Writes the session reminders now due (the background task calls this).
    pub async fn remind_due(&self) -> anyhow::Result<usize> {
        crate::app::reminders::write_due(&self.services).await
    }

    /// Forgets Zoom reports uploaded more than a day ago (the background task calls this).
    pub async fn forget_old_imports(&self) -> anyhow::Result<usize> {
        crate::app::attendance::forget_old_imports(&self.services).await
    }

    /// Tells the waiting lists of cycles that began (the background task calls this).
    pub async fn close_waitlists(&self) -> anyhow::Result<usize> {
        crate::app::reminders::close_waitlists(&self.services).await
    }

    /// Erases personal data past its cycle's retention period (the background task calls this).
    pub async fn purge_expired_data(&self) -> anyhow::Result<usize> {
        crate::app::privacy::purge_due(&self.services).await
    }

    /// Tells participants where they stand after a session (the background task calls this).
    pub async fn tell_progress(&self) -> anyhow::Result<usize> {
        crate::app::reminders::tell_progress(&self.services).await
    }
}

/// `cohort serve`: migrate, then serve until stopped.
pub fn serve(settings: Settings) -> anyhow::Result<()> {
    let runtime = actix_web::rt::System::new();
    runtime.block_on(async move {
        let app = Application::build(settings.clone(), Arc::new(crate::clock::SystemClock))?;
        // As built: with port 0, the base URL names the port given.
        let base_url = app.state.settings.base_url.clone();
        let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|p| base_url.starts_with(p));
        if !local && !settings.trust_proxy {
            tracing::warn!(
                "base_url is public but trust_proxy is off: behind a reverse proxy every visitor \
                 shares the proxy's address, so rate limits become site-wide; set \
                 COHORT_TRUST_PROXY=true if the proxy sets X-Forwarded-For"
            );
        }
        // While no organiser exists, a fresh one-time link for creating the
        // first administrator is printed at every start; only the latest works.
        if let Some(token) = crate::app::accounts::new_setup_token(&app.state.services).await? {
            println!(
                "No organiser yet. Create the first administrator here (the link works once):"
            );
            println!("  {}/setup/{}", base_url.trim_end_matches('/'), token);
        }
        tracing::info!(
            "Cohort listening on {} (port {})",
            settings.bind,
            app.port()
        );
        println!("Cohort is running at {base_url}");
        app.run_until_stopped().await?;
        Ok(())
    })
}

pub struct Application {
    port: u16,
    server: Server,
    pub state: web::Data<AppState>,
    worker: Option<Worker>,
}

impl Application {
    pub fn build(mut settings: Settings, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        // Port 0 asks the system for any free port. Nobody can reach it
        // before it is printed, so it is bound at once, and links derived
        // from the bind address (no COHORT_BASE_URL) name the port given.
        // Any other port is bound after the migrations: a port that answers
        // means a migrated database.
        let any_port = settings.bind.rsplit(':').next() == Some("0");
        let early = if any_port {
            let listener = TcpListener::bind(&settings.bind)?;
            if settings.base_url == crate::config::base_url_for(&settings.bind) {
                settings.base_url =
                    crate::config::base_url_for(&listener.local_addr()?.to_string());
            }
            Some(listener)
        } else {
            None
        };
        crate::files::private_dir(&settings.data_dir)
            .map_err(|e| anyhow::anyhow!("data folder {}: {e}", settings.data_dir.display()))?;
        let db = Db::connect_waiting(
            &settings.database_url(),
            settings.db_max_connections,
            std::time::Duration::from_millis(settings.db_wait_milliseconds),
        )?;
        db.migrate()?;
        let keys = Keys::new(&settings.secret()?);
        let contact = settings
            .mail_from
            .parse::<lettre::message::Mailbox>()?
            .email
            .to_string();
        let composer = Arc::new(Composer {
            keys: keys.clone(),
            base_url: settings.base_url.clone(),
            contact,
        });
        let limits = limits::Limits::new(&settings);
        let services = Services::new(db, clock);
        let transport = Transport::from_settings(
            settings.smtp_url.as_ref().map(|s| s.expose_secret()),
            settings.mail_dir(),
        )?;
        let worker = Worker {
            db: services.db.clone(),
            clock: services.clock.clone(),
            transport,
            composer: composer.clone(),
            from: settings.mail_from.parse()?,
            wake: services.mail_wake.clone(),
            poll: Duration::from_millis(settings.mail_poll_milliseconds),
            retry_seconds: settings.mail_retry_seconds,
            node: settings.node_id()?,
            send_timeout: Duration::from_secs(settings.mail_send_timeout_seconds.max(1)),
            // As if failing: the first success after a start sends any backlog
            // a previous run left waiting out its backoff.
            failing: std::sync::atomic::AtomicBool::new(true),
        };
        let state = web::Data::new(AppState {
            services,
            keys,
            composer,
            settings,
            limits,
            proxy_suspected: Default::default(),
            cycle_pages: Default::default(),
        });
        let listener = match early {
            Some(listener) => listener,
            None => TcpListener::bind(&state.settings.bind)?,
        };
        let port = listener.local_addr()?.port();
        let server = run(listener, state.clone())?;
        Ok(Self {
            port,
            server,
            state,
            worker: Some(worker),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Starts the mail worker and the hold sweeper, then serves until stopped.
    pub async fn run_until_stopped(mut self) -> std::io::Result<()> {
        if let Some(worker) = self.worker.take() {
            tokio::spawn(worker.run());
        }
        let state = self.state.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = state.sweep_holds().await {
                    tracing::warn!(error = %e, "hold sweep failed");
                }
                if let Err(e) = state.remind_due().await {
                    tracing::warn!(error = %e, "writing reminders failed");
                }
                if let Err(e) = state.close_waitlists().await {
                    tracing::warn!(error = %e, "closing waiting lists failed");
                }
                if let Err(e) = state.tell_progress().await {
                    tracing::warn!(error = %e, "writing progress emails failed");
                }
                if let Err(e) = state.forget_old_imports().await {
                    tracing::warn!(error = %e, "forgetting old attendance reports failed");
                }
                if let Err(e) = state.purge_expired_data().await {
                    tracing::warn!(error = %e, "erasing data past its retention failed");
                }
                // Forget rate-limit keys that are back to full quota, so the
                // limiters' memory stays bounded.
                state.limits.forget_old();
                tokio::time::sleep(Duration::from_secs(60)).await;
            }
        });
        self.server.await
    }
}

fn run(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let cookie_key = Key::from(&state.keys.cookie_key());
    let secure = state.settings.https();
    let server = HttpServer::new(move || {
        let sessions =
            SessionMiddleware::builder(CookieSessionStore::default(), cookie_key.clone())
                .cookie_name("cohort".into())
                .cookie_secure(secure)
                .cookie_http_only(true)
                .cookie_same_site(SameSite::Lax)
                .cookie_content_security(CookieContentSecurity::Signed)
                .session_lifecycle(
                    PersistentSession::default()
                        .session_ttl(time::Duration::seconds(auth::SESSION_SECONDS)),
                )
                .build();
        App::new()
            .app_data(state.clone())
            .app_data(web::FormConfig::default().limit(forms::FORM_LIMIT))
            .app_data(attendance::import::upload_config())
            .wrap(from_fn(csrf::csrf_guard))
            .wrap(from_fn(middleware::refuse_control_characters))
            .wrap(sessions)
            .wrap(from_fn(middleware::error_pages))
            .wrap(from_fn(middleware::security_headers))
            .wrap(from_fn(middleware::head_as_get))
            .wrap(from_fn(middleware::request_log))
            .configure(routes)
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(error::AppError::NotFound)
            }))
    })
    .listen(listener)?
    .run();
    Ok(server)
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(public::healthz))
        .route("/healthz/mail", web::get().to(health::mail))
        .route("/static/app.css", web::get().to(public::stylesheet))
        .route("/favicon.ico", web::get().to(public::favicon))
        .route("/", web::get().to(public::index))
        .route("/cycles/{slug}", web::get().to(public::cycle))
        .route("/cycles/{slug}/register", web::post().to(public::register))
        .route(
            "/cycles/{slug}/registered",
            web::get().to(public::registered),
        )
        .route("/lost-link", web::get().to(public::lost_link_form))
        .route("/lost-link", web::post().to(public::lost_link))
        .route("/r/{token}", web::get().to(participant::page))
        .route("/r/{token}/confirm", web::post().to(participant::confirm))
        .route("/r/{token}/cancel", web::get().to(participant::cancel_page))
        .route("/r/{token}/cancel", web::post().to(participant::cancel))
        .route(
            "/r/{token}/sessions",
            web::post().to(session_choices::change),
        )
        .route("/privacy", web::get().to(privacy::notice))
        .route(
            "/o/{organisation}/privacy",
            web::get().to(privacy::organisation_notice),
        )
        .route("/r/{token}/data.json", web::get().to(privacy::download))
        .route("/r/{token}/erase", web::get().to(privacy::confirm_page))
        .route("/r/{token}/erase", web::post().to(privacy::erase))
        .route(
            "/r/{token}/progress-emails",
            web::post().to(participant::progress_emails),
        )
        .route(
            "/r/{token}/calendar.ics",
            web::get().to(participant::calendar),
        )
        .route("/r/{token}/certificate", web::get().to(certificate::page))
        .route(
            "/r/{token}/certificate.pdf",
            web::get().to(certificate::pdf),
        )
        .route("/verify/{code}", web::get().to(certificate::verify))
        .route("/r/{token}/grant", web::get().to(grant::show))
        .route("/r/{token}/grant", web::post().to(grant::write))
        .route(
            "/r/{token}/grant/attachment/remove",
            web::post().to(grant::remove_attachment),
        )
        .route("/login", web::get().to(auth::login_form))
        .route("/login", web::post().to(auth::login))
        .route("/logout", web::post().to(auth::logout))
        .route(
            "/logout/everywhere",
            web::post().to(auth::logout_everywhere),
        )
        .route("/setup/{token}", web::get().to(auth::setup_form))
        .route("/setup/{token}", web::post().to(auth::setup))
        .configure(admin::routes)
        .configure(organisations::routes)
        .configure(applications::routes)
        .configure(messages::routes)
        .configure(attendance::routes)
        .configure(reports::routes);
}
