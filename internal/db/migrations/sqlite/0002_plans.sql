-- Plans and tasks: reform areas, stored files, plans, their tasks, and the
-- work items (one per responsible unit and period) that carry progress.
-- Dates are 'YYYY-MM-DD' text; timestamps are DATETIME (UTC); booleans 0/1.

CREATE TABLE area_sets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  DATETIME NOT NULL
);

-- Uploaded files. The content lives in file_blobs, keyed by its SHA-256, so
-- the same document uploaded twice is stored once; both tables are in the
-- database, inside transactions and backups like the rest of the data.
CREATE TABLE file_blobs (
    sha256  TEXT PRIMARY KEY,
    data    BLOB NOT NULL
);

CREATE TABLE files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256        TEXT NOT NULL REFERENCES file_blobs(sha256),
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    uploaded_by   INTEGER REFERENCES users(id),
    uploaded_at   DATETIME NOT NULL
);
CREATE INDEX files_sha256 ON files(sha256);

CREATE TABLE plans (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    kind             TEXT NOT NULL CHECK (kind IN ('programme', 'five_year', 'annual', 'thematic')),
    title            TEXT NOT NULL,
    issuing_unit_id  INTEGER NOT NULL REFERENCES units(id),
    number_symbol    TEXT NOT NULL DEFAULT '',
    issued_on        TEXT,
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    parent_id        INTEGER REFERENCES plans(id),
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'closed')),
    area_set_id      INTEGER REFERENCES area_sets(id),
    source_file_id   INTEGER REFERENCES files(id),
    search_text      TEXT NOT NULL DEFAULT '',
    created_at       DATETIME NOT NULL,
    updated_at       DATETIME NOT NULL
);
CREATE INDEX plans_issuing_unit ON plans(issuing_unit_id);
CREATE INDEX plans_parent ON plans(parent_id);

