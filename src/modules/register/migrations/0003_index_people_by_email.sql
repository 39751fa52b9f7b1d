-- A signed-in user is found in the register by e-mail address (reminders).
CREATE INDEX people_by_email ON people (lower(email));
