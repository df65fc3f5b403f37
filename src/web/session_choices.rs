//! Chosen sessions on the web (issue 10): the radio groups of the
//! registration form (one fieldset per slot of alternatives), and the
//! participant's form to change a choice. Radio value = the session's
//! position, field = `slot_{n}`; works without JavaScript.

use std::collections::BTreeMap;

use actix_session::Session as BrowserSession;
use actix_web::{web, HttpResponse};

use super::error::AppResult;
use super::flash;
use super::pages::see_other;
use super::AppState;
use crate::db::models::{offered_and_slots, Cycle, Registration, Session};
use crate::domain::tracks::{self, ChangeRefusal, Slot};
use crate::domain::FieldErrors;
use crate::i18n::Tr;

/// One session to choose in a slot.
pub struct ChoiceOption {
    /// The radio's `id` (the first one's is the slot's field, so the error
    /// summary's link lands on the group).
    pub input_id: String,
    pub position: i32,
    pub title: String,
    pub track: String,
    /// "5 places left", "full" or nothing (no own limit).
    pub seats: String,
    pub full: bool,
    pub checked: bool,
}

/// One slot of alternatives as a fieldset.
pub struct ChoiceSlot {
    pub field: String,
    /// The slot's day and time: the fieldset's legend.
    pub legend: String,
    pub error: String,
    pub options: Vec<ChoiceOption>,
    /// On the participant's page: the session chosen now (empty: none).
    pub chosen: String,
    /// On the participant's page: whether the choice may still change.
    pub can_change: bool,
}

fn option(t: &Tr, s: &Session, input_id: String, checked: bool) -> ChoiceOption {
    let offered = s.offered();
    ChoiceOption {
        input_id,
        position: s.position,
        title: s.title.clone(),
        track: s
            .track
            .as_deref()
            .map(|track| t.with_one("choice-track", "track", track))
            .unwrap_or_default(),
        seats: match offered.seats_left() {
            Some(0) => t.text("choice-full-label"),
            Some(n) => t.count("seats-left", i64::from(n)),
            None => String::new(),
        },
        full: offered.is_full(),
        checked,
    }
}

fn legend(t: &Tr, cycle: &Cycle, slot: &Slot) -> String {
    t.with_one(
        "choice-slot-legend",
        "when",
        &t.span(slot.starts, slot.ends, cycle.tz()),
    )
}

/// The registration form's fieldsets; `typed` holds what was sent.
pub fn form_slots(
    t: &Tr,
    cycle: &Cycle,
    sessions: &[Session],
    typed: &BTreeMap<String, String>,
    errors: &FieldErrors,
) -> Vec<ChoiceSlot> {
    let (_, slots) = offered_and_slots(sessions);
    slots
        .iter()
        .map(|slot| {
            let field = slot.field();
            let picked = typed.get(&field).map(String::as_str).unwrap_or_default();
            ChoiceSlot {
                legend: legend(t, cycle, slot),
                error: errors.get(&field).map(|k| t.text(k)).unwrap_or_default(),
                options: sessions
                    .iter()
                    .filter(|s| slot.contains(s.id))
                    .enumerate()
                    .map(|(i, s)| {
                        let id = if i == 0 {
                            field.clone()
                        } else {
                            format!("{field}-{}", s.position)
                        };
                        option(t, s, id, picked == s.position.to_string())
                    })
                    .collect(),
                chosen: String::new(),
                can_change: false,
                field,
            }
        })
        .collect()
}

