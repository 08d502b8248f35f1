-- 0005_register_io.sql -- what the register's import, year-end rollover and
-- computed targets keep: the values computed from the register per school,
-- the five-year-old population figures their mobilisation rate is measured
-- against, and every rollover with what is needed to undo it.

-- Values of the indicators whose source is 'register', computed per school
-- and school year from its enrolments (regstat/, docs/internals/dashboard.md
-- "Computed values").  grade 99 is the whole school; other rows split the
-- dropout rates by grade.  Splits: sex, ethnic minority (every group but
-- Kinh; Kinh = total - minority), disability.  A NULL denominator: the
-- school gives only the numerator (five-year-olds attending; the
-- denominator is the area's population).  Replaced whole each time the
-- school's register changes; never edited by hand.
CREATE TABLE reg_value (
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	grade INTEGER NOT NULL DEFAULT 99,
	num_total INTEGER NOT NULL,
	num_m INTEGER NOT NULL,
	num_f INTEGER NOT NULL,
	num_minority INTEGER NOT NULL,
	num_disabled INTEGER NOT NULL,
	den_total INTEGER,
	den_m INTEGER,
	den_f INTEGER,
	den_minority INTEGER,
	den_disabled INTEGER,
	computed_at INTEGER NOT NULL,
	PRIMARY KEY (unit_id, indicator_id, period_id, grade)
);
CREATE INDEX reg_value_ind ON reg_value (indicator_id, period_id);

-- Five-year-olds living in an area in a school year (the denominator of
-- MOBILISATION_5Y): entered per commune (before 1 July 2025: per district,
-- whose communes were not units yet).  A figure counts for its unit and
-- adds to the figures below it: enter each child once, at one level.
CREATE TABLE population_5y (
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	total INTEGER NOT NULL CHECK (total >= 0),
	male INTEGER CHECK (male IS NULL OR male >= 0),
	female INTEGER CHECK (female IS NULL OR female >= 0),
	minority INTEGER CHECK (minority IS NULL OR minority >= 0),
	entered_by INTEGER REFERENCES app_user(id),
	entered_at INTEGER NOT NULL,
	PRIMARY KEY (unit_id, period_id),
	CHECK (male IS NULL OR female IS NULL OR male + female = total)
);

-- A year-end rollover of a school (rollover/): each enrolment of the year
-- it closed (with the status it had before) and each enrolment it opened
-- in the next year.  Undo restores the statuses and deletes the opened
-- rows, if none of them has changed since.
CREATE TABLE rollover (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	from_period_id INTEGER NOT NULL REFERENCES period(id),
	to_period_id INTEGER NOT NULL REFERENCES period(id),
	applied_by INTEGER REFERENCES app_user(id),
	applied_at INTEGER NOT NULL,
	undone_by INTEGER REFERENCES app_user(id),
	undone_at INTEGER
);
CREATE INDEX rollover_unit ON rollover (unit_id, from_period_id);

CREATE TABLE rollover_item (
	rollover_id INTEGER NOT NULL REFERENCES rollover(id) ON DELETE CASCADE,
	enrolment_id INTEGER NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
	old_status TEXT NOT NULL,
	old_status_on TEXT NOT NULL,
	new_status TEXT NOT NULL,
	next_enrolment_id INTEGER REFERENCES enrolment(id) ON DELETE SET NULL,
	PRIMARY KEY (rollover_id, enrolment_id)
);
