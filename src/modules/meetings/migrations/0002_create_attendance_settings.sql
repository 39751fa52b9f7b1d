-- How each partnership reads attendance: the share of a body's meetings a
-- member or an agency must attend to meet the "good" standard, and whom a
-- substitute's attendance counts for. One row per partnership that has set
-- its own; a partnership without one reads attendance by the defaults (66%,
-- for the organisation), which the reports name as such.
CREATE TABLE attendance_settings (
    id {{identity}},
    partnership_id BIGINT NOT NULL UNIQUE REFERENCES partnerships (id),
    good_standard INTEGER NOT NULL DEFAULT 66 CHECK (good_standard BETWEEN 1 AND 100),
    substitutes TEXT NOT NULL DEFAULT 'organisation'
        CHECK (substitutes IN ('organisation', 'person', 'both', 'neither')),
    created_at TEXT NOT NULL DEFAULT ({{now}}),
    updated_at TEXT NOT NULL DEFAULT ({{now}})
);
