//! Statements of the rush written out by hand, so that the connection
//! prepares each once and keeps it. diesel prepares every `UPDATE` afresh (a
//! changeset's shape may vary between calls), which on PostgreSQL costs a
//! round trip to parse and a plan each time — while the cycle's lock is held.

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Integer};
use diesel::{QueryResult, RunQueryDsl};

use super::schema::cycles;

/// `UPDATE cycles SET seats_taken = seats_taken + 1 WHERE id = ? AND
/// seats_taken < capacity RETURNING <every column>`: `cycles::lock_taking_seat`.
#[derive(QueryId)]
pub struct TakeSeatReturningCycle {
    pub cycle_id: i32,
}

impl<DB> QueryFragment<DB> for TakeSeatReturningCycle
where
    DB: Backend + HasSqlType<Integer>,
    i32: ToSql<Integer, DB>,
    <cycles::table as diesel::Table>::AllColumns: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        let columns: &'static <cycles::table as diesel::Table>::AllColumns = &cycles::all_columns;
        out.push_sql("UPDATE cycles SET seats_taken = seats_taken + 1 WHERE id = ");
        out.push_bind_param::<Integer, i32>(&self.cycle_id)?;
        out.push_sql(" AND seats_taken < capacity RETURNING ");
        columns.walk_ast(out.reborrow())
    }
}

impl Query for TakeSeatReturningCycle {
    type SqlType = <<cycles::table as diesel::Table>::AllColumns as diesel::Expression>::SqlType;
}

impl<Conn> RunQueryDsl<Conn> for TakeSeatReturningCycle {}
