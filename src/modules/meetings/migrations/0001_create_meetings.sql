-- Meetings of the register's bodies, who was expected and who came, the
-- forward plan, agendas, papers, post-meeting letters and calendar feed
-- tokens. Meeting times are UK wall-clock text "YYYY-MM-DDTHH:MM"
-- (Europe/London), so they sort and compare as text; dates are YYYY-MM-DD,
-- months YYYY-MM; codes are checked against the closed lists of
-- vocabulary.hpp; yes/no columns are 0 or 1.
CREATE TABLE meetings (
    id {{identity}},
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    title TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    starts_at TEXT NOT NULL CHECK (length(starts_at) = 16),
    ends_at TEXT NOT NULL CHECK (length(ends_at) = 16),
    place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 300),
    online_url TEXT NOT NULL DEFAULT '' CHECK (length(online_url) <= 2000),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
    uid TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 200),
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (starts_at < ends_at)
);
-- A body's meetings in a date range, and every body's, both by time then id (the page key).
CREATE INDEX meetings_by_body ON meetings (body_id, starts_at, id);
CREATE INDEX meetings_by_start ON meetings (starts_at, id);

-- One row per expected seat (a membership of the body current on the
-- meeting's date). person_id and organisation_id are the seat's when it was
-- recorded, so the record stays true when the seat changes hands.
CREATE TABLE attendance (
    id {{identity}},
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    membership_id BIGINT NOT NULL REFERENCES memberships (id),
    person_id BIGINT REFERENCES people (id),
    organisation_id BIGINT REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'substitute', 'absent')),
    substitute_name TEXT NOT NULL DEFAULT '' CHECK (length(substitute_name) <= 200),
    substitute_person_id BIGINT REFERENCES people (id),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (meeting_id, membership_id),
    CHECK ((status = 'substitute' AND substitute_name <> '')
           OR (status <> 'substitute' AND substitute_name = '' AND substitute_person_id IS NULL))
);
CREATE INDEX attendance_by_membership ON attendance (membership_id);
CREATE INDEX attendance_by_person ON attendance (person_id);
CREATE INDEX attendance_by_organisation ON attendance (organisation_id);

-- What a body plans to take at which meeting. An item is planned for a
-- month (the plan's column headings); it gets its meeting when it goes on an
-- agenda. An item not taken is marked carried and continued by a new item
-- (carried_from_id), so its history stays.
CREATE TABLE forward_plan_items (
    id {{identity}},
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    title_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('standing', 'agency_report', 'audit_report', 'subgroup_report', 'report',
                                      'annual_report', 'business_plan', 'other')),
    organisation_id BIGINT REFERENCES organisations (id),
    subject_body_id BIGINT REFERENCES bodies (id),
    planned_month TEXT NOT NULL CHECK (length(planned_month) = 7),
    position INTEGER NOT NULL DEFAULT 0,
    meeting_id BIGINT REFERENCES meetings (id),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'on_agenda', 'taken', 'carried')),
    carried_from_id BIGINT REFERENCES forward_plan_items (id),
    notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK ((status = 'planned' AND meeting_id IS NULL) OR (status <> 'planned' AND meeting_id IS NOT NULL))
);
-- A body's plan for a year (a range of months) in the plan's order; an item by month and title.
CREATE INDEX forward_plan_by_body_month ON forward_plan_items (body_id, planned_month, position, id);
CREATE INDEX forward_plan_by_meeting ON forward_plan_items (meeting_id);
CREATE INDEX forward_plan_by_carried_from ON forward_plan_items (carried_from_id);
CREATE INDEX forward_plan_by_organisation ON forward_plan_items (organisation_id);

CREATE TABLE agenda_items (
    id {{identity}},
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    type TEXT NOT NULL CHECK (type IN ('decision', 'discussion', 'information', 'standing')),
    presenter_person_id BIGINT REFERENCES people (id),
    presenter TEXT NOT NULL DEFAULT '' CHECK (length(presenter) <= 200),
    link_kind TEXT NOT NULL DEFAULT 'none' CHECK (link_kind IN ('none', 'plan', 'recommendation', 'action',
                                                                'organisation')),
    link_id BIGINT,
    forward_plan_item_id BIGINT REFERENCES forward_plan_items (id),
    decision TEXT NOT NULL DEFAULT '' CHECK (length(decision) <= 10000),
    taken INTEGER NOT NULL DEFAULT 1 CHECK (taken IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK ((link_kind = 'none' AND link_id IS NULL) OR (link_kind <> 'none' AND link_id IS NOT NULL))
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position, id);
CREATE INDEX agenda_items_by_plan_item ON agenda_items (forward_plan_item_id);
CREATE INDEX agenda_items_by_link ON agenda_items (link_kind, link_id);
CREATE INDEX agenda_items_by_presenter ON agenda_items (presenter_person_id);

-- A paper's bytes are in the file store (outside the web root), named by
-- their SHA-256.
CREATE TABLE papers (
    id {{identity}},
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    agenda_item_id BIGINT REFERENCES agenda_items (id),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type TEXT NOT NULL CHECK (length(content_type) BETWEEN 1 AND 200),
    size BIGINT NOT NULL CHECK (size >= 0),
    confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
    uploaded_by BIGINT REFERENCES users (id),
    uploaded_by_name TEXT NOT NULL DEFAULT '' CHECK (length(uploaded_by_name) <= 320),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX papers_by_meeting ON papers (meeting_id, id);
CREATE INDEX papers_by_agenda_item ON papers (agenda_item_id);
CREATE INDEX papers_by_file ON papers (file_sha256);

-- The letter to each member agency after a Board meeting; one per agency
-- and meeting. A response is overdue while it has not come and its due date
-- has passed.
CREATE TABLE letters (
    id {{identity}},
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    recipient_membership_id BIGINT REFERENCES memberships (id),
    recipient_person_id BIGINT REFERENCES people (id),
    text TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 50000),
    sent_on TEXT,
    response_due_on TEXT,
    response_received_on TEXT,
    response TEXT NOT NULL DEFAULT '' CHECK (length(response) <= 20000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (meeting_id, organisation_id)
);
CREATE INDEX letters_by_organisation ON letters (organisation_id);
CREATE INDEX letters_awaiting_response ON letters (response_due_on) WHERE response_received_on IS NULL;

-- A calendar feed's secret is shown once; only its SHA-256 is kept. A feed
-- follows a body or a person.
CREATE TABLE feed_tokens (
    id {{identity}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('body', 'person')),
    body_id BIGINT REFERENCES bodies (id),
    person_id BIGINT REFERENCES people (id),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    revoked_at TEXT,
    CHECK ((kind = 'body' AND body_id IS NOT NULL AND person_id IS NULL)
           OR (kind = 'person' AND person_id IS NOT NULL AND body_id IS NULL))
);
CREATE INDEX feed_tokens_by_user ON feed_tokens (user_id, id);
