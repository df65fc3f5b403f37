//! Sends what the outbox holds: over SMTP when `COHORT_SMTP_URL` is set,
//! otherwise as `.eml` files in the data folder. Failures are retried with
//! exponential backoff; nothing is deleted, so nothing is lost.
//!
//! Its writes touch only the outbox, which no public page shows: they are
//! not counted in `Db::writes` (`write_uncounted`), so sending the mail of a
//! rush does not make every request re-read the public cycle pages' copy
//! (`app::public_cycles`) and re-render them (issue 12).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use lettre::address::Envelope;
use lettre::message::{header::ContentType, Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use anyhow::Context;

use crate::clock::Clock;
use crate::db::models::{Cycle, OutboxMessage, Registration};
use crate::db::{outbox, registrations, Db};
use crate::domain::eligibility::{Standing, Verdict};
use crate::domain::registration::Notice;
use crate::domain::Status;

use super::{Attached, Composer, RenderedMail};
use crate::domain::schedule::what_changed;

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
                crate::files::private_dir(&mail_dir)
                    .map_err(|e| anyhow::anyhow!("mail folder {}: {e}", mail_dir.display()))?;
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
    /// The installation's sender (`mail_from`): the envelope sender of all
    /// mail, and From where the cycle's organisation has no sender.
    pub from: Mailbox,
    pub wake: Arc<Notify>,
    pub poll: StdDuration,
    pub retry_seconds: u32,
    /// This process's name in the outbox's claims (`Settings::node_id`).
    pub node: String,
    /// The deadline on one whole delivery.
    pub send_timeout: StdDuration,
    /// Set while deliveries fail; the first success after it sends the
    /// backlog at once.
    pub failing: std::sync::atomic::AtomicBool,
}

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    /// Deliveries work again and the backlog was made due: pass again now.
    pub backlog_released: bool,
    /// The pass took a full batch and went through it: more may be due, so
    /// pass again now rather than after the poll interval (a rush's
    /// thousand confirmations waited a whole poll per fifty: 22 s, now 3 s).
    pub full_batch: bool,
}

