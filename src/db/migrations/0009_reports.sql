-- 0009_reports.sql -- reports built from the data for the obligations of
-- the plans' reporting regimes (src/reports/): the report with its workflow
-- state and narrative, the numbers and activities frozen into it, and the
-- locks an office puts on an obligation's period.
-- Obligations themselves are not stored: they are derived from
-- plan_reporting, the plan's years and the unit tree (reports/report.c).

CREATE TABLE report (
	id INTEGER PRIMARY KEY,
	reporting_id INTEGER NOT NULL REFERENCES plan_reporting(id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	due_on TEXT NOT NULL DEFAULT '',	-- '' for 'as_required'
	version INTEGER NOT NULL DEFAULT 1,
	consolidated INTEGER NOT NULL DEFAULT 0,	-- built from the units below
	state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted', 'superseded')),
	results TEXT NOT NULL DEFAULT '',
	strengths TEXT NOT NULL DEFAULT '',
	limitations TEXT NOT NULL DEFAULT '',
	proposals TEXT NOT NULL DEFAULT '',
	review_note TEXT NOT NULL DEFAULT '',	-- the reviewer's comments
	missing_note TEXT NOT NULL DEFAULT '',	-- consolidated: units without a report
	created_by INTEGER REFERENCES app_user(id),
	created_at INTEGER NOT NULL,
	submitted_by INTEGER REFERENCES app_user(id),
	submitted_at INTEGER,			-- latest submission
	first_submitted_at INTEGER,		-- of the obligation, for timeliness
	reviewed_by INTEGER REFERENCES app_user(id),
	reviewed_at INTEGER,
	snapshot_at INTEGER NOT NULL,
	UNIQUE (reporting_id, unit_id, period_id, due_on, version)
);
CREATE INDEX report_unit ON report (unit_id);
CREATE INDEX report_oblig ON report (reporting_id, period_id, due_on);

-- The numbers of a report: one row per target (unit_id = the report's
-- unit), and in a consolidated report one row per target and unit below
-- plus the totals (unit_id NULL).
CREATE TABLE report_value (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	unit_id INTEGER REFERENCES unit(id),
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	target_code TEXT NOT NULL DEFAULT '',
	label TEXT NOT NULL,
	period_code TEXT NOT NULL DEFAULT '',	-- '' = no value
	has_value INTEGER NOT NULL DEFAULT 0,
	num INTEGER NOT NULL DEFAULT 0,
	den INTEGER NOT NULL DEFAULT 0,
	has_den INTEGER NOT NULL DEFAULT 0,
	num_m INTEGER NOT NULL DEFAULT 0,
	num_f INTEGER NOT NULL DEFAULT 0,
	den_m INTEGER NOT NULL DEFAULT 0,
	den_f INTEGER NOT NULL DEFAULT 0,
	has_sex INTEGER NOT NULL DEFAULT 0,
	status TEXT NOT NULL DEFAULT '',
	target_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_value_report ON report_value (report_id);

CREATE TABLE report_activity (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	on_date TEXT NOT NULL,
	title TEXT NOT NULL,
	reached INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_activity_report ON report_activity (report_id);

-- An obligation's period closed by the receiving office: no more
-- submissions.
CREATE TABLE report_lock (
	id INTEGER PRIMARY KEY,
	reporting_id INTEGER NOT NULL REFERENCES plan_reporting(id) ON DELETE CASCADE,
	period_id INTEGER NOT NULL REFERENCES period(id),
	due_on TEXT NOT NULL DEFAULT '',
	locked_by INTEGER REFERENCES app_user(id),
	locked_at INTEGER NOT NULL,
	UNIQUE (reporting_id, period_id, due_on)
);
