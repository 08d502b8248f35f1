-- 0001_init.sql -- the foundation schema: units, users, sessions, indicators,
-- periods, aggregate values, plans and their targets, audit log.
-- Portable SQL (SQLite and PostgreSQL): INTEGER/TEXT/REAL, ? placeholders in
-- the code, dates as 'YYYY-MM-DD' text, times as Unix seconds.

CREATE TABLE meta (
	k TEXT PRIMARY KEY,
	v TEXT NOT NULL
);
INSERT INTO meta (k, v) VALUES ('generation', '1');

-- Organisation units: ministry, province department, district office,
-- commune, schools of every level, independent groups.
CREATE TABLE unit (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,		-- official code (mã đơn vị / mã trường)
	kind TEXT NOT NULL,			-- see units/unit.c unit_kinds[]
	name TEXT NOT NULL,			-- Vietnamese name
	name_en TEXT,
	abbrev TEXT,				-- ký hiệu used in document symbols, e.g. MNHL
	place TEXT,				-- địa danh for document dates, e.g. Huế
	opened_on TEXT,				-- NULL = always existed
	closed_on TEXT,				-- first day it no longer exists; NULL = open
	is_demo INTEGER NOT NULL DEFAULT 0
);

-- Parent links, typed and dated: 'admin' = state management (hành chính),
-- 'prof' = professional (chuyên môn).  valid_to is exclusive.
CREATE TABLE unit_link (
	id INTEGER PRIMARY KEY,
	child_id INTEGER NOT NULL REFERENCES unit(id),
	parent_id INTEGER NOT NULL REFERENCES unit(id),
	role TEXT NOT NULL CHECK (role IN ('admin', 'prof')),
	valid_from TEXT NOT NULL DEFAULT '1900-01-01',
	valid_to TEXT NOT NULL DEFAULT '9999-12-31',
	CHECK (child_id <> parent_id),
	CHECK (valid_from < valid_to)
);
CREATE INDEX unit_link_child ON unit_link (child_id);
CREATE INDEX unit_link_parent ON unit_link (parent_id);

CREATE TABLE app_user (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	full_name TEXT NOT NULL,
	pw_hash TEXT NOT NULL,			-- libsodium argon2id string
	role TEXT NOT NULL,			-- see auth/role.c
	unit_id INTEGER NOT NULL REFERENCES unit(id),	-- scope root
	lang TEXT NOT NULL DEFAULT 'vi',
	active INTEGER NOT NULL DEFAULT 1,
	is_demo INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);

CREATE TABLE session (
	token_hash TEXT PRIMARY KEY,		-- hex BLAKE2b of the cookie token
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	csrf TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX session_user ON session (user_id);

-- Who did what: sensitive reads and every change.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	user_id INTEGER,
	action TEXT NOT NULL,
	object TEXT NOT NULL,
	detail TEXT
);

-- The indicator catalogue.
CREATE TABLE indicator (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name_vi TEXT NOT NULL,
	name_en TEXT NOT NULL,
	definition_vi TEXT NOT NULL,
	definition_en TEXT NOT NULL,
	numerator_vi TEXT NOT NULL,
	numerator_en TEXT NOT NULL,
	denominator_vi TEXT,			-- NULL for counts
	denominator_en TEXT,
	unit TEXT NOT NULL CHECK (unit IN ('percent', 'per1000', 'count')),
	direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
	by_sex INTEGER NOT NULL DEFAULT 1,
	source TEXT NOT NULL CHECK (source IN ('entered', 'register', 'growth', 'activity', 'cases')),
	period_type TEXT NOT NULL CHECK (period_type IN ('school_year', 'year', 'half_year')),
	levels TEXT NOT NULL DEFAULT '',	-- school kinds it applies to, ',MN,TH,'; '' = all
	ref TEXT NOT NULL DEFAULT '',		-- e.g. 'QĐ 23/QĐ-TTg, chỉ tiêu 17'
	seq INTEGER NOT NULL DEFAULT 0
);

-- Reporting periods: school years '2024-2025', calendar years '2024',
-- half years '2024S1' / '2024S2'.  end_on is inclusive.
CREATE TABLE period (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	type TEXT NOT NULL CHECK (type IN ('school_year', 'year', 'half_year')),
	start_on TEXT NOT NULL,
	end_on TEXT NOT NULL,
	year INTEGER NOT NULL,			-- the year a target milestone is compared in
	ref_on TEXT NOT NULL			-- date whose unit links a roll-up uses
);