/// The message as sent. `installation` is `mail_from`: the From of mail
/// about cycles of no organisation (or one without a sender), and always the
/// SMTP envelope sender (MAIL FROM, where bounces go): the relay's account
/// may send as it, SPF for its domain covers this server, and bounces reach
/// whoever runs the installation. An organisation's address in From is
/// delivered only where its domain allows this server (see README).
pub fn build_message(
    m: &OutboxMessage,
    mail: &RenderedMail,
    installation: &Mailbox,
) -> anyhow::Result<Message> {
    let to = Mailbox::new(
        Some(super::header_safe(&mail.to_name)),
        mail.to_address.parse()?,
    );
    let host = installation.email.domain().to_string();
    let envelope = Envelope::new(Some(installation.email.clone()), vec![to.email.clone()])?;
    let html = SinglePart::builder()
        .header(ContentType::TEXT_HTML)
        .body(mail.html.clone());
    // The check-in QR code travels as an inline image the HTML part refers to (cid:).
    let html_part = match &mail.checkin_url {
        Some(url) => MultiPart::related().singlepart(html).singlepart(
            Attachment::new_inline("checkin-qr".into())
                .body(crate::qr::png(url)?, ContentType::parse("image/png")?),
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
                ContentType::parse(&format!(
                    "text/calendar; charset=utf-8; method={}",
                    mail.ics_method
                ))?,
            ),
        ),
        None => alternative,
    };
    let mut builder = Message::builder()
        .from(mail.from.clone().unwrap_or_else(|| installation.clone()))
        .envelope(envelope);
    if let Some(reply_to) = &mail.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    Ok(builder
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
        // A previous run of this node died holding claims: release them now
        // rather than wait for them to run out (a restarted server would
        // otherwise sit on its own mail).
        let node = self.node.clone();
        match self
            .db
            .write_uncounted(move |c| outbox::release_claims_of(c, &node))
            .await
        {
            Ok(0) => {}
            Ok(n) => tracing::info!(released = n, "released this node's stale outbox claims"),
            Err(e) => tracing::warn!(error = %e, "could not release stale outbox claims"),
        }
        loop {
            match self.send_due().await {
                Ok(pass) if pass.backlog_released || pass.full_batch => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "outbox pass failed"),
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(self.poll) => {}
            }
        }
    }

    /// How long a claim lasts: a pass starts attempts for up to
    /// `ATTEMPTS_FOR` after it claims. The last one may then wait for a
    /// connection four times (marking the chunk before it, reading the next
    /// chunk, writing its own outcome, marking what was delivered) and take
    /// the whole delivery deadline. Short enough that a dead process's claim
    /// frees itself soon.
    fn claim_for(&self) -> Duration {
        Duration::from_std(ATTEMPTS_FOR + self.send_timeout + 4 * self.db.longest_wait())
            .unwrap_or(Duration::seconds(90))
    }

    /// One pass over due messages.
    pub async fn send_due(&self) -> anyhow::Result<Pass> {
        let now = self.clock.now();
        let due = self.db.read(move |c| outbox::due(c, now, BATCH)).await?;
        let mut pass = Pass {
            full_batch: due.len() as i64 == BATCH,
            ..Pass::default()
        };
        if due.is_empty() {
            return Ok(pass);
        }
        // One write claims the whole batch: during a rush each claim was a
        // turn in SQLite's writer queue, beside the registrations. The
        // claim's clock starts before the write, which may wait.
        let claimed_at = std::time::Instant::now();
        let ids: Vec<i32> = due.iter().map(|m| m.id).collect();
        let (now, node, claim_for) = (self.clock.now(), self.node.clone(), self.claim_for());
        let claimed = self
            .db
            .write_uncounted(move |c| outbox::claim(c, &ids, now, &node, claim_for))
            .await?;
        // Another server process has the rest.
        let mine: Vec<OutboxMessage> = due
            .into_iter()
            .filter(|m| claimed.contains(&m.id))
            .collect();
        let mut not_tried = Vec::new();
        let sent = self
            .send_claimed(&mine, claimed_at, &mut pass, &mut not_tried)
            .await;
        // What the pass stopped before (a slow or failing mail server, a
        // database error) is given back now, not when its claim runs out:
        // the next pass, or another process, takes it at once.
        if !not_tried.is_empty() {
            let node = self.node.clone();
            self.db
                .write_uncounted(move |c| outbox::release(c, &not_tried, &node))
                .await?;
        }
        sent.map(|()| pass)
    }

    /// Sends the claimed messages in turn, until one says to stop; those it
    /// did not reach go to `not_tried`. What was delivered is marked sent
    /// however the pass ends.
    async fn send_claimed(
        &self,
        mine: &[OutboxMessage],
        claimed_at: std::time::Instant,
        pass: &mut Pass,
        not_tried: &mut Vec<i32>,
    ) -> anyhow::Result<()> {
        let mut delivered = Vec::new();
        let mut next = 0;
        let sent = self
            .send_in_turn(mine, &mut next, claimed_at, pass, &mut delivered)
            .await;
        let marked = self.mark_delivered(&mut delivered).await;
        not_tried.extend(mine[next..].iter().map(|m| m.id));
        sent.and(marked)
    }

    /// The loop of `send_claimed`. `next` is the first message not taken
    /// yet. Per chunk of `CHUNK` messages, one read loads what their emails
    /// speak of and one write marks the delivered ones sent: during a rush,
    /// a round trip or a turn in SQLite's writer queue per email was half
    /// the database's work (issue 12). A crash between delivering and
    /// marking sends that chunk's delivered emails again when the restarted
    /// process releases its claims (with the same Message-IDs, which only
    /// some mail providers use to drop the second copy). A chunk read is
    /// used for at most `FRESH_FOR`: a notice that stopped applying within
    /// that moment (a seat given back) may still go, as it could between a
    /// message's own read and its sending before.
    async fn send_in_turn(
        &self,
        mine: &[OutboxMessage],
        next: &mut usize,
        claimed_at: std::time::Instant,
        pass: &mut Pass,
        delivered: &mut Vec<i32>,
    ) -> anyhow::Result<()> {
        use std::sync::atomic::Ordering;
        let mut contexts = Contexts::default();
        while let Some(m) = mine.get(*next) {
            let id = m.id;
            if claimed_at.elapsed() >= ATTEMPTS_FOR {
                // The claim would not outlast another attempt.
                pass.full_batch = true;
                break;
            }
            if next.is_multiple_of(CHUNK) {
                self.mark_delivered(delivered).await?;
                let chunk = &mine[*next..mine.len().min(*next + CHUNK)];
                contexts = self.load_contexts(chunk).await;
            }
            *next += 1;
            match self.attempt(m, &contexts).await {
                Ok(Sent::Delivered) => {
                    delivered.push(id);
                    pass.sent += 1;
                    if self.failing.swap(false, Ordering::SeqCst) {
                        let now = self.clock.now();
                        let released = self
                            .db
                            .write_uncounted(move |c| outbox::send_backlog_now(c, now))
                            .await?;
                        if released > 0 {
                            tracing::info!(
                                released,
                                "mail goes out again; sending the backlog now"
                            );
                            pass.backlog_released = true;
                            break;
                        }
                    }
                }
                Ok(Sent::NoLongerApplies(why)) => {
                    tracing::info!(outbox_id = id, why, "notice no longer applies; not sent");
                    let now = self.clock.now();
                    let note = format!("not sent: {why}");
                    self.db
                        .write_uncounted(move |c| outbox::mark_sent(c, id, now, Some(&note)))
                        .await?;
                }
                Err(Failure::ServerDown(e)) => {
                    // The rest would fail the same way: leave them for later
                    // (after the poll, not in a tight loop).
                    self.failing.store(true, Ordering::SeqCst);
                    self.retry_later(m, &e).await?;
                    pass.full_batch = false;
                    break;
                }
                Err(Failure::ThisMessage(e)) => self.retry_later(m, &e).await?,
                Err(Failure::Never(e)) => {
                    let error = format!("{e:#}");
                    tracing::error!(outbox_id = id, %error, "email can never be sent; given up");
                    let node = self.node.clone();
                    self.db
                        .write_uncounted(move |c| outbox::give_up(c, id, &node, &error))
                        .await?;
                }
            }
        }
        Ok(())
    }

    /// Marks what was delivered sent, in one write, and forgets it. Kept
    /// when the write fails: `send_claimed` tries once more at the end.
    async fn mark_delivered(&self, delivered: &mut Vec<i32>) -> anyhow::Result<()> {
        if delivered.is_empty() {
            return Ok(());
        }
        let ids = delivered.clone();
        let now = self.clock.now();
        self.db
            .write_uncounted(move |c| outbox::mark_all_sent(c, &ids, now))
            .await?;
        delivered.clear();
        Ok(())
    }

    /// The registrations of a chunk's messages with their cycles, in one
    /// read. When that read fails (one row the app cannot read, say), each
    /// message reads its own, so one bad row holds up only its own email.
    async fn load_contexts(&self, chunk: &[OutboxMessage]) -> Contexts {
        let ids: Vec<i32> = chunk.iter().filter_map(|m| m.registration_id).collect();
        match self
            .db
            .read(move |c| registrations::contexts(c, &ids))
            .await
        {
            Ok(by_registration) => Contexts {
                loaded_at: Some(std::time::Instant::now()),
                by_registration,
            },
            Err(e) => {
                tracing::warn!(error = %e, "reading a chunk of emails' registrations failed; reading each alone");
                Contexts::default()
            }
        }
    }

    async fn retry_later(&self, m: &OutboxMessage, e: &anyhow::Error) -> anyhow::Result<()> {
        let backoff =
            i64::from(self.retry_seconds) * 2i64.saturating_pow(m.attempts.clamp(0, 10) as u32);
        let retry_at = self.clock.now() + Duration::seconds(backoff.min(3600));
        let error = format!("{e:#}");
        let (id, node) = (m.id, self.node.clone());
        tracing::warn!(outbox_id = id, attempts = m.attempts + 1, %error, "email not sent; will retry");
        self.db
            .write_uncounted(move |c| outbox::mark_failed(c, id, &node, retry_at, &error))
            .await?;
        Ok(())
    }

    /// Renders and sends one row. A mail server that accepts the connection
    /// and never answers must not hold the worker: the whole attempt has a
    /// deadline.
    async fn attempt(&self, m: &OutboxMessage, contexts: &Contexts) -> Result<Sent, Failure> {
        let work = async {
            let mail = match self.render(m, contexts).await? {
                Rendered::Mail(mail) => *mail,
                Rendered::NoLongerApplies(why) => return Ok(Sent::NoLongerApplies(why)),
            };
            let message = build_message(m, &mail, &self.from).map_err(Failure::Never)?;
            self.deliver(m, message).await?;
            Ok(Sent::Delivered)
        };
        match tokio::time::timeout(self.send_timeout, work).await {
            Ok(result) => result,
            Err(_) => Err(Failure::ServerDown(anyhow::anyhow!(
                "delivery took longer than {} s; abandoned",
                self.send_timeout.as_secs()
            ))),
        }
    }

    /// Renders a row as its registration and cycle stand now; a notice that
    /// no longer fits (a waitlist place for someone seated since, a seat for
    /// someone who gave it back) is not sent.
    async fn render(&self, m: &OutboxMessage, contexts: &Contexts) -> Result<Rendered, Failure> {
        let notice = m
            .notice()
            .with_context(|| format!("outbox row {} holds no known notice", m.id))
            .map_err(Failure::Never)?;
        let registration_id = m
            .registration_id
            .with_context(|| format!("outbox row {}: its registration is gone", m.id))
            .map_err(Failure::Never)?;
        let now = self.clock.now();
        // The owner comes with the cycle: its sender and contact as they are
        // now. Read with the chunk, unless the chunk was read too long ago
        // (a slow mail server) to still say how things stand.
        let found = match contexts.fresh() {
            Some(by_registration) => by_registration.get(&registration_id).cloned(),
            None => self
                .db
                .read(move |c| registrations::with_cycle_and_owner(c, registration_id))
                .await
                .map_err(|e| Failure::ThisMessage(e.into()))?,
        };
        let (reg, cycle, sessions, owner) = found
            .with_context(|| {
                format!(
                    "outbox row {}: registration {registration_id} is gone",
                    m.id
                )
            })
            .map_err(Failure::Never)?;
        // Only the notices that speak of more read more: grant notices the
        // application, messages the message, and so on.
        let cycle_id = reg.cycle_id;
        let Extras {
            application,
            message,
            change,
            present,
            unchosen,
        } = match Extra::of(notice) {
            None => Extras::default(),
            Some(extra) => self
                .db
                .read(move |c| extra.read(c, registration_id, cycle_id, now))
                .await
                .map_err(|e| Failure::ThisMessage(e.into()))?,
        };
        let status = reg.status();
        // Progress as it stands when sent, not when the email was written.
        let standing = present.map(|present| {
            let ends: Vec<_> = sessions
                .iter()
                .map(|s| (s.id, s.ends_at.and_utc()))
                .collect();
            Standing::of(&ends, &present, cycle.min_sessions as u32, self.clock.now())
        });
        let stale = match notice {
            // Erased: nobody is left to write to.
            _ if reg.erased_at.is_some() => Some("the participant's data was erased"),
            Notice::Waitlisted { .. } | Notice::NoSeatFreed if status != Status::Waitlisted => {
                Some("no longer on the waitlist")
            }
            Notice::Seated
            | Notice::Promoted
            | Notice::Reminder { .. }
            | Notice::ScheduleChanged { .. }
                if !status.holds_seat() =>
            {
                Some("no longer holds a seat")
            }
            // Told as the session stands now; nothing if it is back as it was.
            Notice::ScheduleChanged { .. } => match &change {
                None => Some("the change is gone"),
                Some(change) => match sessions.iter().find(|s| s.id == change.session_id) {
                    None => Some("the session is gone"),
                    Some(s) if s.starts_at.and_utc() <= self.clock.now() => {
                        Some("the session has started")
                    }
                    Some(s) if !what_changed(&change.old_slot(), &s.slot()).anything() => {
                        Some("the session is back as it was")
                    }
                    Some(_) => None,
                },
            },
            // A reminder held back (an outage) must not arrive after the
            // start, nor speak of a time the session no longer has.
            Notice::Reminder { session_id, starts } => {
                match sessions.iter().find(|s| s.id == session_id) {
                    None => Some("the session is gone"),
                    Some(s) if s.starts_at.and_utc().timestamp() != starts => {
                        Some("the session moved")
                    }
                    Some(s) if s.starts_at.and_utc() <= self.clock.now() => {
                        Some("the session has started")
                    }
                    Some(_) => None,
                }
            }
            Notice::Progress { .. } | Notice::ProgressLost { .. } => {
                progress_stale(notice, &reg, &cycle, standing.as_ref())
            }
            _ => None,
        };
        if let Some(why) = stale {
            return Ok(Rendered::NoLongerApplies(why));
        }
        let attached = match (&application, &message, &change, &standing, &unchosen) {
            (Some(a), _, _, _, _) => Attached::Application(a),
            (_, Some(m), _, _, _) => Attached::Message(m),
            (_, _, Some(c), _, _) => Attached::Change(c),
            (_, _, _, Some(standing), _) => Attached::Standing(standing),
            (_, _, _, _, Some(slots)) => Attached::Unchosen(slots),
            _ => Attached::Nothing,
        };
        // A template that fails is a bug to fix: retried, and visible meanwhile.
        self.composer
            .render(notice, &cycle, &sessions, &reg, attached, owner.as_ref())
            .map(|mail| Rendered::Mail(Box::new(mail)))
            .map_err(Failure::ThisMessage)
    }

    async fn deliver(&self, m: &OutboxMessage, message: Message) -> Result<(), Failure> {
        match &self.transport {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(classify),
            Transport::Files(dir) => {
                let path = dir.join(format!("{:06}-{}.eml", m.id, m.kind));
                tokio::fs::write(path, message.formatted())
                    .await
                    .map_err(|e| Failure::ServerDown(e.into()))
            }
        }
    }
}