-- An area (lĩnh vực) belongs to a set (a programme's list) or, as a custom
-- area, to one plan.
CREATE TABLE areas (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    set_id      INTEGER REFERENCES area_sets(id),
    plan_id     INTEGER REFERENCES plans(id) ON DELETE CASCADE,
    code        TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    CHECK (set_id IS NOT NULL OR plan_id IS NOT NULL)
);
CREATE INDEX areas_set ON areas(set_id, sort_order);
CREATE INDEX areas_plan ON areas(plan_id, sort_order);

CREATE TABLE tasks (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id            INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id          INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    seq                TEXT NOT NULL DEFAULT '',
    position           INTEGER NOT NULL DEFAULT 0,
    area_id            INTEGER REFERENCES areas(id),
    content            TEXT NOT NULL,
    product            TEXT NOT NULL DEFAULT '',
    lead_unit_id       INTEGER REFERENCES units(id),
    lead_group_id      INTEGER REFERENCES unit_groups(id),
    lead_text          TEXT NOT NULL DEFAULT '',
    coordinating_text  TEXT NOT NULL DEFAULT '',
    schedule_text      TEXT NOT NULL DEFAULT '',
    start_on           TEXT,
    due_on             TEXT,
    recurrence         TEXT NOT NULL DEFAULT '',
    milestones         TEXT NOT NULL DEFAULT '',
    relative           TEXT NOT NULL DEFAULT '',
    understood         INTEGER NOT NULL DEFAULT 0,
    budget_vnd         INTEGER,
    funding_source     TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    source_task_id     INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    search_text        TEXT NOT NULL DEFAULT '',
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE INDEX tasks_plan ON tasks(plan_id, position);
CREATE INDEX tasks_parent ON tasks(parent_id);
CREATE INDEX tasks_source ON tasks(source_task_id);

-- Coordinating agencies (cơ quan phối hợp): a unit or a group per row.
CREATE TABLE task_coordinators (
    task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id   INTEGER REFERENCES units(id),
    group_id  INTEGER REFERENCES unit_groups(id),
    CHECK ((unit_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX task_coordinators_task ON task_coordinators(task_id);

-- A work item is one responsible unit's share of a task for one period
-- ('' one-off or continuous, '2026', '2026-H1', '2026-Q3', '2026-07').
-- Its state (overdue, done late...) is derived from these dates, never stored.
CREATE TABLE work_items (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id       INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    period        TEXT NOT NULL DEFAULT '',
    start_on      TEXT,
    due_on        TEXT,
    percent       INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    completed_on  TEXT,
    hold          TEXT NOT NULL DEFAULT '' CHECK (hold IN ('', 'paused', 'cancelled')),
    hold_reason   TEXT NOT NULL DEFAULT '',
    updated_at    DATETIME NOT NULL,
    UNIQUE (task_id, unit_id, period)
);
CREATE INDEX work_items_unit_due ON work_items(unit_id, due_on);
-- Covers the columns the state is derived from, so counting a plan's items
-- by state reads the index alone.
CREATE INDEX work_items_task ON work_items(task_id, unit_id, hold, completed_on, percent, start_on, due_on);

-- The progress history of a work item; hold is set on rows that paused,
-- cancelled ('paused', 'cancelled') or resumed ('resumed') it.
CREATE TABLE work_item_updates (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    work_item_id  INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    at            DATETIME NOT NULL,
    user_id       INTEGER REFERENCES users(id),
    percent       INTEGER NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    completed_on  TEXT,
    hold          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX work_item_updates_item ON work_item_updates(work_item_id, at);

-- Evidence (tài liệu kiểm chứng) attached to a work item.
CREATE TABLE work_item_evidence (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    work_item_id  INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    file_id       INTEGER NOT NULL REFERENCES files(id),
    note          TEXT NOT NULL DEFAULT '',
    uploaded_by   INTEGER REFERENCES users(id),
    uploaded_at   DATETIME NOT NULL
);
CREATE INDEX work_item_evidence_item ON work_item_evidence(work_item_id);

-- What a coordinating unit reports having done for a work item.
CREATE TABLE work_item_contributions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    work_item_id  INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    user_id       INTEGER REFERENCES users(id),
    note          TEXT NOT NULL,
    at            DATETIME NOT NULL
);
CREATE INDEX work_item_contributions_item ON work_item_contributions(work_item_id);

-- The areas of the two national programmes; provinces add their own as data.
INSERT INTO area_sets (code, name, created_at) VALUES
    ('par-2011-2020', 'Chương trình tổng thể CCHC 2011-2020', CURRENT_TIMESTAMP),
    ('par-2021-2030', 'Chương trình tổng thể CCHC 2021-2030', CURRENT_TIMESTAMP);

INSERT INTO areas (set_id, code, name, sort_order)
SELECT s.id, a.code, a.name, a.sort_order FROM area_sets s JOIN (
    SELECT 'chi-dao' AS code, 'Công tác chỉ đạo, điều hành CCHC' AS name, 1 AS sort_order
    UNION ALL SELECT 'the-che', 'Cải cách thể chế', 2
    UNION ALL SELECT 'tthc', 'Cải cách thủ tục hành chính', 3
    UNION ALL SELECT 'bo-may', 'Cải cách tổ chức bộ máy hành chính nhà nước', 4
    UNION ALL SELECT 'cbccvc', 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', 5
    UNION ALL SELECT 'tai-chinh', 'Cải cách tài chính công', 6
    UNION ALL SELECT 'hien-dai-hoa', 'Hiện đại hóa hành chính', 7
    UNION ALL SELECT 'mot-cua', 'Thực hiện cơ chế một cửa, một cửa liên thông', 8
) a ON s.code = 'par-2011-2020';

INSERT INTO areas (set_id, code, name, sort_order)
SELECT s.id, a.code, a.name, a.sort_order FROM area_sets s JOIN (
    SELECT 'chi-dao' AS code, 'Công tác chỉ đạo, điều hành CCHC' AS name, 1 AS sort_order
    UNION ALL SELECT 'the-che', 'Cải cách thể chế', 2
    UNION ALL SELECT 'tthc', 'Cải cách thủ tục hành chính', 3
    UNION ALL SELECT 'bo-may', 'Cải cách tổ chức bộ máy hành chính nhà nước', 4
    UNION ALL SELECT 'cong-vu', 'Cải cách chế độ công vụ', 5
    UNION ALL SELECT 'tai-chinh', 'Cải cách tài chính công', 6
    UNION ALL SELECT 'cpdt', 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số', 7
) a ON s.code = 'par-2021-2030';
