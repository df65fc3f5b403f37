-- The participant's data rights (issue 11): a participant may have their
-- personal data erased; a cycle may keep personal data only for a set number
-- of months after its last session, then a scheduled task erases it. What
-- was erased, when and why is recorded; counts for statistics and grant
-- audits (status, attendance, amounts) stay.
ALTER TABLE registrations ADD COLUMN erased_at TIMESTAMP;
ALTER TABLE cycles ADD COLUMN retention_months INTEGER;
ALTER TABLE cycles ADD COLUMN purged_at TIMESTAMP;
CREATE TABLE erasures (
    id SERIAL PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    cycle_id INTEGER NOT NULL REFERENCES cycles (id),
    erased_at TIMESTAMP NOT NULL,
    erased_by TEXT NOT NULL CHECK (erased_by IN ('participant', 'retention')),
    details TEXT NOT NULL
);
CREATE INDEX erasures_cycle ON erasures (cycle_id);
