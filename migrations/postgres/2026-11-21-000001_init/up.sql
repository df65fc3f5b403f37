-- PostgreSQL schema. Timestamps are UTC in TIMESTAMP (without time zone) columns, as on SQLite.
CREATE TABLE organisers (
    id SERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'organiser')),
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE cycles (
    id SERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    timezone TEXT NOT NULL,
    country TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    seats_taken INTEGER NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= capacity),
    registration_opens TIMESTAMP NOT NULL,
    registration_closes TIMESTAMP NOT NULL,
    waitlist BOOLEAN NOT NULL,
    require_email_confirmation BOOLEAN NOT NULL,
    hold_hours INTEGER NOT NULL,
    min_sessions INTEGER NOT NULL,
    published BOOLEAN NOT NULL,
    grant_title TEXT,
    grant_description TEXT,
    grant_apply_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id SERIAL PRIMARY KEY,
    cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online')),
    location TEXT,
    online_url TEXT,
    UNIQUE (cycle_id, position),
    CHECK (ends_at > starts_at)
);

CREATE TABLE registrations (
    id SERIAL PRIMARY KEY,
    cycle_id INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalised TEXT NOT NULL,
    phone TEXT NOT NULL,
    institution TEXT NOT NULL,
    institution_type TEXT NOT NULL CHECK (institution_type IN ('museum', 'library', 'archive', 'gallery', 'other')),
    position TEXT NOT NULL,
    region TEXT NOT NULL,
    country TEXT NOT NULL,
    language TEXT NOT NULL,
    consent_at TIMESTAMP NOT NULL,
    consent_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'expired')),
    token_nonce TEXT NOT NULL,
    registered_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    hold_expires_at TIMESTAMP,
    status_changed_at TIMESTAMP NOT NULL,
    UNIQUE (cycle_id, email_normalised)
);
-- Waitlist order and status filters.
CREATE INDEX registrations_by_status ON registrations (cycle_id, status, id);
CREATE INDEX registrations_hold ON registrations (status, hold_expires_at);

CREATE TABLE attendance (
    id SERIAL PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    present BOOLEAN NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('manual', 'checkin', 'import')),
    minutes INTEGER,
    recorded_by INTEGER REFERENCES organisers (id),
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (registration_id, session_id)
);
CREATE INDEX attendance_by_session ON attendance (session_id, present);

CREATE TABLE attendance_audit (
    id SERIAL PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    changed_by INTEGER REFERENCES organisers (id),
    changed_at TIMESTAMP NOT NULL,
    old_present BOOLEAN,
    new_present BOOLEAN NOT NULL,
    source TEXT NOT NULL,
    minutes INTEGER,
    note TEXT
);
CREATE INDEX attendance_audit_by_registration ON attendance_audit (registration_id, id);

CREATE TABLE outbox (
    id SERIAL PRIMARY KEY,
    registration_id INTEGER REFERENCES registrations (id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    dedupe_key TEXT UNIQUE,
    to_address TEXT NOT NULL,
    to_name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    ics TEXT,
    -- The door check-in link, drawn as a QR code image when the message is sent.
    checkin_url TEXT,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- An uploaded attendance report, kept between preview and apply (and as evidence).
CREATE TABLE attendance_imports (
    id SERIAL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    uploaded_by INTEGER REFERENCES organisers (id),
    filename TEXT NOT NULL,
    content BYTEA NOT NULL,
    uploaded_at TIMESTAMP NOT NULL,
    applied_at TIMESTAMP
);