/// Why an email about a participant's progress no longer fits: they are no
/// longer confirmed, stopped these emails, the cycle turned them off, the
/// outcome was earned since, or a correction made it possible again after
/// "no longer possible" was written.
fn progress_stale(
    notice: Notice,
    reg: &Registration,
    cycle: &Cycle,
    standing: Option<&Standing>,
) -> Option<&'static str> {
    if reg.status() != Status::Confirmed {
        return Some("no longer confirmed");
    }
    if !reg.progress_emails {
        return Some("the participant stopped these emails");
    }
    if !cycle.progress_emails {
        return Some("the cycle's progress emails are off");
    }
    match (notice, standing.map(|s| s.verdict)) {
        (_, None) => Some("no attendance was read"),
        (_, Some(Verdict::Eligible)) => Some("the outcome was earned since"),
        (Notice::ProgressLost { .. }, Some(Verdict::StillPossible)) => {
            Some("possible again after a correction")
        }
        _ => None,
    }
}

/// Due rows read per pass.
const BATCH: i64 = 50;

/// Messages per chunk of a pass: read together, marked sent together.
const CHUNK: usize = 25;

/// What a notice reads beyond its registration, cycle and sessions.
#[derive(Clone, Copy)]
enum Extra {
    Application,
    Message { message_id: i32 },
    Change { change_id: i32 },
    Present,
    Unchosen,
}

