-- People who can sign in, and the roles they hold in which scopes.
-- email_key is the lower-cased email: emails are unique case-insensitively.
CREATE TABLE users (
    id {{identity}},
    email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    email_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    totp_secret TEXT,
    totp_last_step BIGINT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}})
);

CREATE TABLE user_grants (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    scope TEXT NOT NULL,
    granted_at TEXT NOT NULL DEFAULT ({{now}}),
    PRIMARY KEY (user_id, role, scope)
);

-- One-time links to set a first password; only the hash of the link is kept.
CREATE TABLE setup_links (
    id {{identity}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    link_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX setup_links_by_user ON setup_links (user_id);

-- Single-use recovery codes for the second factor, stored hashed.
CREATE TABLE recovery_codes (
    id {{identity}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL UNIQUE,
    used_at TEXT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
