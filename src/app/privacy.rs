//! The participant's data rights (issue 11): taking out everything held
//! about them, erasing it on request, and erasing a cycle's personal data
//! when its retention period ends.

use anyhow::Context;
use chrono::NaiveDateTime;
use serde_json::{json, Value};

use super::Services;
use crate::db::privacy::{self, Erased};
use crate::domain::privacy::{retention_ends, ErasedBy};

fn time(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn maybe_time(t: Option<NaiveDateTime>) -> Value {
    t.map(time).map(Value::String).unwrap_or(Value::Null)
}

/// Everything Cohort holds about a registration, as JSON a person (or
/// another tool) can read; `None` when there is no such registration.
pub async fn export(services: &Services, registration_id: i32) -> anyhow::Result<Option<Value>> {
    let Some(held) = services
        .db
        .read(move |c| privacy::held(c, registration_id))
        .await
        .context("reading a participant's data")?
    else {
        return Ok(None);
    };
    let reg = &held.registration;
    let session = |id: i32| held.sessions.iter().find(|s| s.id == id);
    let position = |id: i32| session(id).map(|s| s.position);
    let attendance: Vec<Value> = held
        .attendance
        .iter()
        .map(|(session_id, present, source, minutes, recorded_at)| {
            json!({
                "session": position(*session_id),
                "title": session(*session_id).map(|s| s.title.clone()),
                "present": present,
                "source": source,
                "minutes": minutes,
                "recorded_at": time(*recorded_at),
            })
        })
        .collect();
    let changes: Vec<Value> = held
        .audit
        .iter()
        .map(|a| {
            json!({
                "session": position(a.session_id),
                "changed_at": time(a.changed_at),
                "old_present": a.old_present,
                "new_present": a.new_present,
                "source": a.source.as_str(),
                "minutes": a.minutes,
                "note": a.note,
            })
        })
        .collect();
    let application = held.application.as_ref().map(|a| {
        json!({
            "title": a.title,
            "summary": a.summary,
            "partners": a.partners,
            "amount_cents": a.amount_cents,
            "status": a.status.as_str(),
            "attachment": held.attachment_name,
            "submitted_at": maybe_time(a.submitted_at),
            "decided_at": maybe_time(a.decided_at),
            "granted_cents": a.granted_cents,
            "decision_comment": a.decision_comment,
        })
    });
    // The cycle's own questions: the key, the question in the cycle's
    // language and the answer as stored.
    let lang = held.cycle.language.as_str();
    let answers: Vec<Value> = held
        .answers
        .iter()
        .map(|(key, value)| {
            let question = held.questions.by_key(key);
            json!({
                "question": key,
                "label": question.map(|q| crate::domain::questions::pick(&q.label, lang, lang)),
                "answer": value,
            })
        })
        .collect();
    let emails: Vec<Value> = held
        .emails
        .iter()
        .map(|(kind, written, sent)| {
            json!({ "kind": kind, "written_at": time(*written), "sent_at": maybe_time(*sent) })
        })
        .collect();
    Ok(Some(json!({
        "exported_at": services.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "cycle": { "slug": held.cycle.slug, "title": held.cycle.title },
        "registration": {
            "id": reg.id,
            "first_name": reg.first_name,
            "last_name": reg.last_name,
            "email": reg.email,
            "phone": reg.phone,
            "institution": reg.institution,
            "institution_type": reg.institution_type.as_str(),
            "position": reg.position,
            "region": reg.region,
            "country": reg.country,
            "language": reg.language.as_str(),
            "status": reg.status.as_str(),
            "registered_at": time(reg.registered_at),
            "confirmed_at": maybe_time(reg.confirmed_at),
            "consent": { "at": time(reg.consent_at), "notice_version": reg.consent_version },
            "progress_emails": reg.progress_emails,
        },
        "attendance": attendance,
        "attendance_changes": changes,
        "answers": answers,
        "grant_application": application,
        "certificate_code": held.certificate,
        "emails": emails,
    })))
}

/// Erases a participant's personal data at their request; `None` when it
/// was erased already. A seat they held goes to the next person waiting.
pub async fn erase(services: &Services, registration_id: i32) -> anyhow::Result<Option<Erased>> {
    let now = services.now();
    let nonce = crate::tokens::random(16);
    let erased = services
        .db
        .write(move |c| privacy::erase(c, registration_id, ErasedBy::Participant, &nonce, now))
        .await
        .context("erasing a participant's data")?;
    if erased.is_some() {
        tracing::info!(
            registration = registration_id,
            "personal data erased at the participant's request"
        );
        services.wake_mail();
    }
    Ok(erased)
}

/// Erases the personal data of every cycle whose retention period has
/// ended; returns how many registrations were erased.
pub async fn purge_due(services: &Services) -> anyhow::Result<usize> {
    let now = services.now();
    let cycles = services
        .db
        .read(privacy::to_purge)
        .await
        .context("finding cycles past their retention")?;
    let mut purged = 0;
    for (cycle, last_end) in cycles {
        let months = cycle.retention_months.unwrap_or_default().max(0) as u32;
        let due = retention_ends(last_end, cycle.registration_closes.and_utc(), months);
        if due.is_none_or(|due| now < due) {
            continue;
        }
        let cycle_id = cycle.id;
        let people = services
            .db
            .read(move |c| privacy::unerased(c, cycle_id))
            .await
            .context("listing registrations to purge")?;
        let nonces: Vec<(i32, String)> = people
            .into_iter()
            .map(|id| (id, crate::tokens::random(16)))
            .collect();
        let done = services
            .db
            .write(move |c| {
                if !privacy::claim_purge(c, cycle_id, now)? {
                    return Ok(None);
                }
                let mut erased = 0;
                for (id, nonce) in &nonces {
                    if privacy::erase(c, *id, ErasedBy::Retention, nonce, now)?.is_some() {
                        erased += 1;
                    }
                }
                Ok(Some(erased))
            })
            .await
            .with_context(|| format!("purging the personal data of cycle {cycle_id}"))?;
        if let Some(erased) = done {
            tracing::info!(
                cycle = cycle.slug,
                erased,
                retention_months = months,
                "retention period over: personal data erased"
            );
            purged += erased;
        }
    }
    Ok(purged)
}
