-- Learning reviews after serious incidents: the case (pseudonymous
-- reference only), the agencies involved, the steps done, the terms of
-- reference in versions, the agency reports (IMRs), and the sensitive
-- details, which hold only ciphertext (the key is never in the database).
-- Tables are named review_* so that child death reviews can have cases of
-- their own. Dates are YYYY-MM-DD text.
CREATE TABLE review_cases (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    reference TEXT NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    incident_on TEXT NOT NULL CHECK (length(incident_on) = 10),
    became_aware_on TEXT NOT NULL CHECK (length(became_aware_on) = 10),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    decision TEXT CHECK (decision IN ('lcspr', 'no_review', 'other_learning_review')),
    ratified_by BIGINT REFERENCES organisations (id),
    ratified_on TEXT CHECK (length(ratified_on) = 10),
    learning TEXT NOT NULL DEFAULT '' CHECK (length(learning) <= 8000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (partnership_id, reference),
    CHECK ((decision IS NULL AND ratified_by IS NULL AND ratified_on IS NULL)
           OR (decision IS NOT NULL AND ratified_by IS NOT NULL AND ratified_on IS NOT NULL))
);
-- A partnership's open cases (the clock list).
CREATE INDEX review_cases_by_partnership ON review_cases (partnership_id, status, id);
CREATE INDEX review_cases_by_ratifier ON review_cases (ratified_by);

CREATE TABLE review_case_agencies (
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (case_id, organisation_id)
);
CREATE INDEX review_case_agencies_by_organisation ON review_case_agencies (organisation_id);

CREATE TABLE review_case_steps (
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 60),
    done_on TEXT NOT NULL CHECK (length(done_on) = 10),
    evidence TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 2000),
    PRIMARY KEY (case_id, step)
);

-- Each change to the terms of reference is a new version, signed off anew.
CREATE TABLE review_terms_of_reference (
    id {{identity}},
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    summary TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
    signed_off_by BIGINT REFERENCES people (id),
    signed_off_on TEXT CHECK (length(signed_off_on) = 10),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (case_id, version),
    CHECK ((signed_off_by IS NULL) = (signed_off_on IS NULL))
);
CREATE INDEX review_terms_by_signer ON review_terms_of_reference (signed_off_by);

CREATE TABLE review_agency_reports (
    id {{identity}},
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    due_on TEXT NOT NULL CHECK (length(due_on) = 10),
    senior_manager_id BIGINT REFERENCES people (id),
    received_on TEXT CHECK (length(received_on) = 10),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (case_id, organisation_id)
);
CREATE INDEX review_reports_by_organisation ON review_agency_reports (organisation_id);
CREATE INDEX review_reports_by_manager ON review_agency_reports (senior_manager_id);

-- Identifying details, one row per case and field, as the Vault's
-- ciphertext ("v1:" + base64). Apart from the case rows, so that reading a
-- case never reads them, and every read of them is a deliberate, audited one.
CREATE TABLE review_sensitive_details (
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    field TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 60),
    ciphertext TEXT NOT NULL CHECK (ciphertext LIKE 'v1:%'),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    PRIMARY KEY (case_id, field)
);

-- Each agency involved confirms that the learning was shared at each level.
CREATE TABLE review_dissemination (
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    level TEXT NOT NULL CHECK (level IN ('practitioner', 'manager', 'governance')),
    confirmed_on TEXT NOT NULL CHECK (length(confirmed_on) = 10),
    evidence TEXT NOT NULL CHECK (length(evidence) BETWEEN 1 AND 2000),
    recorded_at TEXT NOT NULL DEFAULT ({{now}}),
    PRIMARY KEY (case_id, organisation_id, level)
);
CREATE INDEX review_dissemination_by_organisation ON review_dissemination (organisation_id);

-- A review's recommendations are the plans module's recommendations (source
-- case_review, the case's reference as source reference); the agency each
-- concerns signs it off here.
CREATE TABLE review_recommendation_sign_offs (
    recommendation_id BIGINT PRIMARY KEY REFERENCES recommendations (id),
    case_id BIGINT NOT NULL REFERENCES review_cases (id),
    signed_off_by BIGINT NOT NULL REFERENCES people (id),
    signed_off_on TEXT NOT NULL CHECK (length(signed_off_on) = 10)
);
CREATE INDEX review_sign_offs_by_case ON review_recommendation_sign_offs (case_id);
CREATE INDEX review_sign_offs_by_signer ON review_recommendation_sign_offs (signed_off_by);
