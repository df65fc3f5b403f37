ALTER TABLE organisations DROP COLUMN privacy_notice_version;
ALTER TABLE organisations DROP COLUMN privacy_notice;