/// What `Extra::read` found; the rest stays `None`.
#[derive(Default)]
struct Extras {
    application: Option<crate::db::models::Application>,
    message: Option<crate::db::models::Message>,
    change: Option<crate::db::models::SessionChange>,
    present: Option<Vec<i32>>,
    unchosen: Option<Vec<crate::domain::tracks::Slot>>,
}

impl Extra {
    /// The one list of notices that read more; most (confirmations above
    /// all) read nothing more.
    fn of(notice: Notice) -> Option<Extra> {
        match notice {
            Notice::GrantSubmitted | Notice::GrantDecided => Some(Extra::Application),
            Notice::Message { message_id } => Some(Extra::Message { message_id }),
            Notice::ScheduleChanged { change_id } => Some(Extra::Change { change_id }),
            Notice::Progress { .. } | Notice::ProgressLost { .. } => Some(Extra::Present),
            Notice::Promoted => Some(Extra::Unchosen),
            // Every kind is named, so a new one must say what it reads.
            Notice::Seated
            | Notice::Waitlisted { .. }
            | Notice::LinkAgain
            | Notice::Cancelled
            | Notice::Expired
            | Notice::GrantEligible
            | Notice::Reminder { .. }
            | Notice::NoSeatFreed => None,
        }
    }

    fn read(
        self,
        conn: &mut crate::db::AnyConnection,
        registration_id: i32,
        cycle_id: i32,
        now: chrono::DateTime<chrono::Utc>,
    ) -> crate::db::DbResult<Extras> {
        let mut extras = Extras::default();
        match self {
            Extra::Application => {
                extras.application = crate::db::grants::of_registration(conn, registration_id)?
            }
            Extra::Message { message_id } => {
                extras.message = crate::db::messages::of_row(conn, message_id)?
            }
            Extra::Change { change_id } => {
                extras.change = crate::db::schedule::change(conn, change_id)?
            }
            Extra::Present => {
                extras.present = Some(crate::db::attendance::present_sessions(
                    conn,
                    registration_id,
                )?)
            }
            // All of the cycle's slots: the sessions loaded with the
            // registration are only its own, without a dropped choice's.
            Extra::Unchosen => {
                extras.unchosen = Some(crate::db::choices::unchosen_slots(
                    conn,
                    cycle_id,
                    registration_id,
                    now,
                )?)
            }
        }
        Ok(extras)
    }
}

