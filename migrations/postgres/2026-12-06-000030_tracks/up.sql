-- Tracks and chosen sessions (issue 10). Same-time sessions of different
-- tracks are alternatives; a session may have its own capacity, and
-- `seats_taken` counts the choices of seat holders, changed only under the
-- cycle's lock like the cycle's own seats (the CHECK is the database's guard).
ALTER TABLE sessions ADD COLUMN track TEXT;
ALTER TABLE sessions ADD COLUMN capacity INTEGER CHECK (capacity IS NULL OR capacity >= 1);
ALTER TABLE sessions ADD COLUMN seats_taken INTEGER NOT NULL DEFAULT 0
    CHECK (seats_taken >= 0 AND (capacity IS NULL OR seats_taken <= capacity));
-- A participant's choice; `holds_seat` is false while they wait for a
-- cycle seat (a waitlisted choice takes no session seat until promoted).
CREATE TABLE session_choices (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    holds_seat BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (registration_id, session_id)
);
CREATE INDEX session_choices_session ON session_choices (session_id);
