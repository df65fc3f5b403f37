-- Schedule changes (issue 9). A session's `sequence` grows with every
-- change of its time, place or link, so calendar clients update the event
-- (same UID, higher SEQUENCE) instead of adding a second one. Each change
-- keeps what the session was before it, so the email can say old → new;
-- the new values are read from the session when the email is sent.
ALTER TABLE sessions ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
CREATE TABLE session_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    old_starts_at TIMESTAMP NOT NULL,
    old_ends_at TIMESTAMP NOT NULL,
    old_mode TEXT NOT NULL,
    old_location TEXT,
    old_online_url TEXT,
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX session_changes_session ON session_changes (session_id);
