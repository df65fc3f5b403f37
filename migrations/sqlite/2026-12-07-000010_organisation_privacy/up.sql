-- An organisation's own privacy notice (issue 11): its text and version.
-- Both empty: its cycles link to the installation's notice (/privacy) and
-- registrations store the installation's privacy_notice_version; set: they
-- link to /o/{slug}/privacy and store this version.
ALTER TABLE organisations ADD COLUMN privacy_notice TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN privacy_notice_version TEXT NOT NULL DEFAULT '';
