//! Sends what the outbox holds: over SMTP when `COHORT_SMTP_URL` is set,
//! otherwise as `.eml` files in the data folder. Failures are retried with
//! exponential backoff; nothing is deleted, so nothing is lost.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use anyhow::Context;

use crate::clock::Clock;
use crate::db::models::OutboxMessage;
use crate::db::{outbox, registrations, Db};

use super::{Composer, RenderedMail};

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Transport {
    /// `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://…` (TLS),
    /// plain `smtp://host:25` — as lettre reads the URL.
    pub fn from_settings(smtp_url: Option<&str>, mail_dir: PathBuf) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) if !url.trim().is_empty() => {
                let t = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
                    .timeout(Some(StdDuration::from_secs(15)))
                    .build();
                Ok(Transport::Smtp(t))
            }
            _ => {
                std::fs::create_dir_all(&mail_dir)?;
                Ok(Transport::Files(mail_dir))
            }
        }
    }
}

pub struct Worker {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub transport: Transport,
    pub composer: Arc<Composer>,
    pub from: Mailbox,
    pub wake: Arc<Notify>,
    pub poll: StdDuration,
    pub retry_seconds: u32,
}

pub fn build_message(
    m: &OutboxMessage,
    mail: &RenderedMail,
    from: &Mailbox,
) -> anyhow::Result<Message> {
    let to = Mailbox::new(
        Some(super::header_safe(&mail.to_name)),
        mail.to_address.parse()?,
    );
    let host = from.email.domain().to_string();
    let html = SinglePart::builder()
        .header(ContentType::TEXT_HTML)
        .body(mail.html.clone());
    // The check-in QR code travels as an inline image the HTML part refers to (cid:).
    let html_part = match &mail.checkin_url {
        Some(url) => MultiPart::related().singlepart(html).singlepart(
            Attachment::new_inline("checkin-qr".into())
                .body(super::qr::png(url)?, ContentType::parse("image/png")?),
        ),
        None => MultiPart::related().singlepart(html),
    };
    let alternative = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(mail.text.clone()),
        )
        .multipart(html_part);
    let body = match &mail.ics {
        Some(ics) => MultiPart::mixed().multipart(alternative).singlepart(
            Attachment::new("cohort.ics".into()).body(
                ics.clone(),
                ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")?,
            ),
        ),
        None => alternative,
    };
    Ok(Message::builder()
        .from(from.clone())
        .to(to)
        // Stable per outbox row: a retried message is recognisably the same one.
        .message_id(Some(format!(
            "<outbox-{}-{}@{}>",
            m.id,
            m.created_at.and_utc().timestamp(),
            host
        )))
        .subject(super::header_safe(&mail.subject))
        .multipart(body)?)
}

impl Worker {
    /// Runs until the process ends.
    pub async fn run(self) {
        loop {
            if let Err(e) = self.send_due().await {
                tracing::warn!(error = %e, "outbox pass failed");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll) => {}
            }
        }
    }

    /// One pass over due messages; returns how many were sent.
    pub async fn send_due(&self) -> anyhow::Result<usize> {
        let now = self.clock.now();
        let due = self.db.read(move |c| outbox::due(c, now, 50)).await?;
        let mut sent = 0;
        for m in due {
            let now = self.clock.now();
            let id = m.id;
            if !self.db.write(move |c| outbox::claim(c, id, now)).await? {
                continue; // another server process has it
            }
            match self.deliver(&m).await {
                Ok(()) => {
                    let now = self.clock.now();
                    self.db
                        .write(move |c| outbox::mark_sent(c, id, now))
                        .await?;
                    sent += 1;
                }
                Err(e) => {
                    let backoff = i64::from(self.retry_seconds)
                        * 2i64.saturating_pow(m.attempts.clamp(0, 10) as u32);
                    let retry_at = self.clock.now() + Duration::seconds(backoff.min(3600));
                    let error = e.to_string();
                    tracing::warn!(outbox_id = id, attempts = m.attempts + 1, %error, "email not sent; will retry");
                    self.db
                        .write(move |c| outbox::mark_failed(c, id, retry_at, &error))
                        .await?;
                }
            }
        }
        Ok(sent)
    }

    /// Renders a row as its registration and cycle stand now.
    async fn render(&self, m: &OutboxMessage) -> anyhow::Result<RenderedMail> {
        let notice = m
            .notice()
            .with_context(|| format!("outbox row {} holds no known notice", m.id))?;
        let registration_id = m
            .registration_id
            .with_context(|| format!("outbox row {}: its registration is gone", m.id))?;
        let (reg, cycle, sessions) = self
            .db
            .read(move |c| registrations::with_cycle(c, registration_id))
            .await?
            .with_context(|| {
                format!(
                    "outbox row {}: registration {registration_id} is gone",
                    m.id
                )
            })?;
        self.composer.render(notice, &cycle, &sessions, &reg)
    }

    async fn deliver(&self, m: &OutboxMessage) -> anyhow::Result<()> {
        let mail = self.render(m).await?;
        let message = build_message(m, &mail, &self.from)?;
        match &self.transport {
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
            Transport::Files(dir) => {
                let path = dir.join(format!("{:06}-{}.eml", m.id, m.kind));
                tokio::fs::write(path, message.formatted()).await?;
            }
        }
        Ok(())
    }
}