-- Aggregate values: numerator and denominator, split by sex where the
-- indicator is.  A value entered for a unit stands for its whole area.
CREATE TABLE agg_value (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	period_id INTEGER NOT NULL REFERENCES period(id),
	num_total INTEGER NOT NULL,
	num_m INTEGER,
	num_f INTEGER,
	den_total INTEGER,
	den_m INTEGER,
	den_f INTEGER,
	locked INTEGER NOT NULL DEFAULT 0,
	entered_by INTEGER REFERENCES app_user(id),
	entered_at INTEGER NOT NULL,
	is_demo INTEGER NOT NULL DEFAULT 0,
	UNIQUE (unit_id, indicator_id, period_id)
);
CREATE INDEX agg_value_ind ON agg_value (indicator_id, period_id);

-- Plans (kế hoạch) and other plan-like documents (a programme decision).
CREATE TABLE plan (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),	-- owner in vitre
	doc_type TEXT NOT NULL DEFAULT 'KH',	-- Decree 30 type code: KH, QĐ, CTr
	number TEXT NOT NULL DEFAULT '',	-- '89', '152a', '' before registration
	symbol TEXT NOT NULL DEFAULT '',	-- 'KH-MNHL'
	issuer TEXT NOT NULL,			-- tên cơ quan ban hành
	parent_body TEXT NOT NULL DEFAULT '',	-- tên cơ quan chủ quản
	place TEXT NOT NULL DEFAULT '',
	issued_on TEXT,
	title TEXT NOT NULL,
	period_from INTEGER NOT NULL,
	period_to INTEGER NOT NULL,
	intro TEXT NOT NULL DEFAULT '',
	closing TEXT NOT NULL DEFAULT '',
	implements_id INTEGER REFERENCES plan(id),	-- the programme whose targets it localises
	signer_authority TEXT NOT NULL DEFAULT '',	-- '', 'KT.', 'TM.', 'Q.', 'TL.'
	signer_title TEXT NOT NULL DEFAULT '',
	signer_name TEXT NOT NULL DEFAULT '',
	is_demo INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL,
	CHECK (period_from <= period_to)
);
CREATE INDEX plan_unit ON plan (unit_id);

-- Phases (giai đoạn) of a plan.
CREATE TABLE plan_phase (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	name TEXT NOT NULL,
	from_year INTEGER NOT NULL,
	to_year INTEGER NOT NULL
);

-- Căn cứ: the basis chain.  ref_plan_id is set when the cited plan is in vitre.
CREATE TABLE plan_basis (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	text TEXT NOT NULL,
	ref TEXT NOT NULL DEFAULT '',		-- '442/KH-UBND' as cited
	ref_plan_id INTEGER REFERENCES plan(id)
);

-- The body of the document as a tree of numbered sections: objectives,
-- tasks and solutions (with owner and due date), implementation.
CREATE TABLE plan_node (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES plan_node(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	kind TEXT NOT NULL,			-- see plans/plan.c node kinds
	heading TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL DEFAULT '',
	owner TEXT NOT NULL DEFAULT '',
	due_on TEXT
);
CREATE INDEX plan_node_plan ON plan_node (plan_id);

CREATE TABLE plan_target (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	code TEXT NOT NULL,			-- key inside the plan, e.g. 'CT17a'
	label TEXT NOT NULL,			-- 'Chỉ tiêu 17'
	indicator_id INTEGER NOT NULL REFERENCES indicator(id),
	clause TEXT NOT NULL,			-- the sentence it came from
	baseline REAL,
	baseline_year INTEGER,
	UNIQUE (plan_id, code)
);

CREATE TABLE target_milestone (
	id INTEGER PRIMARY KEY,
	target_id INTEGER NOT NULL REFERENCES plan_target(id) ON DELETE CASCADE,
	year INTEGER NOT NULL,
	cmp TEXT NOT NULL CHECK (cmp IN ('>=', '>', '<=', '<', '=')),
	value REAL NOT NULL,
	UNIQUE (target_id, year)
);

CREATE TABLE plan_funding (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	source TEXT NOT NULL
);

-- Who implements what ("Tổ chức thực hiện"), optionally naming targets.
CREATE TABLE plan_assignment (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	who TEXT NOT NULL,
	what TEXT NOT NULL,
	target_codes TEXT NOT NULL DEFAULT ''	-- 'CT7,CT15a'
);

-- The reporting regime: what is reported, to whom, when.
CREATE TABLE plan_reporting (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	what TEXT NOT NULL,
	to_whom TEXT NOT NULL,
	schedule TEXT NOT NULL CHECK (schedule IN ('dates', 'school_year', 'annual', 'as_required')),
	dates TEXT NOT NULL DEFAULT '',		-- 'MM-DD' list for 'dates', e.g. '05-05,11-05'
	channel TEXT NOT NULL DEFAULT ''
);

-- Nơi nhận.
CREATE TABLE plan_recipient (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	text TEXT NOT NULL
);
