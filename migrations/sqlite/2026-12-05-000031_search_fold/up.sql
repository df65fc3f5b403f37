-- SQLite's cohort_fold() is registered from Rust on every connection
-- (src/db/mod.rs); the version exists so both folders stay in step.
SELECT 1;
