-- Business plans and the recommendations register, on one action engine.
-- An action's home is an objective of a plan or a recommendation. Dates are
-- YYYY-MM-DD text; codes are checked against the closed lists of
-- vocabulary.hpp. Progress updates and reviews are kept: nothing is deleted.
CREATE TABLE plans (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    title_key TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    year_starts_month INTEGER NOT NULL CHECK (year_starts_month BETWEEN 1 AND 12),
    previous_plan_id BIGINT REFERENCES plans (id),
    reviewed_on TEXT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (starts_on <= ends_on),
    UNIQUE (partnership_id, title_key)
);

CREATE TABLE plan_priorities (
    id {{identity}},
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 8),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, code)
);

CREATE TABLE plan_objectives (
    id {{identity}},
    plan_id BIGINT NOT NULL REFERENCES plans (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
    carried_from_id BIGINT REFERENCES plan_objectives (id),
    UNIQUE (plan_id, number)
);

-- owner_kind names which of owner_body_id, owner_person_id and
-- owner_organisation_id holds the owner (or none).
CREATE TABLE recommendations (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    source TEXT NOT NULL CHECK (source IN ('case_review', 'audit', 'scrutiny_committee', 'inspection', 'peer_review',
                                          'external_review', 'other')),
    source_reference TEXT NOT NULL CHECK (length(source_reference) BETWEEN 1 AND 200),
    source_title TEXT NOT NULL DEFAULT '' CHECK (length(source_title) <= 500),
    source_date TEXT,
    number TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 20),
    sort_key TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    owner_wording TEXT NOT NULL DEFAULT '' CHECK (length(owner_wording) <= 500),
    owner_kind TEXT CHECK (owner_kind IN ('body', 'person', 'organisation')),
    owner_body_id BIGINT REFERENCES bodies (id),
    owner_person_id BIGINT REFERENCES people (id),
    owner_organisation_id BIGINT REFERENCES organisations (id),
    response TEXT NOT NULL DEFAULT '' CHECK (length(response) <= 20000),
    acceptance TEXT CHECK (acceptance IN ('accepted', 'accepted_in_part', 'not_accepted', 'not_for_this_partnership')),
    acceptance_reasons TEXT NOT NULL DEFAULT '' CHECK (length(acceptance_reasons) <= 5000),
    resource_implications TEXT NOT NULL DEFAULT '' CHECK (length(resource_implications) <= 5000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (partnership_id, source_reference, number)
);
CREATE INDEX recommendations_by_source ON recommendations (partnership_id, source, sort_key);
CREATE INDEX recommendations_by_owner_body ON recommendations (owner_body_id);
CREATE INDEX recommendations_by_owner_person ON recommendations (owner_person_id);
CREATE INDEX recommendations_by_owner_organisation ON recommendations (owner_organisation_id);

-- sort_key orders numbers as people read them (3.2 before 3.10).
-- first_due_on is the earliest date the action falls due (its dated
-- timescales and target date), kept so "overdue on" is one indexed range.
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
    CHECK ((objective_id IS NOT NULL AND plan_id IS NOT NULL AND recommendation_id IS NULL)
           OR (objective_id IS NULL AND plan_id IS NULL AND recommendation_id IS NOT NULL)),
    UNIQUE (plan_id, number),
    UNIQUE (recommendation_id, number)
);
CREATE INDEX actions_by_plan ON actions (plan_id, sort_key);
CREATE INDEX actions_by_objective ON actions (objective_id, sort_key);
CREATE INDEX actions_by_recommendation ON actions (recommendation_id, sort_key);
CREATE INDEX actions_by_partnership_status ON actions (partnership_id, status);
CREATE INDEX actions_by_first_due ON actions (partnership_id, first_due_on);
CREATE INDEX actions_by_carried_from ON actions (carried_from_id);
CREATE INDEX actions_by_operational_lead ON actions (operational_lead_id);
CREATE INDEX actions_by_senior_lead ON actions (senior_lead_id);

