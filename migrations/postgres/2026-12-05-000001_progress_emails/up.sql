-- After each session, participants who have not yet earned the cycle's
-- outcome hear where they stand (issue 9). A cycle can turn these emails
-- off, a participant can stop them from their page. Setting a session's
-- `progress_told_at` is a conditional update, so with several server
-- processes one of them writes those emails.
ALTER TABLE cycles ADD COLUMN progress_emails BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE registrations ADD COLUMN progress_emails BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE sessions ADD COLUMN progress_told_at TIMESTAMP;
