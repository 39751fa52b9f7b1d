-- Server-side sessions. The cookie holds a 256-bit random id; only its hash
-- is stored. stage 'password' means the second factor is still due.
CREATE TABLE sessions (
    id {{identity}},
    id_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    stage TEXT NOT NULL CHECK (stage IN ('password', 'full')),
    csrf_token TEXT NOT NULL,
    pending_totp_secret TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT,
    ended_reason TEXT,
    remote TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions (user_id, ended_at);

-- Bearer tokens for scripts, acting with their user's permissions.
CREATE TABLE api_tokens (
    id {{identity}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- Sign-in attempts, for throttling by account and by client address. The
-- audit log keeps the permanent record; rows here older than a day are pruned.
CREATE TABLE sign_in_attempts (
    id {{identity}},
    at TEXT NOT NULL,
    email_key TEXT NOT NULL,
    remote TEXT NOT NULL,
    succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX sign_in_attempts_by_email ON sign_in_attempts (email_key, at);
CREATE INDEX sign_in_attempts_by_remote ON sign_in_attempts (remote, at);
-- Each attempt prunes rows older than a day.
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);
