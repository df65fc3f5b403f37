-- Reminders before each session (issue 9): the cycle's rule (NULL = the
-- day before at 10:00, 0 = off, else hours before), and for each session
-- the start time its reminders were written for. Setting it is a
-- conditional update, so with several server processes one of them writes
-- a session's reminders; a moved session (a new start) is reminded again.
ALTER TABLE cycles ADD COLUMN reminder_hours_before INTEGER;
ALTER TABLE sessions ADD COLUMN reminded_for TIMESTAMP;
