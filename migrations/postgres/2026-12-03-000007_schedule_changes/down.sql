DROP TABLE session_changes;
ALTER TABLE sessions DROP COLUMN sequence;
