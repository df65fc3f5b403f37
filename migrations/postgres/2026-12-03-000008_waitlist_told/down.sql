ALTER TABLE cycles DROP COLUMN waitlist_told_at;
