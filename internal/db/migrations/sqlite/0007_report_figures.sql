-- A report's figures: its values kept a second time on its own row, as one
-- JSON object from code to value, so that a consolidation reads one row
-- per report instead of a hundred (see internal/report/figures.go).
-- report_values stays the record; every write of values rewrites figures
-- in the same transaction.
ALTER TABLE reports ADD COLUMN figures TEXT NOT NULL DEFAULT '{}';
UPDATE reports SET figures = COALESCE(
    (SELECT json_group_object(code, value) FROM report_values WHERE report_id = reports.id), '{}');
