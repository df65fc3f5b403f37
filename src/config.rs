//! Configuration in layers (SPEC): `config/default.toml`, then the file named
//! by `COHORT_CONFIG`, then environment variables.

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// `sqlite://PATH`, a file path, or `postgres://…`; empty = `{data_dir}/cohort.db`.
    #[serde(default)]
    pub database_url: String,
    pub bind: String,
    pub base_url: String,
    #[serde(default)]
    pub smtp_url: Option<SecretString>,
    pub mail_from: String,
    #[serde(default)]
    pub secret_key: Option<SecretString>,
    pub data_dir: PathBuf,
    pub db_max_connections: u32,
    /// How long a request waits for a database connection before the
    /// visitor is told to try again (503): a database that is down answers
    /// quickly instead of hanging every page.
    pub db_wait_milliseconds: u64,
    /// Registrations accepted from one address per minute (bots, not people).
    pub registrations_per_ip_per_minute: u32,
    /// Failed logins allowed per address and per account before slowing down.
    pub login_attempts_per_15_minutes: u32,
    /// Failed logins for one account within 15 minutes, from all addresses
    /// together, that lock it for everyone (far above the per-address allowance).
    pub login_account_lock_after: u32,
    /// How long such a lock lasts.
    pub login_account_lock_minutes: u32,
    /// First retry delay of a failed email; doubles each time, capped at an hour.
    pub mail_retry_seconds: u32,
    pub mail_poll_milliseconds: u64,
    /// The whole delivery of one message (connect, conversation, data) must
    /// finish within this, or it is abandoned and retried.
    pub mail_send_timeout_seconds: u64,
    /// `/healthz/mail` fails and organisers see a banner once the oldest
    /// unsent message has waited this long.
    pub mail_backlog_alert_minutes: u32,
    /// This server's name in the outbox's claims; empty = generated once
    /// into `{data_dir}/node.id`. Each server process needs its own.
    #[serde(default)]
    pub node_id: String,
    /// Version of the privacy notice participants consent to.
    pub privacy_notice_version: String,
    /// Trust X-Forwarded-For (only behind a reverse proxy that sets it).
    pub trust_proxy: bool,
    /// With `trust_proxy`: how many proxies in front append to
    /// X-Forwarded-For (1: nginx alone; 2: a CDN, then nginx).
    pub trusted_proxies: u32,
    /// The association running this installation, printed on certificates
    /// as their organiser (empty: not printed).
    #[serde(default)]
    pub organisation_name: String,
}

impl Settings {
    pub fn load() -> anyhow::Result<Self> {
        let mut builder = config::Config::builder()
            .add_source(config::File::from_str(
                include_str!("../config/default.toml"),
                config::FileFormat::Toml,
            ))
            .add_source(config::File::with_name("config/default.toml").required(false));
        if let Ok(path) = std::env::var("COHORT_CONFIG") {
            builder = builder.add_source(config::File::from(Path::new(&path)).required(true));
        }
        builder = builder.add_source(config::Environment::with_prefix("COHORT").try_parsing(true));
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database_url", url)?;
        }
        let mut settings: Settings = builder.build()?.try_deserialize()?;
        if settings.base_url.trim().is_empty() {
            settings.base_url = base_url_for(&settings.bind);
        }
        Ok(settings)
    }

    pub fn database_url(&self) -> String {
        if self.database_url.trim().is_empty() {
            self.data_dir
                .join("cohort.db")
                .to_string_lossy()
                .into_owned()
        } else {
            self.database_url.clone()
        }
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// This process's node id: from config, or kept in the data folder, so
    /// a restarted server recognises (and releases) its own outbox claims.
    pub fn node_id(&self) -> anyhow::Result<String> {
        if !self.node_id.trim().is_empty() {
            return Ok(self.node_id.trim().to_string());
        }
        let path = self.data_dir.join("node.id");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            return Ok(existing.trim().to_string());
        }
        crate::files::private_dir(&self.data_dir)
            .map_err(|e| anyhow::anyhow!("{}: {e}", self.data_dir.display()))?;
        let fresh = format!("node-{}", crate::tokens::random(9));
        write_private(&path, &fresh).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Ok(fresh)
    }

    pub fn https(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    /// The secret from config, or the one kept in the data folder (created on
    /// first start). Never regenerated per start: that would log everyone out
    /// and break every participant's link.
    pub fn secret(&self) -> anyhow::Result<Vec<u8>> {
        if let Some(s) = &self.secret_key {
            let s = s.expose_secret();
            anyhow::ensure!(
                s.len() >= 32,
                "COHORT_SECRET_KEY must be at least 32 characters"
            );
            return Ok(s.as_bytes().to_vec());
        }
        let path = self.data_dir.join("secret.key");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let existing = existing.trim().to_string();
            anyhow::ensure!(existing.len() >= 32, "{} is too short", path.display());
            return Ok(existing.into_bytes());
        }
        crate::files::private_dir(&self.data_dir)
            .map_err(|e| anyhow::anyhow!("data folder {}: {e}", self.data_dir.display()))?;
        let fresh = crate::tokens::random(48);
        write_private(&path, &fresh)?;
        Ok(fresh.into_bytes())
    }
}

/// The address links in emails use when `base_url` is not set: the one
/// the server listens on, so changing only `COHORT_BIND` keeps the setup
/// link and emails right. Listening on every interface (0.0.0.0, ::) names
/// this machine's loopback; set `COHORT_BASE_URL` for the public name.
pub fn base_url_for(bind: &str) -> String {
    match bind.parse::<std::net::SocketAddr>() {
        Ok(addr) if addr.ip().is_unspecified() => format!("http://127.0.0.1:{}", addr.port()),
        Ok(addr) => format!("http://{addr}"),
        Err(_) => format!("http://{}", bind.trim()),
    }
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    use super::base_url_for;

    #[test]
    fn links_follow_the_bind_address() {
        assert_eq!(base_url_for("127.0.0.1:8080"), "http://127.0.0.1:8080");
        assert_eq!(base_url_for("127.0.0.1:9000"), "http://127.0.0.1:9000");
        assert_eq!(base_url_for("0.0.0.0:8000"), "http://127.0.0.1:8000");
        assert_eq!(base_url_for("[::1]:8081"), "http://[::1]:8081");
        assert_eq!(base_url_for("[::]:8081"), "http://127.0.0.1:8081");
        assert_eq!(base_url_for("localhost:3000"), "http://localhost:3000");
    }

    #[test]
    fn the_default_is_the_default_bind() {
        let settings = super::Settings::load().expect("defaults load");
        if std::env::var("COHORT_BASE_URL").is_err() && std::env::var("COHORT_BIND").is_err() {
            assert_eq!(settings.base_url, "http://127.0.0.1:8080");
        }
    }
}
