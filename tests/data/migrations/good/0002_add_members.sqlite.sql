-- SQLite numbers an INTEGER PRIMARY KEY by itself.
CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL
);
CREATE TABLE dialect (name TEXT NOT NULL);
INSERT INTO dialect (name) VALUES ('sqlite');