/// How long what a chunk read stays good enough to render from; past it (a
/// slow mail server), each message reads its own again. A chunk sent at
/// rush speed takes a few tens of milliseconds.
const FRESH_FOR: StdDuration = StdDuration::from_millis(250);

/// What a chunk's emails speak of, read at once (`registrations::contexts`).
#[derive(Default)]
struct Contexts {
    loaded_at: Option<std::time::Instant>,
    by_registration: std::collections::HashMap<i32, registrations::InCycle>,
}

impl Contexts {
    /// The registrations read, while they are fresh.
    fn fresh(&self) -> Option<&std::collections::HashMap<i32, registrations::InCycle>> {
        let loaded_at = self.loaded_at?;
        (loaded_at.elapsed() < FRESH_FOR).then_some(&self.by_registration)
    }
}

/// How long after claiming a batch a pass may start another attempt.
const ATTEMPTS_FOR: StdDuration = StdDuration::from_secs(30);

/// What became of one due row.
enum Sent {
    Delivered,
    NoLongerApplies(&'static str),
}

enum Rendered {
    /// Boxed: a rendered email is large, the other answer a word.
    Mail(Box<RenderedMail>),
    NoLongerApplies(&'static str),
}

/// Why a row was not sent, and so what to do with the rest.
enum Failure {
    /// The mail server (or the mail folder) is not taking mail: retry this
    /// one later and stop the pass, the others would fail the same way.
    ServerDown(anyhow::Error),
    /// This message only (greylisted, a mailbox busy, a template bug):
    /// retry it later, go on with the others.
    ThisMessage(anyhow::Error),
    /// It can never be sent (refused for good, no such registration, an
    /// address that cannot be written): give up, keep the reason.
    Never(anyhow::Error),
}

fn classify(e: lettre::transport::smtp::Error) -> Failure {
    let code = e.status().map(|code| code.to_string());
    if e.is_permanent() {
        Failure::Never(e.into())
    } else if e.is_transient() && code.as_deref() != Some("421") {
        Failure::ThisMessage(e.into())
    } else {
        // Connection, TLS, timeout, or 421 "service not available".
        Failure::ServerDown(e.into())
    }
}
