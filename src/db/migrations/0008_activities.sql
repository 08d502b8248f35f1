-- 0008_activities.sql -- communication and training events and campaigns
-- (activities) of a unit, who took part, the sizes of the audience groups,
-- and where an aggregate value came from.
--
-- Participation is recorded per event either as counts by group and sex
-- (mode 'counts') or as a list of persons (mode 'persons').  Persons are
-- kept per unit, so the same person at several events is one person: the
-- reach targets (REACH_SCHOOL, REACH_WORKERS) count distinct persons, not
-- attendances.  Groups: 'staff', 'parents', 'students', 'workers'.

CREATE TABLE activity (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	kind TEXT NOT NULL,		-- month_children, gender_month, ...
	title TEXT NOT NULL,
	start_on TEXT NOT NULL,		-- YYYY-MM-DD; the year it counts in
	end_on TEXT NOT NULL,
	audience TEXT NOT NULL,		-- groups, comma-separated: 'staff,parents'
	mode TEXT NOT NULL DEFAULT 'counts' CHECK (mode IN ('counts', 'persons')),
	note TEXT NOT NULL DEFAULT '',
	is_demo INTEGER NOT NULL DEFAULT 0,
	created_by INTEGER REFERENCES app_user(id),
	updated_at INTEGER NOT NULL,
	CHECK (start_on <= end_on)
);
CREATE INDEX activity_unit ON activity (unit_id, start_on);

-- Count-only participation: how many of a group took part, by sex.
CREATE TABLE activity_count (
	activity_id INTEGER NOT NULL REFERENCES activity(id),
	grp TEXT NOT NULL,
	num_m INTEGER NOT NULL CHECK (num_m >= 0),
	num_f INTEGER NOT NULL CHECK (num_f >= 0),
	PRIMARY KEY (activity_id, grp)
);

-- A person who took part in an activity of the unit.  name_key is the
-- name folded for matching (capitals, single spaces): the same name_key,
-- group and sex in a unit is the same person.
CREATE TABLE activity_person (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	name TEXT NOT NULL,
	name_key TEXT NOT NULL,
	grp TEXT NOT NULL,
	sex TEXT NOT NULL CHECK (sex IN ('m', 'f')),
	is_demo INTEGER NOT NULL DEFAULT 0,
	UNIQUE (unit_id, name_key, grp, sex)
);

CREATE TABLE activity_attendee (
	activity_id INTEGER NOT NULL REFERENCES activity(id),
	person_id INTEGER NOT NULL REFERENCES activity_person(id),
	PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_attendee_person ON activity_attendee (person_id);

-- The size of each audience group of a unit in a calendar year, by sex:
-- the denominators of the reach targets.
CREATE TABLE group_size (
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	year INTEGER NOT NULL,
	grp TEXT NOT NULL,
	num_m INTEGER NOT NULL CHECK (num_m >= 0),
	num_f INTEGER NOT NULL CHECK (num_f >= 0),
	is_demo INTEGER NOT NULL DEFAULT 0,
	entered_by INTEGER REFERENCES app_user(id),
	entered_at INTEGER NOT NULL,
	PRIMARY KEY (unit_id, year, grp)
);

-- Where an aggregate value came from: 'entered' by hand (or the demo), or
-- 'activities' (computed from the activity log; rewritten on every change
-- of the unit's activities or group sizes for that year).
ALTER TABLE agg_value ADD COLUMN source TEXT NOT NULL DEFAULT 'entered';
