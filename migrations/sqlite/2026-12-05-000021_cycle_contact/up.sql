-- Who a cycle is for (the summary at the top of its page) and whom to ask
-- (shown on the page and in the cancellation email; empty = the sender
-- address) (issue 11).
ALTER TABLE cycles ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE cycles ADD COLUMN contact_email TEXT NOT NULL DEFAULT '';
ALTER TABLE cycles ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
