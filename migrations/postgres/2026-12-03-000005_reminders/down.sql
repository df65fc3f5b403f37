ALTER TABLE sessions DROP COLUMN reminded_for;
ALTER TABLE cycles DROP COLUMN reminder_hours_before;
