-- A report's figures: its values kept a second time on its own row, as one
-- JSON object from code to value, so that a consolidation reads one row
-- per report instead of a hundred (see internal/report/figures.go).
-- report_values stays the record; every write of values rewrites figures
-- in the same transaction.
ALTER TABLE reports ADD COLUMN figures TEXT NOT NULL DEFAULT '{}';
UPDATE reports r SET figures = v.figures
FROM (SELECT report_id, json_object_agg(code, value)::text AS figures FROM report_values GROUP BY report_id) v
WHERE v.report_id = r.id;
