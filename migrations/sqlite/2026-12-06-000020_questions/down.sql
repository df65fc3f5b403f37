DROP TABLE registration_answers;
DROP TABLE cycle_questions;
