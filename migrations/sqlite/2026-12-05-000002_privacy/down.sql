DROP TABLE erasures;
ALTER TABLE cycles DROP COLUMN purged_at;
ALTER TABLE cycles DROP COLUMN retention_months;
ALTER TABLE registrations DROP COLUMN erased_at;
