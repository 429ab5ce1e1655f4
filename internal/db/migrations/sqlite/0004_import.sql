-- Importing plans from Word, Excel and text documents.

-- A task imported from a document remembers where it came from: its number
-- path in the document ("I/2/b"), so importing the same document again
-- updates the task instead of adding a copy.
ALTER TABLE tasks ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX tasks_import_key ON tasks(plan_id, import_key);

-- Co-leads (đồng chủ trì): when a plan names several lead agencies ("Sở Nội
-- vụ, Văn phòng UBND tỉnh"; "Sở, ban, ngành tỉnh; UBND cấp huyện"), the first
-- is the task's lead and the others are listed here. Each leads its own
-- share: every unit (or group member) gets its own work items.
CREATE TABLE task_co_leads (
    task_id   INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id   INTEGER REFERENCES units(id),
    group_id  INTEGER REFERENCES unit_groups(id),
    CHECK ((unit_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX task_co_leads_task ON task_co_leads(task_id);

-- An import in progress: the uploaded document, the reading options (plan
-- year, sheet, column roles) and the user's corrections (agency name ->
-- unit or group), kept as JSON until the user confirms.
CREATE TABLE plan_imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    file_id      INTEGER NOT NULL REFERENCES files(id),
    plan_id      INTEGER REFERENCES plans(id) ON DELETE CASCADE,
    settings     TEXT NOT NULL DEFAULT '{}',
    status       TEXT NOT NULL DEFAULT 'draft',
    created_at   DATETIME NOT NULL,
    updated_at   DATETIME NOT NULL,
    done_at      DATETIME
);
CREATE INDEX plan_imports_user ON plan_imports(user_id, created_at);

-- Words that tell a section heading belongs to an area ("thủ tục hành chính",
-- "TTHC" for procedure reform), one phrase per line; matched accent- and
-- case-insensitively by the importer.
ALTER TABLE areas ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
UPDATE areas SET keywords = 'chỉ đạo
điều hành
tuyên truyền
kiểm tra cải cách hành chính
kiểm tra CCHC
công tác cải cách hành chính' WHERE code = 'chi-dao' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'thể chế
văn bản quy phạm pháp luật
QPPL' WHERE code = 'the-che' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'thủ tục hành chính
TTHC
kiểm soát thủ tục' WHERE code = 'tthc' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'tổ chức bộ máy
bộ máy hành chính
bộ máy' WHERE code = 'bo-may' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'cán bộ, công chức, viên chức
CBCCVC
CB, CC, VC
đội ngũ cán bộ
công chức, viên chức' WHERE code = 'cbccvc' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'chế độ công vụ
công vụ
cán bộ, công chức, viên chức
CBCCVC
đội ngũ cán bộ' WHERE code = 'cong-vu' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'tài chính công
tài chính' WHERE code = 'tai-chinh' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'hiện đại hóa
hiện đại hoá
công nghệ thông tin
CNTT
ISO 9001
chính phủ điện tử' WHERE code = 'hien-dai-hoa' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'một cửa
một cửa liên thông' WHERE code = 'mot-cua' AND set_id IS NOT NULL;
UPDATE areas SET keywords = 'chính phủ điện tử
chính phủ số
chuyển đổi số
hiện đại hóa
hiện đại hoá
công nghệ thông tin
CNTT' WHERE code = 'cpdt' AND set_id IS NOT NULL;
