-- PostgreSQL needs an identity column to number rows.
CREATE TABLE members (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    name TEXT NOT NULL
);
CREATE TABLE dialect (name TEXT NOT NULL);
INSERT INTO dialect (name) VALUES ('postgresql');
