-- Organisations (issue 10): an association owns cycles; its organisers manage
-- only those; its name and sender are what participants see (issue 11).
CREATE TABLE organisations (
    id SERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- Shown as the site's name on its cycles' pages (empty: the name).
    site_name TEXT NOT NULL DEFAULT '',
    -- Mail about its cycles comes From this (empty: the installation's mail_from).
    mail_from_name TEXT NOT NULL DEFAULT '',
    mail_from_address TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE organiser_organisations (
    organiser_id INTEGER NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    PRIMARY KEY (organiser_id, organisation_id)
);

-- The owner of a cycle (none: kept by administrators, outside every
-- organisation). A table of its own rather than a column: diesel's tables
-- stop at 32 columns and `cycles` has them all.
CREATE TABLE cycle_owners (
    cycle_id INTEGER PRIMARY KEY NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id)
);
CREATE INDEX cycle_owners_organisation ON cycle_owners (organisation_id);

-- Other organisations that run the cycle with the owner, shown on its page.
CREATE TABLE cycle_co_organisers (
    cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (cycle_id, organisation_id)
);

-- Partners named in free text (museums, funders) shown on the cycle's page.
CREATE TABLE cycle_partners (
    cycle_id INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (cycle_id, position)
);

-- An installation that already runs cycles keeps working as it did: one
-- organisation ("main", named "Cohort", the name its pages showed) owns every
-- existing cycle and every existing organiser belongs to it. Rename it with
-- `cohort organisation add --slug main --name "…"`.
INSERT INTO organisations (slug, name, created_at)
SELECT 'main', 'Cohort', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM cycles);
INSERT INTO cycle_owners (cycle_id, organisation_id)
SELECT c.id, g.id FROM cycles c, organisations g WHERE g.slug = 'main';
INSERT INTO organiser_organisations (organiser_id, organisation_id)
SELECT o.id, g.id FROM organisers o, organisations g WHERE g.slug = 'main';
