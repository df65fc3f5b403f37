-- The outbox records what to send (the notice and its parameters, as JSON),
-- not the rendered email: the mail worker renders it at send time in the
-- participant's language, outside any write transaction.
ALTER TABLE outbox ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
UPDATE outbox SET params = '{"kind":"' || kind || '"}' WHERE kind <> 'waitlisted';
-- A waitlist notice not sent yet names the place the person holds now.
UPDATE outbox SET params = '{"kind":"waitlisted","position":' || COALESCE((
    SELECT COUNT(*) FROM registrations waiting
    JOIN registrations r ON waiting.cycle_id = r.cycle_id
    WHERE r.id = outbox.registration_id AND waiting.status = 'waitlisted' AND waiting.id <= r.id
), 0) || '}' WHERE kind = 'waitlisted';
ALTER TABLE outbox DROP COLUMN to_address;
ALTER TABLE outbox DROP COLUMN to_name;
ALTER TABLE outbox DROP COLUMN subject;
ALTER TABLE outbox DROP COLUMN body_text;
ALTER TABLE outbox DROP COLUMN body_html;
ALTER TABLE outbox DROP COLUMN ics;
ALTER TABLE outbox DROP COLUMN checkin_url;
