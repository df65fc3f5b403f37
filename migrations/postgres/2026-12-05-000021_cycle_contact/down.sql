ALTER TABLE cycles DROP COLUMN contact_phone;
ALTER TABLE cycles DROP COLUMN contact_email;
ALTER TABLE cycles DROP COLUMN audience;
