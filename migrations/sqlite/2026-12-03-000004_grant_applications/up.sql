-- The grant call's maximum and decision date, and whether meeting the rule
-- earns a certificate (issue 8).
ALTER TABLE cycles ADD COLUMN grant_max_cents INTEGER;
ALTER TABLE cycles ADD COLUMN grant_decisions_by TIMESTAMP;
ALTER TABLE cycles ADD COLUMN certificate BOOLEAN NOT NULL DEFAULT FALSE;

-- One application per registration: the unique key is what makes two
-- submits at once end in one application.
CREATE TABLE grant_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    partners TEXT NOT NULL,
    amount_cents INTEGER,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP,
    decided_at TIMESTAMP,
    decided_by INTEGER REFERENCES organisers (id) ON DELETE SET NULL,
    granted_cents INTEGER,
    decision_comment TEXT
);

-- The PDF apart from the row, so lists never read megabytes.
CREATE TABLE grant_attachments (
    application_id INTEGER PRIMARY KEY NOT NULL REFERENCES grant_applications (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TIMESTAMP NOT NULL
);

-- Every submission and decision, with who and when.
CREATE TABLE grant_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    application_id INTEGER NOT NULL REFERENCES grant_applications (id) ON DELETE CASCADE,
    changed_by INTEGER REFERENCES organisers (id) ON DELETE SET NULL,
    changed_at TIMESTAMP NOT NULL,
    new_status TEXT NOT NULL,
    amount_cents INTEGER,
    comment TEXT
);
CREATE INDEX grant_audit_by_application ON grant_audit (application_id);

-- A certificate's verification code, issued once when first opened.
CREATE TABLE certificates (
    code TEXT PRIMARY KEY NOT NULL,
    registration_id INTEGER NOT NULL UNIQUE REFERENCES registrations (id) ON DELETE CASCADE,
    issued_at TIMESTAMP NOT NULL
);
