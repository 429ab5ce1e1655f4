-- The report types a form is sent for (comma-separated report_types codes,
-- '' = every type): a quarterly form is not expected, reminded or opened
-- for an ad hoc thematic period, nor a thematic form for a quarter.
ALTER TABLE report_forms ADD COLUMN report_types TEXT NOT NULL DEFAULT '';
