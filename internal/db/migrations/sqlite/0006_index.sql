-- The reform index (Chỉ số CCHC): a framework per year and unit kind, its
-- items (fields, criteria, sub-criteria, with scoring rules), classification
-- bands, and each unit's assessment: self-scores with evidence, appraisal,
-- the unit's one response, survey points.
-- Points are stored in hundredths of a point (1,25 điểm = 125), so sums and
-- the comparison of self and appraised scores are exact.

-- stage: draft (items editable) -> self (units self-assess) -> appraisal
-- (council corrects) -> final (results fixed). published makes the results
-- page public.
CREATE TABLE index_frameworks (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    year           INTEGER NOT NULL,
    unit_kind      TEXT NOT NULL REFERENCES unit_kinds(code),
    title          TEXT NOT NULL,
    self_deadline  TEXT,
    stage          TEXT NOT NULL DEFAULT 'draft' CHECK (stage IN ('draft', 'self', 'appraisal', 'final')),
    published      INTEGER NOT NULL DEFAULT 0,
    copied_from    INTEGER REFERENCES index_frameworks(id) ON DELETE SET NULL,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL,
    UNIQUE (year, unit_kind)
);

-- A field (lĩnh vực), criterion (tiêu chí) or sub-criterion (tiêu chí thành
-- phần). Leaves are scored by their rule; a parent's maximum is the sum of
-- its children's. kind: score (self-assessed, appraised), survey (points from
-- the sociological survey), bonus and penalty (outside the maximum).
CREATE TABLE index_items (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    framework_id       INTEGER NOT NULL REFERENCES index_frameworks(id) ON DELETE CASCADE,
    parent_id          INTEGER REFERENCES index_items(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL DEFAULT 0,
    number             TEXT NOT NULL,
    level              TEXT NOT NULL CHECK (level IN ('field', 'criterion', 'sub')),
    title              TEXT NOT NULL,
    max_points         INTEGER NOT NULL DEFAULT 0,
    rule               TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL DEFAULT 'score' CHECK (kind IN ('score', 'survey', 'bonus', 'penalty')),
    evidence_required  INTEGER NOT NULL DEFAULT 0,
    optional           INTEGER NOT NULL DEFAULT 0,
    group_tag          TEXT NOT NULL DEFAULT '' CHECK (group_tag IN ('', 'routine', 'investment', 'hard')),
    guidance           TEXT NOT NULL DEFAULT '',
    UNIQUE (framework_id, number)
);
CREATE INDEX index_items_framework ON index_items(framework_id, position);

-- Classification bands (xếp loại): a unit whose index is at least
-- min_percent (hundredths of a percent: 9000 = 90%) gets label.
CREATE TABLE index_bands (
    framework_id  INTEGER NOT NULL REFERENCES index_frameworks(id) ON DELETE CASCADE,
    min_percent   INTEGER NOT NULL,
    label         TEXT NOT NULL,
    PRIMARY KEY (framework_id, min_percent)
);

-- A unit's assessment in a framework: draft -> submitted -> appraised ->
-- responded (once, optional) -> final. ranked = 0 lists the unit without a
-- rank.
CREATE TABLE index_assessments (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    framework_id   INTEGER NOT NULL REFERENCES index_frameworks(id) ON DELETE CASCADE,
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'appraised', 'responded', 'final')),
    ranked         INTEGER NOT NULL DEFAULT 1,
    unranked_note  TEXT NOT NULL DEFAULT '',
    submitted_at   DATETIME,
    submitted_by   INTEGER REFERENCES users(id),
    appraised_at   DATETIME,
    appraised_by   INTEGER REFERENCES users(id),
    responded_at   DATETIME,
    response       TEXT NOT NULL DEFAULT '',
    finalised_at   DATETIME,
    created_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL,
    UNIQUE (framework_id, unit_id)
);
CREATE INDEX index_assessments_unit ON index_assessments(unit_id);

-- One scored item of an assessment. Points in hundredths; NULL = not given.
-- input is the rule's input as JSON (rule.Input); facts, for automatic
-- rules, the source figures as computed when scored (JSON).
CREATE TABLE index_scores (
    assessment_id     INTEGER NOT NULL REFERENCES index_assessments(id) ON DELETE CASCADE,
    item_id           INTEGER NOT NULL REFERENCES index_items(id) ON DELETE CASCADE,
    applicable        INTEGER NOT NULL DEFAULT 1,
    input             TEXT NOT NULL DEFAULT '',
    self_points       INTEGER,
    explanation       TEXT NOT NULL DEFAULT '',
    facts             TEXT NOT NULL DEFAULT '',
    appraised_points  INTEGER,
    appraisal_reason  TEXT NOT NULL DEFAULT '',
    response          TEXT NOT NULL DEFAULT '',
    survey_points     INTEGER,
    updated_at        DATETIME NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
);
CREATE INDEX index_scores_item ON index_scores(item_id);

-- Evidence (tài liệu kiểm chứng) cited for an item: an uploaded file, or a
-- plan, task or report in cchc, or a web link; locator says where in it
-- (section, page).
CREATE TABLE index_evidence (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    assessment_id  INTEGER NOT NULL REFERENCES index_assessments(id) ON DELETE CASCADE,
    item_id        INTEGER NOT NULL REFERENCES index_items(id) ON DELETE CASCADE,
    file_id        INTEGER REFERENCES files(id),
    ref_kind       TEXT NOT NULL DEFAULT '' CHECK (ref_kind IN ('', 'plan', 'task', 'report', 'link')),
    ref_id         INTEGER,
    url            TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL DEFAULT '',
    locator        TEXT NOT NULL DEFAULT '',
    added_by       INTEGER REFERENCES users(id),
    added_at       DATETIME NOT NULL
);
CREATE INDEX index_evidence_item ON index_evidence(assessment_id, item_id);