-- The entries found in an action's timescale wording (timescale.hpp).
CREATE TABLE action_timescales (
    id {{identity}},
    action_id BIGINT NOT NULL REFERENCES actions (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('date', 'month', 'quarter', 'ongoing', 'recurrence')),
    starts_on TEXT,
    ends_on TEXT,
    from_only INTEGER NOT NULL DEFAULT 0 CHECK (from_only IN (0, 1)),
    recurrence TEXT CHECK (recurrence IN ('monthly', 'quarterly', 'biannual', 'annual')),
    wording TEXT NOT NULL DEFAULT '',
    due_on TEXT
);
CREATE INDEX action_timescales_by_action ON action_timescales (action_id, position);
CREATE INDEX action_timescales_by_due ON action_timescales (due_on);

-- Who is responsible: a body, a person or an organisation of the register.
CREATE TABLE action_parties (
    action_id BIGINT NOT NULL REFERENCES actions (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('body', 'person', 'organisation')),
    body_id BIGINT REFERENCES bodies (id),
    person_id BIGINT REFERENCES people (id),
    organisation_id BIGINT REFERENCES organisations (id),
    PRIMARY KEY (action_id, position),
    CHECK ((kind = 'body' AND body_id IS NOT NULL) OR (kind = 'person' AND person_id IS NOT NULL)
           OR (kind = 'organisation' AND organisation_id IS NOT NULL))
);
CREATE INDEX action_parties_by_body ON action_parties (body_id);
CREATE INDEX action_parties_by_person ON action_parties (person_id);
CREATE INDEX action_parties_by_organisation ON action_parties (organisation_id);

CREATE TABLE action_priorities (
    action_id BIGINT NOT NULL REFERENCES actions (id),
    priority_id BIGINT NOT NULL REFERENCES plan_priorities (id),
    PRIMARY KEY (action_id, priority_id)
);
CREATE INDEX action_priorities_by_priority ON action_priorities (priority_id);

CREATE TABLE action_updates (
    id {{identity}},
    action_id BIGINT NOT NULL REFERENCES actions (id),
    written_on TEXT NOT NULL,
    author_user_id BIGINT NOT NULL REFERENCES users (id),
    author_name TEXT NOT NULL,
    narrative TEXT NOT NULL CHECK (length(narrative) BETWEEN 1 AND 10000),
    rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
    status TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track', 'complete',
                                          'superseded')),
    created_at TEXT NOT NULL DEFAULT ({{now}})
);
CREATE INDEX action_updates_by_action ON action_updates (action_id, written_on, id);

-- A link, or a file kept in the file store by its SHA-256.
CREATE TABLE update_evidence (
    id {{identity}},
    update_id BIGINT NOT NULL REFERENCES action_updates (id),
    url TEXT NOT NULL DEFAULT '' CHECK (length(url) <= 2000),
    file_sha256 TEXT NOT NULL DEFAULT '',
    filename TEXT NOT NULL DEFAULT '' CHECK (length(filename) <= 255),
    content_type TEXT NOT NULL DEFAULT '',
    size BIGINT NOT NULL DEFAULT 0,
    CHECK ((url <> '' AND file_sha256 = '') OR (url = '' AND file_sha256 <> ''))
);
CREATE INDEX update_evidence_by_update ON update_evidence (update_id);

-- What the daily reminder job told each person, once per person, action
-- and day; emailed_at is set when the e-mail went.
CREATE TABLE reminders (
    id {{identity}},
    run_on TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people (id),
    action_id BIGINT NOT NULL REFERENCES actions (id),
    kind TEXT NOT NULL CHECK (kind IN ('due', 'overdue')),
    due_on TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    emailed_at TEXT,
    UNIQUE (run_on, person_id, action_id)
);
CREATE INDEX reminders_by_person ON reminders (person_id, run_on);
