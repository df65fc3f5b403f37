DROP INDEX outbox_message;
ALTER TABLE outbox DROP COLUMN message_id;
DROP TABLE messages;
