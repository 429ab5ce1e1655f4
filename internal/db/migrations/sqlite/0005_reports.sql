-- Periodic reports: forms as data (versioned), the reporting calendar, the
-- periods it generates, each unit's report for a period and its values.

-- A report form (biểu mẫu): narrative fields and indicators per section,
-- and validation rules. Each edit is a new version; a report keeps the
-- version it was written on. unit_kinds lists the kinds of unit expected to
-- send it ('' = every kind).
CREATE TABLE report_forms (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    unit_kinds  TEXT NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL
);
CREATE TABLE report_form_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id     INTEGER NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    definition  TEXT NOT NULL,
    created_at  DATETIME NOT NULL,
    created_by  INTEGER REFERENCES users(id),
    UNIQUE (form_id, version)
);

-- A kind of report in the calendar (quarterly, 6-month, 9-month, annual,
-- ad hoc): the periods it covers, the data cut-off (from day cutoff_from_day
-- of the month before the period to day cutoff_to_day of its last month; 0
-- = the calendar span), the deadline of each level (day N of the period's
-- last month shifted by offset months), and the days of grace before a
-- period locks.
CREATE TABLE report_types (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    code                  TEXT NOT NULL UNIQUE,
    name                  TEXT NOT NULL,
    period_kind           TEXT NOT NULL DEFAULT '',
    cutoff_from_day       INTEGER NOT NULL DEFAULT 0,
    cutoff_to_day         INTEGER NOT NULL DEFAULT 0,
    unit_deadline_day     INTEGER NOT NULL DEFAULT 0,
    unit_deadline_offset  INTEGER NOT NULL DEFAULT 0,
    snv_deadline_day      INTEGER NOT NULL DEFAULT 0,
    snv_deadline_offset   INTEGER NOT NULL DEFAULT 0,
    grace_days            INTEGER NOT NULL DEFAULT 0,
    position              INTEGER NOT NULL DEFAULT 0
);

-- A reporting period ('2026-Q1', '2026-H1', '2026-M9', '2026', or an ad hoc
-- code) with its dates; a unit may be given its own deadline.
CREATE TABLE report_periods (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    type_id        INTEGER NOT NULL REFERENCES report_types(id),
    code           TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    starts_on      TEXT NOT NULL,
    ends_on        TEXT NOT NULL,
    cutoff_from    TEXT NOT NULL,
    cutoff_to      TEXT NOT NULL,
    unit_deadline  TEXT NOT NULL,
    snv_deadline   TEXT NOT NULL,
    locks_on       TEXT NOT NULL
);
CREATE TABLE report_period_exceptions (
    period_id  INTEGER NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    deadline   TEXT NOT NULL,
    locks_on   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (period_id, unit_id)
);

-- A unit's report for a period on a form: draft -> submitted -> returned ->
-- ... -> accepted. on_time is decided at the first submission.
CREATE TABLE reports (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id          INTEGER NOT NULL REFERENCES report_forms(id),
    form_version_id  INTEGER NOT NULL REFERENCES report_form_versions(id),
    period_id        INTEGER NOT NULL REFERENCES report_periods(id),
    unit_id          INTEGER NOT NULL REFERENCES units(id),
    status           TEXT NOT NULL DEFAULT 'draft',
    submitted_at     DATETIME,
    on_time          BOOLEAN,
    accepted_at      DATETIME,
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL,
    UNIQUE (form_id, period_id, unit_id)
);
CREATE INDEX reports_period ON reports(period_id, form_id, status);
CREATE INDEX reports_unit ON reports(unit_id);

-- Numbers (counts and money, in whole units and đồng) and narrative texts.
-- Rates are never stored: they are computed from counts.
CREATE TABLE report_values (
    report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    value      BIGINT NOT NULL,
    PRIMARY KEY (report_id, code)

) WITHOUT ROWID; -- read by report and code: the key is the table
CREATE TABLE report_texts (
    report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (report_id, code)
);

-- Every submission, return (with its comment) and acceptance, with the
-- values as they were.
CREATE TABLE report_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    action     TEXT NOT NULL,
    user_id    INTEGER REFERENCES users(id),
    comment    TEXT NOT NULL DEFAULT '',
    snapshot   TEXT NOT NULL DEFAULT '',
    at         DATETIME NOT NULL
);
CREATE INDEX report_events_report ON report_events(report_id, at);
