//! A cycle's own questions (one row each, in order) and the answers to
//! them (one row per registration and question).

use std::collections::HashMap;

use diesel::prelude::*;

use super::schema::{cycle_questions, registration_answers, registrations};
use super::{AnyConnection, DbError, DbResult};
use crate::domain::questions::{self, Answer, Question, Questions};

/// Sets a cycle's questions (in the caller's transaction, with the cycle).
/// Answers stay by key: a question asked again later finds them.
pub fn replace_questions(
    conn: &mut AnyConnection,
    cycle_id: i32,
    list: &[Question],
) -> DbResult<()> {
    diesel::delete(cycle_questions::table.filter(cycle_questions::cycle_id.eq(cycle_id)))
        .execute(conn)?;
    for (i, q) in list.iter().enumerate() {
        diesel::insert_into(cycle_questions::table)
            .values((
                cycle_questions::cycle_id.eq(cycle_id),
                cycle_questions::position.eq(i as i32 + 1),
                cycle_questions::question_key.eq(&q.key),
                cycle_questions::definition.eq(questions::to_json(std::slice::from_ref(q))),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// A cycle's questions in order. A stored definition that is not a valid
/// question is an error, never skipped.
pub fn questions_of(conn: &mut AnyConnection, cycle_id: i32) -> DbResult<Questions> {
    let stored: Vec<String> = cycle_questions::table
        .filter(cycle_questions::cycle_id.eq(cycle_id))
        .order(cycle_questions::position.asc())
        .select(cycle_questions::definition)
        .load(conn)?;
    let mut list = Vec::new();
    for text in stored {
        let one = questions::from_json(&text)
            .map_err(|_| DbError::Invariant("a stored question is valid"))?;
        list.extend(one);
    }
    Ok(Questions(list))
}

/// Writes a new registration's answers, in the caller's transaction (one
/// row at a time: the shared connection type has no multi-row insert).
pub fn save(conn: &mut AnyConnection, registration_id: i32, answers: &[Answer]) -> DbResult<()> {
    for a in answers {
        diesel::insert_into(registration_answers::table)
            .values((
                registration_answers::registration_id.eq(registration_id),
                registration_answers::question_key.eq(&a.key),
                registration_answers::value.eq(&a.value),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// One registration's answers as (question key, stored value).
pub fn of_registration(
    conn: &mut AnyConnection,
    registration_id: i32,
) -> DbResult<Vec<(String, String)>> {
    Ok(registration_answers::table
        .filter(registration_answers::registration_id.eq(registration_id))
        .order(registration_answers::question_key.asc())
        .select((
            registration_answers::question_key,
            registration_answers::value,
        ))
        .load(conn)?)
}

/// Every answer in a cycle, by registration id, in one query.
pub fn of_cycle(
    conn: &mut AnyConnection,
    cycle_id: i32,
) -> DbResult<HashMap<i32, HashMap<String, String>>> {
    let rows: Vec<(i32, String, String)> = registration_answers::table
        .inner_join(registrations::table)
        .filter(registrations::cycle_id.eq(cycle_id))
        .select((
            registration_answers::registration_id,
            registration_answers::question_key,
            registration_answers::value,
        ))
        .load(conn)?;
    let mut by_registration: HashMap<i32, HashMap<String, String>> = HashMap::new();
    for (id, key, value) in rows {
        by_registration.entry(id).or_default().insert(key, value);
    }
    Ok(by_registration)
}

/// Erases one registration's answers (they may name or describe the person);
/// returns how many there were.
pub fn erase(conn: &mut AnyConnection, registration_id: i32) -> DbResult<usize> {
    Ok(diesel::delete(
        registration_answers::table
            .filter(registration_answers::registration_id.eq(registration_id)),
    )
    .execute(conn)?)
}
