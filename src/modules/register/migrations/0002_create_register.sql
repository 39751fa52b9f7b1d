-- Who is in a partnership and how it is organised. Organisations and people
-- are shared by the partnerships an instance hosts (Essex Police sits in
-- Southend's, Essex's and Thurrock's); what an organisation is to one
-- partnership (statutory partner, relevant agency, lead areas) is per
-- partnership. name_key is the lower-cased name: names are unique whatever
-- their case. Dates are YYYY-MM-DD text; yes/no columns are 0 or 1.
CREATE TABLE organisations (
    id {{identity}},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '' CHECK (length(short_name) <= 40),
    sector TEXT NOT NULL CHECK (sector IN ('local_authority', 'police', 'health_commissioner', 'nhs_trust',
                                          'education', 'probation', 'voluntary', 'fire', 'other')),
    parent_id BIGINT REFERENCES organisations (id),
    active_from TEXT,
    active_to TEXT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (active_to IS NULL OR active_from IS NULL OR active_from <= active_to)
);
CREATE INDEX organisations_by_short_name ON organisations (short_name);

CREATE TABLE organisation_partnerships (
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    statutory_partner INTEGER NOT NULL DEFAULT 0 CHECK (statutory_partner IN (0, 1)),
    relevant_agency INTEGER NOT NULL DEFAULT 0 CHECK (relevant_agency IN (0, 1)),
    PRIMARY KEY (organisation_id, partnership_id)
);
CREATE INDEX organisation_partnerships_by_partnership ON organisation_partnerships (partnership_id);

-- What a statutory partner leads on for one partnership, in the source's words.
CREATE TABLE lead_areas (
    id {{identity}},
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lead_areas_by_organisation ON lead_areas (organisation_id, partnership_id);

-- A person is known by name within their organisation (organisation_key is
-- the organisation's id, or 0 for none, so the pair can be unique).
CREATE TABLE people (
    id {{identity}},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
    organisation_id BIGINT REFERENCES organisations (id),
    organisation_key BIGINT NOT NULL DEFAULT 0,
    email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    phone TEXT NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (name_key, organisation_key)
);
CREATE INDEX people_by_organisation ON people (organisation_id);

CREATE TABLE bodies (
    id {{identity}},
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key TEXT NOT NULL UNIQUE,
    short_name TEXT NOT NULL DEFAULT '' CHECK (length(short_name) <= 40),
    kind TEXT NOT NULL CHECK (kind IN ('board', 'executive', 'sub_group', 'panel', 'stay_safe_group',
                                      'task_and_finish_group', 'assembly', 'external_board')),
    purpose TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
    terms_of_reference TEXT NOT NULL DEFAULT '' CHECK (length(terms_of_reference) <= 20000),
    meeting_frequency TEXT NOT NULL DEFAULT '' CHECK (length(meeting_frequency) <= 100),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}})
);

-- Joint bodies (the SET Child Death Overview Panel) belong to several partnerships.
CREATE TABLE body_partnerships (
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    PRIMARY KEY (body_id, partnership_id)
);
CREATE INDEX body_partnerships_by_partnership ON body_partnerships (partnership_id);

CREATE TABLE body_relations (
    id {{identity}},
    from_body_id BIGINT NOT NULL REFERENCES bodies (id),
    to_body_id BIGINT NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL CHECK (kind IN ('reports_to', 'scrutinises', 'escalates_to', 'links_with')),
    UNIQUE (from_body_id, to_body_id, kind),
    CHECK (from_body_id <> to_body_id)
);
CREATE INDEX body_relations_to ON body_relations (to_body_id);

-- A seat on a body. Ending a membership sets ends_on; rows are never deleted,
-- so a body's history stays. A seat is vacant when the source says so
-- (vacancy holds its words: "To be identified", "Position Vacant").
CREATE TABLE memberships (
    id {{identity}},
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    seat_title TEXT NOT NULL CHECK (length(seat_title) BETWEEN 1 AND 300),
    role TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'observer', 'adviser', 'lay_member')),
    organisation_id BIGINT REFERENCES organisations (id),
    person_id BIGINT REFERENCES people (id),
    vacancy TEXT NOT NULL DEFAULT '' CHECK (length(vacancy) <= 100),
    starts_on TEXT,
    ends_on TEXT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR starts_on <= ends_on),
    CHECK (vacancy = '' OR person_id IS NULL)
);
CREATE INDEX memberships_by_body ON memberships (body_id);
CREATE INDEX memberships_by_organisation ON memberships (organisation_id);
CREATE INDEX memberships_by_person ON memberships (person_id);
