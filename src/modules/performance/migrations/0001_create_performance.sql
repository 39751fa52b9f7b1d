-- The performance framework: each partnership's settings, indicator library
-- (who returns each indicator, its targets), reporting periods, the data
-- return of each organisation (or of the partnership itself) for a period,
-- the values in it and the history of each return. Dates are YYYY-MM-DD
-- text and instants ISO 8601 UTC text; codes are checked against the closed
-- lists of vocabulary.hpp. A return's returner_key is its organisation's id,
-- or 0 for the partnership's own return, so the pair with the period can be
-- unique (NULLs never clash). Values run to millions in one database, so
-- every analysis query starts from an index: a period's returns
-- (UNIQUE period_id, returner_key), a return's values (the primary key) and
-- an indicator's values (performance_values_by_indicator).
CREATE TABLE performance_settings (
    partnership_id BIGINT PRIMARY KEY REFERENCES partnerships (id),
    year_starts_month INTEGER NOT NULL CHECK (year_starts_month BETWEEN 1 AND 12),
    due_days INTEGER NOT NULL CHECK (due_days BETWEEN 0 AND 366),
    updated_at TEXT NOT NULL DEFAULT ({{now}})
);

CREATE TABLE performance_indicators (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
    code_key TEXT NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    definition TEXT NOT NULL DEFAULT '' CHECK (length(definition) <= 5000),
    unit TEXT NOT NULL CHECK (unit IN ('count', 'percentage', 'rate_per_10000', 'days')),
    numerator TEXT NOT NULL DEFAULT '' CHECK (length(numerator) <= 500),
    denominator TEXT NOT NULL DEFAULT '' CHECK (length(denominator) <= 500),
    polarity TEXT NOT NULL CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neither')),
    frequency TEXT NOT NULL CHECK (frequency IN ('quarterly', 'biannual', 'annual')),
    source TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 5000),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    UNIQUE (partnership_id, code_key)
);
CREATE INDEX performance_indicators_by_frequency ON performance_indicators (partnership_id, frequency);

-- Who returns an indicator, in the order its returned_by names them.
CREATE TABLE performance_indicator_returners (
    indicator_id BIGINT NOT NULL REFERENCES performance_indicators (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('partner_agencies', 'sector', 'organisation', 'partnership')),
    sector TEXT CHECK (sector IN ('local_authority', 'police', 'health_commissioner', 'nhs_trust', 'education',
                                  'probation', 'voluntary', 'fire', 'other')),
    organisation_id BIGINT REFERENCES organisations (id),
    PRIMARY KEY (indicator_id, position),
    CHECK ((kind = 'sector' AND sector IS NOT NULL AND organisation_id IS NULL)
           OR (kind = 'organisation' AND organisation_id IS NOT NULL AND sector IS NULL)
           OR (kind IN ('partner_agencies', 'partnership') AND sector IS NULL AND organisation_id IS NULL))
);
CREATE INDEX performance_indicator_returners_by_organisation ON performance_indicator_returners (organisation_id);

-- applies_from '' is a target from the start.
CREATE TABLE performance_indicator_targets (
    indicator_id BIGINT NOT NULL REFERENCES performance_indicators (id),
    applies_from TEXT NOT NULL,
    target DOUBLE PRECISION NOT NULL,
    tolerance DOUBLE PRECISION NOT NULL CHECK (tolerance >= 0),
    PRIMARY KEY (indicator_id, applies_from)
);

CREATE TABLE performance_periods (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    kind TEXT NOT NULL CHECK (kind IN ('quarter', 'half', 'year')),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (starts_on <= ends_on),
    UNIQUE (partnership_id, starts_on, ends_on)
);
CREATE INDEX performance_periods_by_kind ON performance_periods (partnership_id, kind, starts_on);

-- Each step keeps who took it (the actor's label) and when; the full
-- history is in performance_return_events. first_submitted_at is set once:
-- a return is late when it first came after its period's due day, however
-- often a query sends it back.
CREATE TABLE performance_returns (
    id {{identity}},
    partnership_id BIGINT NOT NULL REFERENCES partnerships (id),
    period_id BIGINT NOT NULL REFERENCES performance_periods (id),
    organisation_id BIGINT REFERENCES organisations (id),
    returner_key BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'queried', 'accepted')),
    first_submitted_at TEXT,
    submitted_at TEXT,
    submitted_by TEXT,
    queried_at TEXT,
    queried_by TEXT,
    question TEXT NOT NULL DEFAULT '' CHECK (length(question) <= 2000),
    answered_at TEXT,
    answered_by TEXT,
    answer TEXT NOT NULL DEFAULT '' CHECK (length(answer) <= 2000),
    accepted_at TEXT,
    accepted_by TEXT,
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    CHECK (returner_key = COALESCE(organisation_id, 0)),
    UNIQUE (period_id, returner_key)
);
CREATE INDEX performance_returns_by_organisation ON performance_returns (organisation_id, period_id);

CREATE TABLE performance_values (
    return_id BIGINT NOT NULL REFERENCES performance_returns (id),
    indicator_id BIGINT NOT NULL REFERENCES performance_indicators (id),
    value DOUBLE PRECISION NOT NULL CHECK (value >= 0),
    numerator BIGINT CHECK (numerator >= 0),
    denominator BIGINT CHECK (denominator > 0),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    updated_at TEXT NOT NULL DEFAULT ({{now}}),
    PRIMARY KEY (return_id, indicator_id),
    CHECK ((numerator IS NULL) = (denominator IS NULL))
);
CREATE INDEX performance_values_by_indicator ON performance_values (indicator_id, return_id);

CREATE TABLE performance_return_events (
    id {{identity}},
    return_id BIGINT NOT NULL REFERENCES performance_returns (id),
    what TEXT NOT NULL CHECK (what IN ('created', 'saved', 'submitted', 'queried', 'accepted')),
    happened_at TEXT NOT NULL,
    by_label TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id),
    wording TEXT NOT NULL DEFAULT ''
);
CREATE INDEX performance_return_events_by_return ON performance_return_events (return_id, id);
