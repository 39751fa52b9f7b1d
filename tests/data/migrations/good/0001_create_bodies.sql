-- Runs unchanged on both backends.
CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
