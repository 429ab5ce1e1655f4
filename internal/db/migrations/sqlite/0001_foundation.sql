-- Foundation: units and their history, groups, users, sessions, tokens, audit.
-- Dates are 'YYYY-MM-DD' text; timestamps are DATETIME (UTC); booleans 0/1.

CREATE TABLE unit_kinds (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    tier        INTEGER NOT NULL DEFAULT 0,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE units (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    short_name    TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL REFERENCES unit_kinds(code),
    parent_id     INTEGER REFERENCES units(id),
    active_from   TEXT NOT NULL,
    active_to     TEXT,
    successor_id  INTEGER REFERENCES units(id),
    address       TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    search_text   TEXT NOT NULL DEFAULT '',
    sort_key      BLOB NOT NULL,
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_kind ON units(kind);
CREATE INDEX units_sort ON units(sort_key);

CREATE TABLE unit_aliases (
    unit_id       INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    alias         TEXT NOT NULL,
    alias_folded  TEXT NOT NULL,
    PRIMARY KEY (unit_id, alias)
);
CREATE INDEX unit_aliases_folded ON unit_aliases(alias_folded);

CREATE TABLE unit_versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id     INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL DEFAULT '',
    parent_id   INTEGER REFERENCES units(id)
);
CREATE INDEX unit_versions_unit ON unit_versions(unit_id, valid_from);
CREATE INDEX unit_versions_parent ON unit_versions(parent_id);

CREATE TABLE unit_events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id          INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    event            TEXT NOT NULL,
    effective        TEXT NOT NULL,
    related_unit_id  INTEGER REFERENCES units(id),
    detail           TEXT NOT NULL DEFAULT '',
    decision         TEXT NOT NULL DEFAULT '',
    created_at       DATETIME NOT NULL,
    created_by       INTEGER
);
CREATE INDEX unit_events_unit ON unit_events(unit_id, effective);

CREATE TABLE unit_groups (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    kinds         TEXT NOT NULL DEFAULT '',
    root_unit_id  INTEGER REFERENCES units(id),
    aliases       TEXT NOT NULL DEFAULT '',
    created_at    DATETIME NOT NULL,
    updated_at    DATETIME NOT NULL
);

CREATE TABLE unit_group_members (
    group_id   INTEGER NOT NULL REFERENCES unit_groups(id) ON DELETE CASCADE,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    from_date  TEXT,
    to_date    TEXT,
    PRIMARY KEY (group_id, unit_id)
);

CREATE TABLE users (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    username              TEXT NOT NULL UNIQUE,
    full_name             TEXT NOT NULL,
    email                 TEXT NOT NULL DEFAULT '',
    unit_id               INTEGER NOT NULL REFERENCES units(id),
    password_hash         TEXT NOT NULL,
    active                INTEGER NOT NULL DEFAULT 1,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    failed_logins         INTEGER NOT NULL DEFAULT 0,
    locked_until          DATETIME,
    last_login_at         DATETIME,
    password_changed_at   DATETIME,
    created_at            DATETIME NOT NULL,
    updated_at            DATETIME NOT NULL
);
CREATE INDEX users_unit ON users(unit_id);

CREATE TABLE user_roles (
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at    DATETIME NOT NULL,
    last_seen_at  DATETIME NOT NULL,
    expires_at    DATETIME NOT NULL,
    ip            TEXT NOT NULL DEFAULT '',
    user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    prefix        TEXT NOT NULL,
    created_at    DATETIME NOT NULL,
    last_used_at  DATETIME,
    revoked_at    DATETIME
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          DATETIME NOT NULL,
    user_id     INTEGER,
    username    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    before_json TEXT NOT NULL DEFAULT '',
    after_json  TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT '',
    request_id  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_user ON audit_log(user_id);

-- Default kinds and groups; provinces edit them as data.
INSERT INTO unit_kinds (code, name, tier, sort_order) VALUES
    ('province', 'Tỉnh, thành phố trực thuộc Trung ương', 1, 1),
    ('agency', 'Sở, ban, ngành cấp tỉnh', 1, 2),
    ('district', 'Huyện, thị xã, thành phố thuộc tỉnh', 2, 3),
    ('commune', 'Xã, phường, thị trấn, đặc khu', 3, 4),
    ('public_service', 'Đơn vị sự nghiệp công lập', 0, 5),
    ('other', 'Cơ quan khác (báo, đài, hội...)', 0, 6);

INSERT INTO unit_groups (code, name, kinds, aliases, created_at, updated_at) VALUES
    ('provincial_agencies', 'Sở, ban, ngành tỉnh', 'agency',
     'các Sở, ban, ngành cấp tỉnh
Sở, ban, ngành cấp tỉnh
các sở, ban, ngành
cơ quan chuyên môn thuộc UBND tỉnh', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('districts', 'UBND cấp huyện', 'district',
     'UBND các huyện, thị xã, thành phố
UBND huyện, thị xã, thành phố
Ủy ban nhân dân cấp huyện', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('communes', 'UBND cấp xã', 'commune',
     'UBND các xã, phường, thị trấn
UBND các xã, phường
Ủy ban nhân dân cấp xã', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('public_service_units', 'Đơn vị sự nghiệp công lập', 'public_service',
     'các đơn vị sự nghiệp
đơn vị sự nghiệp công lập thuộc tỉnh', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
