DROP FUNCTION IF EXISTS cohort_fold(text);
