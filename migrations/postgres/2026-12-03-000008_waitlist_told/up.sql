-- When a cycle's first session starts, promotion from the waiting list
-- stops (issue 9): everyone still waiting is told once that no seat became
-- free. Setting this is a conditional update, so with several server
-- processes one of them writes those emails.
ALTER TABLE cycles ADD COLUMN waitlist_told_at TIMESTAMP;
