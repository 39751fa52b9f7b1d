-- A third home for an action: a meeting, for the actions arising there,
-- perhaps from one item of its agenda. meeting_id and agenda_item_id are
-- plain integers with no foreign key: plans migrates before meetings (whose
-- agenda items link to plans' records), so the meetings tables do not exist
-- when this runs. The meetings module writes only ids it has checked.
--
-- SQLite cannot change a CHECK constraint in place, so the table is made
-- again with the new home rule and its rows copied back, ids kept. The
-- tables that refer to actions are checked when the migration commits
-- (defer_foreign_keys), by when every row they refer to is back.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE actions_before_meetings AS SELECT * FROM actions;
DROP TABLE actions;
CREATE TABLE actions (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    plan_id BIGINT REFERENCES plans (id),
    objective_id BIGINT REFERENCES plan_objectives (id),
    recommendation_id BIGINT REFERENCES recommendations (id),
    number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
    sort_key TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
    required TEXT NOT NULL DEFAULT '' CHECK (length(required) <= 10000),
    outcome TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 10000),
    timescale TEXT NOT NULL DEFAULT '' CHECK (length(timescale) <= 1000),
    target_date TEXT,
    responsibility TEXT NOT NULL DEFAULT '' CHECK (length(responsibility) <= 1000),
    status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track',
                                                               'complete', 'superseded')),
    rag TEXT CHECK (rag IN ('red', 'amber', 'green')),
    operational_lead_id BIGINT REFERENCES people (id),
    senior_lead_id BIGINT REFERENCES people (id),
    achievement TEXT NOT NULL DEFAULT '' CHECK (length(achievement) <= 10000),
    issues_for_revised_plan TEXT NOT NULL DEFAULT '' CHECK (length(issues_for_revised_plan) <= 10000),
    carried_from_id BIGINT REFERENCES actions (id),
    first_due_on TEXT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    meeting_id BIGINT,
    agenda_item_id BIGINT,
    CONSTRAINT actions_home CHECK (
        (objective_id IS NOT NULL AND plan_id IS NOT NULL AND recommendation_id IS NULL AND meeting_id IS NULL)
        OR (objective_id IS NULL AND plan_id IS NULL AND recommendation_id IS NOT NULL AND meeting_id IS NULL)
        OR (objective_id IS NULL AND plan_id IS NULL AND recommendation_id IS NULL AND meeting_id IS NOT NULL)),
    CONSTRAINT actions_agenda_item_of_meeting CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL),
    UNIQUE (plan_id, number),
    UNIQUE (recommendation_id, number)
);
INSERT INTO actions (id, partnership_id, plan_id, objective_id, recommendation_id, number, sort_key, title, required,
                     outcome, timescale, target_date, responsibility, status, rag, operational_lead_id,
                     senior_lead_id, achievement, issues_for_revised_plan, carried_from_id, first_due_on, created_at,
                     updated_at)
SELECT id, partnership_id, plan_id, objective_id, recommendation_id, number, sort_key, title, required, outcome,
       timescale, target_date, responsibility, status, rag, operational_lead_id, senior_lead_id, achievement,
       issues_for_revised_plan, carried_from_id, first_due_on, created_at, updated_at
FROM actions_before_meetings;
DROP TABLE actions_before_meetings;
CREATE INDEX actions_by_plan ON actions (plan_id, sort_key);
CREATE INDEX actions_by_objective ON actions (objective_id, sort_key);
CREATE INDEX actions_by_recommendation ON actions (recommendation_id, sort_key);
CREATE INDEX actions_by_partnership_status ON actions (partnership_id, status);
CREATE INDEX actions_by_first_due ON actions (partnership_id, first_due_on);
CREATE INDEX actions_by_carried_from ON actions (carried_from_id);
CREATE INDEX actions_by_operational_lead ON actions (operational_lead_id);
CREATE INDEX actions_by_senior_lead ON actions (senior_lead_id);
-- A meeting's actions in number order; numbers are unique within a meeting;
-- the actions arising from an agenda item.
CREATE INDEX actions_by_meeting ON actions (meeting_id, sort_key);
CREATE UNIQUE INDEX actions_meeting_numbers ON actions (meeting_id, number);
CREATE INDEX actions_by_agenda_item ON actions (agenda_item_id);
