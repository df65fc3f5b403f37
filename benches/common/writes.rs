//! What a registration writes, for the benchmarks that measure it without
//! the app around it, and the existing rows of the growth runs.

use chrono::{DateTime, Utc};
use cohort::db::registrations::Applicant;
use cohort::db::schema::{cycles as cycles_t, outbox, registrations as regs_t};
use cohort::db::{to_db, AnyConnection, Db, DbResult};
use cohort::domain::{Email, InstitutionType, Language};
use diesel::prelude::*;

use super::{create_cycle, exec, registration_now, series, ts, Backend};

/// A registrant: the same but for the address (`{tag}-{i}@muzejs.lv`) and last name.
pub fn applicant(tag: &str, i: usize) -> Applicant {
    Applicant {
        first_name: "Dalībnieks".into(),
        last_name: format!("Nr{i}"),
        email: Email::parse(&format!("{tag}-{i}@muzejs.lv")).expect("email"),
        phone: String::new(),
        institution: "Talsu novada muzejs".into(),
        institution_type: InstitutionType::Museum,
        position: "Krājuma glabātāja".into(),
        region: "Talsu novads".into(),
        country: "LV".into(),
        language: Language::Lv,
        consent_version: "2026-11".into(),
        answers: Vec::new(),
    }
}

/// Only the three statements: conditional seat update, registration insert,
/// outbox insert (the notice, as the app writes it).
pub fn bare_register(
    c: &mut AnyConnection,
    cycle_id: i32,
    who: &Applicant,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let grabbed = diesel::update(cycles_t::table.find(cycle_id))
        .filter(cycles_t::seats_taken.lt(cycles_t::capacity))
        .set(cycles_t::seats_taken.eq(cycles_t::seats_taken + 1))
        .execute(c)?
        == 1;
    let status = if grabbed { "pending" } else { "waitlisted" };
    let id: i32 = diesel::insert_into(regs_t::table)
        .values((
            regs_t::cycle_id.eq(cycle_id),
            regs_t::first_name.eq(&who.first_name),
            regs_t::last_name.eq(&who.last_name),
            regs_t::email.eq(who.email.as_str()),
            regs_t::email_normalised.eq(who.email.normalised()),
            regs_t::phone.eq(&who.phone),
            regs_t::institution.eq(&who.institution),
            regs_t::institution_type.eq(who.institution_type.as_str()),
            regs_t::position.eq(&who.position),
            regs_t::region.eq(&who.region),
            regs_t::country.eq(&who.country),
            regs_t::language.eq(who.language.as_str()),
            regs_t::consent_at.eq(to_db(now)),
            regs_t::consent_version.eq(&who.consent_version),
            regs_t::status.eq(status),
            regs_t::token_nonce.eq(nonce),
            regs_t::registered_at.eq(to_db(now)),
            regs_t::confirmed_at.eq(None::<chrono::NaiveDateTime>),
            regs_t::hold_expires_at.eq(grabbed.then(|| to_db(now + chrono::Duration::hours(48)))),
            regs_t::status_changed_at.eq(to_db(now)),
        ))
        .returning(regs_t::id)
        .get_result(c)?;
    diesel::insert_into(outbox::table)
        .values((
            outbox::registration_id.eq(Some(id)),
            outbox::kind.eq(if grabbed { "seated" } else { "waitlisted" }),
            outbox::params.eq(if grabbed {
                r#"{"kind":"seated"}"#
            } else {
                r#"{"kind":"waitlisted","position":1}"#
            }),
            outbox::dedupe_key.eq(None::<String>),
            outbox::created_at.eq(to_db(now)),
            outbox::next_attempt_at.eq(to_db(now)),
        ))
        .execute(c)?;
    Ok(grabbed)
}

/// `rows` registrations spread over ten other cycles, each with its sent
/// outbox row, inserted set-wise by the database.
pub fn prefill(db: &Db, backend: Backend, rows: u64) {
    if rows == 0 {
        return;
    }
    let now = registration_now();
    db.write_now(|c| {
        let ids: Vec<i32> = (0..10)
            .map(|k| create_cycle(c, &format!("old-{k}"), 100_000, true, now).map(|cy| cy.id))
            .collect::<DbResult<_>>()?;
        assert!(
            ids.windows(2).all(|w| w[1] == w[0] + 1),
            "consecutive cycle ids"
        );
        let base = ids[0];
        exec(
            c,
            &format!(
                "INSERT INTO registrations (cycle_id, first_name, last_name, email, \
                 email_normalised, phone, institution, institution_type, position, region, \
                 country, language, consent_at, consent_version, status, token_nonce, \
                 registered_at, confirmed_at, hold_expires_at, status_changed_at) \
                 SELECT {base} + (i % 10), 'Vārds', 'Uzvārds' || i, 'old' || i || '@muzejs.lv', \
                 'old' || i || '@muzejs.lv', '', 'Muzejs ' || (i % 500), 'museum', \
                 'Krājuma glabātāja', 'Rīga', 'LV', 'lv', {t}, '2026-11', \
                 CASE WHEN i % 10 < 7 THEN 'confirmed' WHEN i % 10 < 9 THEN 'waitlisted' \
                 ELSE 'cancelled' END, 'nonce' || i, {t}, {t}, NULL, {t} FROM {src}",
                t = ts("2023-10-01 10:00:00"),
                src = series(backend, rows),
            ),
        )?;
        exec(
            c,
            &format!(
                "INSERT INTO outbox (registration_id, kind, params, dedupe_key, created_at, \
                 attempts, next_attempt_at, claimed_until, sent_at, last_error) \
                 SELECT id, 'seated', '{{\"kind\":\"seated\"}}', NULL, {t}, 1, {t}, NULL, {t}, NULL \
                 FROM registrations WHERE cycle_id BETWEEN {base} AND {last}",
                t = ts("2023-10-01 10:00:05"),
                last = base + 9,
            ),
        )?;
        Ok(())
    })
    .expect("prefill");
}
