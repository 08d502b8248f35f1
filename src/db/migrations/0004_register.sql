-- 0004_register.sql -- the child register (sổ theo dõi trẻ em): children,
-- guardians, disability, special circumstances (Law on Children Art. 10),
-- enrolment per school year with its status history, absences per term,
-- consents per purpose, early-warning settings and teachers' classes.
--
-- Scale: a country has ~25 million children in ~53,000 schools, about one
-- enrolment row per child and school year.  The two questions that must be
-- cheap are "the children of one school in one school year" (enrolment_class:
-- a range of one index) and "a name within a scope" (child_school_name for
-- one school, child_name for a prefix anywhere).  Codes are the model's
-- (register/*.h); the CHECKs repeat them so no other writer can store a value
-- the code does not know.  Dates are 'YYYY-MM-DD', times Unix seconds.
-- Sensitive columns (Decree 13/2023, Law 91/2025): child.ethnicity,
-- child_disability, child_circumstance.

-- A child.  school_id is the school of the child's latest enrolment, kept by
-- the code in the transaction that changes enrolments (a transfer moves it),
-- so "search within a school" needs no join.
CREATE TABLE child (
	id INTEGER PRIMARY KEY,
	full_name TEXT NOT NULL,		-- as written: 'Nguyễn Văn An'
	name_key TEXT NOT NULL,			-- folded: 'nguyen van an' (register/namefold.c)
	sex TEXT NOT NULL CHECK (sex IN ('m', 'f')),
	birth_date TEXT NOT NULL,
	ethnicity TEXT CHECK (ethnicity IS NULL OR length(ethnicity) = 2),	-- GSO code, '01' = Kinh
	personal_id TEXT UNIQUE CHECK (personal_id IS NULL OR length(personal_id) = 12),	-- số định danh cá nhân
	learner_code TEXT UNIQUE,		-- mã định danh ngành (CSDL ngành)
	address TEXT NOT NULL DEFAULT '',
	household TEXT NOT NULL DEFAULT 'none'
	    CHECK (household IN ('none', 'near_poor', 'poor')),
	school_id INTEGER REFERENCES unit(id),
	is_demo INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX child_school_name ON child (school_id, name_key, birth_date);
CREATE INDEX child_name ON child (name_key);

-- Parents and guardians, several per child, in the order shown.
CREATE TABLE guardian (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	full_name TEXT NOT NULL,
	relation TEXT NOT NULL CHECK (relation IN ('father', 'mother',
	    'grandparent', 'sibling', 'relative', 'guardian', 'other')),
	phone TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	UNIQUE (child_id, seq)
);

-- Disability (Law on Persons with Disabilities 2010 Art. 3: kind and
-- severity), learning needs, the education the child receives and
-- rehabilitation support.  At most one row per child; no row = none.
CREATE TABLE child_disability (
	child_id INTEGER PRIMARY KEY REFERENCES child(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('mobility', 'hearing_speech',
	    'vision', 'mental', 'intellectual', 'other', 'multiple')),
	severity TEXT NOT NULL DEFAULT 'unknown'
	    CHECK (severity IN ('mild', 'severe', 'very_severe', 'unknown')),
	learning_needs INTEGER NOT NULL CHECK (learning_needs IN (0, 1)),
	education TEXT NOT NULL CHECK (education IN ('inclusive', 'special',
	    'none')),
	rehab_support INTEGER NOT NULL DEFAULT 0 CHECK (rehab_support IN (0, 1)),
	since TEXT,
	note TEXT NOT NULL DEFAULT ''
);

-- Children in special circumstances, Law on Children Art. 10: the group
-- letter (a b c d đ e g h i k l m n o), an optional sub-group (Decree
-- 56/2017 Ch. II), and the days it held (to_on inclusive; NULL = still).
CREATE TABLE child_circumstance (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
	grp TEXT NOT NULL CHECK (grp IN ('a', 'b', 'c', 'd', 'đ', 'e', 'g',
	    'h', 'i', 'k', 'l', 'm', 'n', 'o')),
	sub_group TEXT NOT NULL DEFAULT '',
	from_on TEXT NOT NULL,
	to_on TEXT,
	note TEXT NOT NULL DEFAULT '',
	CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX child_circumstance_child ON child_circumstance (child_id);

-- A child in a school in a school year (period of type 'school_year').
-- grade: 1-12, or the preschool groups 0 = mẫu giáo 5 tuổi, -1 = 4 tuổi,
-- -2 = 3 tuổi, -3 = nhà trẻ, so the expected age at the start of the year
-- is always grade + 5.  A transfer closes one row (transferred_out, to_*)
-- and opens another at the new school (transferred_in, from_*) for the same
-- child and year.  At most one row per child and year is active (any status
-- but transferred_out and dropped_out).
CREATE TABLE enrolment (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	class_name TEXT NOT NULL,
	grade INTEGER NOT NULL CHECK (grade BETWEEN -3 AND 12),
	status TEXT NOT NULL CHECK (status IN ('studying', 'promoted',
	    'repeated', 'completed', 'transferred_in', 'transferred_out',
	    'dropped_out')),
	entered_on TEXT NOT NULL,		-- first day at this school this year
	status_on TEXT NOT NULL,		-- the day the status took effect
	from_unit_id INTEGER REFERENCES unit(id),	-- transferred in from (in vitre)
	from_school TEXT NOT NULL DEFAULT '',		-- or named (outside vitre)
	to_unit_id INTEGER REFERENCES unit(id),	-- transferred out to (in vitre)
	to_school TEXT NOT NULL DEFAULT '',		-- or named (outside vitre)
	dropout_reason TEXT CHECK (dropout_reason IS NULL OR dropout_reason IN
	    ('economic', 'learning', 'distance', 'work', 'family', 'marriage',
	    'health', 'migration', 'other')),
	note TEXT NOT NULL DEFAULT '',
	is_demo INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL,
	UNIQUE (child_id, period_id, unit_id)
);
CREATE INDEX enrolment_class ON enrolment (unit_id, period_id, class_name);
CREATE UNIQUE INDEX enrolment_active ON enrolment (child_id, period_id)
    WHERE status NOT IN ('transferred_out', 'dropped_out');

-- Every status an enrolment took, with its date and who set it: the
-- history shown on the record, and what "dropped out twice" is checked on.
CREATE TABLE enrolment_event (
	id INTEGER PRIMARY KEY,
	enrolment_id INTEGER NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
	status TEXT NOT NULL,
	on_date TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '',
	user_id INTEGER REFERENCES app_user(id),
	at INTEGER NOT NULL
);
CREATE INDEX enrolment_event_enrolment ON enrolment_event (enrolment_id);

-- Days absent per term (học kỳ I, II) of an enrolment.
CREATE TABLE absence (
	enrolment_id INTEGER NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
	term INTEGER NOT NULL CHECK (term IN (1, 2)),
	excused INTEGER NOT NULL DEFAULT 0 CHECK (excused >= 0),	-- có phép
	unexcused INTEGER NOT NULL DEFAULT 0 CHECK (unexcused >= 0),	-- không phép
	PRIMARY KEY (enrolment_id, term)
);

-- Consent per purpose, from the child (aged 7 or over) or a guardian.
-- Rows are never changed: the latest row (on_date, then id) of a child,
-- purpose and who is the current state.
CREATE TABLE consent (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,
	purpose TEXT NOT NULL CHECK (purpose IN ('care', 'share', 'photo',
	    'publish')),
	who TEXT NOT NULL CHECK (who IN ('child', 'guardian')),
	guardian_id INTEGER REFERENCES guardian(id) ON DELETE SET NULL,
	state TEXT NOT NULL CHECK (state IN ('given', 'withdrawn', 'refused')),
	on_date TEXT NOT NULL,
	recorded_by INTEGER REFERENCES app_user(id),
	recorded_at INTEGER NOT NULL,
	note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consent_child ON consent (child_id, purpose, who, on_date);

-- Early-warning thresholds of a school; no row = the defaults below
-- (register/warning.h has the same numbers).
CREATE TABLE register_setting (
	unit_id INTEGER PRIMARY KEY REFERENCES unit(id),
	absence_days INTEGER NOT NULL DEFAULT 15,	-- per term, all absences
	unexcused_days INTEGER NOT NULL DEFAULT 5,	-- per term, without leave
	over_age_years INTEGER NOT NULL DEFAULT 2,	-- years above grade + 5
	repeats INTEGER NOT NULL DEFAULT 1,		-- years repeated so far
	flag_circumstance INTEGER NOT NULL DEFAULT 1,
	flag_disability INTEGER NOT NULL DEFAULT 1,
	flag_poor INTEGER NOT NULL DEFAULT 1,
	updated_by INTEGER REFERENCES app_user(id),
	updated_at INTEGER NOT NULL
);

-- A teacher's classes (giáo viên chủ nhiệm), set by the principal: a
-- teacher sees the sensitive fields of these children and edits them.
CREATE TABLE class_teacher (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	class_name TEXT NOT NULL,
	UNIQUE (user_id, unit_id, period_id, class_name)
);
CREATE INDEX class_teacher_class ON class_teacher (unit_id, period_id,
    class_name);

-- Views of a child's record are audit_log rows (action 'child.view',
-- object 'child:<id>'); this finds them per object.
CREATE INDEX audit_log_object ON audit_log (object, at);
