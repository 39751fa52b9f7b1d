-- A third home for an action: a meeting, for the actions arising there,
-- perhaps from one item of its agenda. meeting_id and agenda_item_id are
-- plain integers with no foreign key: plans migrates before meetings (whose
-- agenda items link to plans' records), so the meetings tables do not exist
-- when this runs. The meetings module writes only ids it has checked.
-- (SQLite's file makes the table again; PostgreSQL changes the CHECK in place.)
ALTER TABLE actions ADD COLUMN meeting_id BIGINT;
ALTER TABLE actions ADD COLUMN agenda_item_id BIGINT;
-- The unnamed home rule of 0001, as PostgreSQL named it.
ALTER TABLE actions DROP CONSTRAINT actions_check;
ALTER TABLE actions ADD CONSTRAINT actions_home CHECK (
    (objective_id IS NOT NULL AND plan_id IS NOT NULL AND recommendation_id IS NULL AND meeting_id IS NULL)
    OR (objective_id IS NULL AND plan_id IS NULL AND recommendation_id IS NOT NULL AND meeting_id IS NULL)
    OR (objective_id IS NULL AND plan_id IS NULL AND recommendation_id IS NULL AND meeting_id IS NOT NULL));
ALTER TABLE actions ADD CONSTRAINT actions_agenda_item_of_meeting CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL);
-- A meeting's actions in number order; numbers are unique within a meeting;
-- the actions arising from an agenda item.
CREATE INDEX actions_by_meeting ON actions (meeting_id, sort_key);
CREATE UNIQUE INDEX actions_meeting_numbers ON actions (meeting_id, number);
CREATE INDEX actions_by_agenda_item ON actions (agenda_item_id);