/// The chosen session ids from a registration form; a problem per slot goes
/// into `errors` (`slot_{n}`), in slot order.
pub fn parse(
    sessions: &[Session],
    typed: &BTreeMap<String, String>,
    errors: &mut FieldErrors,
) -> Vec<i32> {
    let (offered, slots) = offered_and_slots(sessions);
    let picked: BTreeMap<u32, i32> = slots
        .iter()
        .filter_map(|slot| {
            let position: i32 = typed.get(&slot.field())?.trim().parse().ok()?;
            let session = sessions.iter().find(|s| s.position == position)?;
            Some((slot.number, session.id))
        })
        .collect();
    match tracks::check_choices(&offered, &slots, &picked) {
        Ok(chosen) => chosen,
        Err(problems) => {
            for (number, problem) in problems {
                errors.add(&format!("slot_{number}"), problem.key());
            }
            Vec::new()
        }
    }
}

/// The slot field of a session that was full when the seat was taken.
pub fn field_of(sessions: &[Session], session_id: i32) -> Option<String> {
    let (_, slots) = offered_and_slots(sessions);
    tracks::slot_of(&slots, session_id).map(Slot::field)
}

/// Only the slot fields, each cut to a sane length, kept for the form.
pub fn kept(typed: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    typed
        .iter()
        .filter(|(k, _)| k.starts_with("slot_") && k.len() < 12)
        .map(|(k, v)| (k.clone(), v.chars().take(6).collect()))
        .collect()
}

/// The admin form's session capacity as typed: empty is none; anything
/// that is not a number is out of range (the cycle file's check says so).
pub fn typed_capacity(typed: &str) -> Option<i64> {
    match typed.trim() {
        "" => None,
        n => Some(n.parse().unwrap_or(-1)),
    }
}

/// The participant's slots with their choice and what they may change to.
pub fn participant_slots(
    t: &Tr,
    cycle: &Cycle,
    reg: &Registration,
    all: &[Session],
    chosen: &[i32],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<ChoiceSlot> {
    let status = reg.status();
    if !(status.holds_seat() || status == crate::domain::Status::Waitlisted) {
        return Vec::new();
    }
    let (offered, slots) = offered_and_slots(all);
    slots
        .iter()
        .map(|slot| {
            let field = slot.field();
            let old = offered
                .iter()
                .find(|o| slot.contains(o.id) && chosen.contains(&o.id));
            let options: Vec<ChoiceOption> = all
                .iter()
                .filter(|s| slot.contains(s.id))
                .map(|s| {
                    let mut o = option(
                        t,
                        s,
                        format!("{field}-{}", s.position),
                        chosen.contains(&s.id),
                    );
                    // What cannot be chosen now is shown, not offered.
                    o.full =
                        tracks::may_change(&slots, old, &s.offered(), now).is_err() && !o.checked;
                    o
                })
                .collect();
            ChoiceSlot {
                legend: legend(t, cycle, slot),
                error: String::new(),
                chosen: old
                    .and_then(|o| all.iter().find(|s| s.id == o.id))
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
                can_change: options.iter().any(|o| !o.full && !o.checked),
                options,
                field,
            }
        })
        .collect()
}

#[derive(serde::Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    session: String,
}

/// POST `/r/{token}/sessions`: the participant moves to another session of
/// a slot; the page says what happened.
pub async fn change(
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<ChangeForm>,
    session: BrowserSession,
) -> AppResult<HttpResponse> {
    let token = path.into_inner();
    let found = super::participant::find(&state, &token).await?;
    // The button with no session ticked (a slot with no choice yet sends
    // none) asks to choose; anything else that is no position of this
    // cycle is no session to choose. The page says so either way.
    let typed = form.session.trim();
    let notice = if typed.is_empty() {
        "choice-missing"
    } else if let Ok(position) = typed.parse::<i32>() {
        match crate::app::tracks::change_choice(
            &state.services,
            found.reg.id,
            found.cycle.id,
            position,
        )
        .await?
        {
            Ok(true) => "notice-choice-changed",
            Ok(false) => "notice-choice-unchanged",
            Err(refusal) => refusal.key(),
        }
    } else {
        ChangeRefusal::NotAChoice.key()
    };
    flash::set(&session, notice);
    Ok(see_other(&format!("/r/{token}")))
}
