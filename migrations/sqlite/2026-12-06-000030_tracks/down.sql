DROP TABLE session_choices;
ALTER TABLE sessions DROP COLUMN seats_taken;
ALTER TABLE sessions DROP COLUMN capacity;
ALTER TABLE sessions DROP COLUMN track;
