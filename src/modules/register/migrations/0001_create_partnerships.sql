-- The partnerships this instance hosts. Ids are opaque to API clients.
CREATE TABLE partnerships (
    id {{identity}},
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at TEXT NOT NULL DEFAULT ({{now}})
);
