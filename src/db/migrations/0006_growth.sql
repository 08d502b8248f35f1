-- 0006_growth.sql -- growth monitoring: measurement sessions of a class and
-- the measurements taken in them, with the WHO z-scores, their flags and
-- the classification computed when they were saved (growth/zscore.h, the
-- rules in docs/internals/zscore.md); the nutrition indicators computed from
-- them (docs/internals/growth.md).
--
-- Measurements are health data (sensitive: Decree 13/2023): the same rule
-- as the register's sensitive fields decides who sees them, and every view
-- of a child's measurements is an audit_log row ('growth.view').
-- Dates are 'YYYY-MM-DD', times Unix seconds.

-- One weighing and measuring of a class on one day (a kindergarten does it
-- about three times a school year).  period_id is the school year whose
-- enrolments make the class.
CREATE TABLE growth_session (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	class_name TEXT NOT NULL,
	measured_on TEXT NOT NULL,
	created_by INTEGER REFERENCES app_user(id),
	created_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES app_user(id),
	updated_at INTEGER NOT NULL,
	is_demo INTEGER NOT NULL DEFAULT 0,
	UNIQUE (unit_id, period_id, class_name, measured_on)
);

-- One child measured on one day.  weight in kg, lenhei in cm as measured,
-- position 'l' lying (length) or 'h' standing (height); NULL = not taken.
-- age_days: measured_on - birth date.  The z-scores carry WHO's output
-- names (zlen zwei zwfl zbmi for WHO 2006, under 60 months; zhfa zwfa zbfa
-- for WHO 2007, 5-19 years); NULL = missing; the f* columns are WHO's flags
-- (1 implausible, 0 not; NULL when z is missing).  The classification per
-- dimension (stunting: length/height-for-age; underweight: weight-for-age;
-- wfh: weight-for-length/height under 5; bfa: BMI-for-age 5-19) is one of
-- the level codes below ('none' = no valid, unflagged z-score).
-- warnings: what looked implausible when saved (bits of growth_warn in
-- growth/growth.h: 1 a flagged z-score, 2 weight gained too fast, 4 weight
-- lost too fast, 8 length/height fell); confirmed = 1 when the person who
-- entered it confirmed the value anyway (confirmed_by).  A child has at most
-- one measurement a day.
CREATE TABLE measurement (
	id INTEGER PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES growth_session(id)
	    ON DELETE CASCADE,
	child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
	measured_on TEXT NOT NULL,
	age_days INTEGER NOT NULL CHECK (age_days >= 0),
	weight REAL CHECK (weight IS NULL OR weight > 0),
	lenhei REAL CHECK (lenhei IS NULL OR lenhei > 0),
	position TEXT CHECK (position IS NULL OR position IN ('l', 'h')),
	oedema INTEGER NOT NULL DEFAULT 0 CHECK (oedema IN (0, 1)),
	zlen REAL, flen INTEGER,
	zwei REAL, fwei INTEGER,
	zwfl REAL, fwfl INTEGER,
	zbmi REAL, fbmi INTEGER,
	zhfa REAL, fhfa INTEGER,
	zwfa REAL, fwfa INTEGER,
	zbfa REAL, fbfa INTEGER,
	stunting TEXT NOT NULL DEFAULT 'none' CHECK (stunting IN ('none',
	    'severe', 'moderate', 'normal', 'overweight', 'obesity')),
	underweight TEXT NOT NULL DEFAULT 'none' CHECK (underweight IN ('none',
	    'severe', 'moderate', 'normal', 'overweight', 'obesity')),
	wfh TEXT NOT NULL DEFAULT 'none' CHECK (wfh IN ('none', 'severe',
	    'moderate', 'normal', 'overweight', 'obesity')),
	bfa TEXT NOT NULL DEFAULT 'none' CHECK (bfa IN ('none', 'severe',
	    'moderate', 'normal', 'overweight', 'obesity')),
	warnings INTEGER NOT NULL DEFAULT 0 CHECK (warnings >= 0),
	confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
	confirmed_by INTEGER REFERENCES app_user(id),
	entered_by INTEGER REFERENCES app_user(id),
	entered_at INTEGER NOT NULL,
	is_demo INTEGER NOT NULL DEFAULT 0,
	CHECK (weight IS NOT NULL OR lenhei IS NOT NULL),
	UNIQUE (child_id, measured_on)
);
CREATE INDEX measurement_session ON measurement (session_id);

-- Aggregate values computed by vitre rather than entered: the nutrition
-- indicators of a school and school year are written from its measurements
-- each time a session is saved (growth/growth_db.c), and the value-entry
-- form refuses to overwrite them.  0 = entered (or demo) as before.
ALTER TABLE agg_value ADD COLUMN computed INTEGER NOT NULL DEFAULT 0;

-- Wasting (QĐ 23/QĐ-TTg target 4 family) and the coverage of measuring,
-- next to UNDERWEIGHT, STUNTING and OVERWEIGHT (0003).
INSERT INTO indicator (seq, code, name_vi, name_en, definition_vi, definition_en,
	numerator_vi, numerator_en, denominator_vi, denominator_en, unit, direction,
	by_sex, source, period_type, levels, ref) VALUES
(26, 'WASTING',
 'Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể gầy còm',
 'Wasted children under 5',
 'Tỷ lệ phần trăm trẻ dưới 5 tuổi có cân nặng theo chiều dài/chiều cao dưới -2 SD (chuẩn WHO 2006) trong số trẻ được cân đo có chỉ số hợp lệ.',
 'Percentage of children under 5 with weight-for-length/height below -2 SD (WHO 2006) among children measured with a valid z-score.',
 'Số trẻ có cân nặng/chiều cao < -2 SD', 'Children with weight-for-height < -2 SD',
 'Số trẻ được cân đo có chỉ số hợp lệ', 'Children measured with a valid z-score',
 'percent', 'down', 1, 'growth', 'school_year', ',mn,group,', 'QĐ 23/QĐ-TTg, chỉ tiêu 4'),
(27, 'GROWTH_COVERAGE',
 'Tỷ lệ trẻ dưới 5 tuổi được cân đo',
 'Children under 5 weighed and measured',
 'Tỷ lệ phần trăm trẻ dưới 5 tuổi (tính vào đầu năm học) đang học tại trường được cân đo ít nhất một lần trong năm học.',
 'Percentage of the children enrolled who were under 5 at the start of the school year and were weighed or measured at least once in it.',
 'Số trẻ dưới 5 tuổi được cân đo', 'Children under 5 measured',
 'Số trẻ dưới 5 tuổi đang học', 'Children under 5 enrolled',
 'percent', 'up', 1, 'growth', 'school_year', ',mn,group,', 'Theo dõi tăng trưởng (độ bao phủ cân đo)');
