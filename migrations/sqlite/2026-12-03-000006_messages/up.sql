-- An organiser's message to a group of a cycle's people (issue 9). The
-- outbox holds one row per recipient, linked here, so the sent list shows
-- what reached whom. `send_key` comes from the preview page: pressing Send
-- twice (or replaying the form) sends one message.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    audience TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_by INTEGER REFERENCES organisers (id) ON DELETE SET NULL,
    sent_at TIMESTAMP NOT NULL,
    recipients INTEGER NOT NULL,
    send_key TEXT NOT NULL UNIQUE
);
CREATE INDEX messages_cycle ON messages (cycle_id);
ALTER TABLE outbox ADD COLUMN message_id INTEGER REFERENCES messages (id) ON DELETE CASCADE;
CREATE INDEX outbox_message ON outbox (message_id);
