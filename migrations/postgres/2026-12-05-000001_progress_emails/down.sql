ALTER TABLE sessions DROP COLUMN progress_told_at;
ALTER TABLE registrations DROP COLUMN progress_emails;
ALTER TABLE cycles DROP COLUMN progress_emails;
