DROP TABLE organiser_sessions;
