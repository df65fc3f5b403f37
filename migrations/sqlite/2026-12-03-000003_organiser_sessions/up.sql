-- Organiser sessions live here, not only in the cookie: logging out (or out
-- everywhere) ends a session at once on every server process, and a copied
-- cookie stops working with it. Only a hash of the session token is kept.
CREATE TABLE organiser_sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    organiser_id INTEGER NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX organiser_sessions_by_organiser ON organiser_sessions (organiser_id);
