-- Which server process holds a claim, so a restarted process can release its
-- own claims at once instead of waiting for them to run out.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
