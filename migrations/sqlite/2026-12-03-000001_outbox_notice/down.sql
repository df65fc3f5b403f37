-- Rendered text cannot be recovered from a notice; unsent rows come back empty.
ALTER TABLE outbox ADD COLUMN to_address TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN to_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN subject TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN ics TEXT;
ALTER TABLE outbox ADD COLUMN checkin_url TEXT;
ALTER TABLE outbox DROP COLUMN params;
