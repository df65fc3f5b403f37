-- A cycle's own registration questions (issue 10): one row per question in
-- the cycle's order, its checked definition as JSON (key, kind, labels,
-- options), and each registration's answers as rows, so exports and erasure
-- reach them. (Not columns of `cycles`: that table is at diesel's 32.)
CREATE TABLE cycle_questions (
    cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question_key TEXT NOT NULL,
    definition TEXT NOT NULL,
    PRIMARY KEY (cycle_id, position),
    UNIQUE (cycle_id, question_key)
);
CREATE TABLE registration_answers (
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (registration_id, question_key)
);
