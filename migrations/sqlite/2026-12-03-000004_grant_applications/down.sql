DROP TABLE certificates;
DROP TABLE grant_audit;
DROP TABLE grant_attachments;
DROP TABLE grant_applications;
ALTER TABLE cycles DROP COLUMN certificate;
ALTER TABLE cycles DROP COLUMN grant_decisions_by;
ALTER TABLE cycles DROP COLUMN grant_max_cents;
