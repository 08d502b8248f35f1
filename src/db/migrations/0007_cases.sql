-- 0007_cases.sql -- child protection cases (Law on Children 2016, Decree
-- 56/2017): the report (form 01), initial risk assessment (form 02) with
-- the 12-hour emergency clock, referrals, detailed assessment (form 03),
-- the support plan (form 04) and its approval (form 05), the school's
-- measures, reviews (form 06), closure or a new cycle; who is assigned to
-- a case; the hash-chained case audit log; in-app notifications; deadline
-- settings and public holidays.
--
-- Free text is stored only sealed (cases/crypt.h): every column ending in
-- _enc holds "v1:" + base64(nonce || secretbox); the key is never in the
-- database.  Codes, dates and counts stay clear so that deadlines and the
-- de-identified statistics (TT 13/2021 indicator 0101) need no key.

CREATE TABLE casefile (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),	-- the school
	state TEXT NOT NULL DEFAULT 'reported' CHECK (state IN ('reported',
	    'assessed', 'detailed', 'planned', 'approved', 'closed')),
	cycle INTEGER NOT NULL DEFAULT 1,	-- plan cycle; a review may start another
	source TEXT NOT NULL CHECK (source IN ('phone', 'in_person', 'other_person')),
	received_at INTEGER NOT NULL,		-- when the information came in (Unix time)
	reported_by INTEGER NOT NULL REFERENCES app_user(id),
	reporter_hidden INTEGER NOT NULL DEFAULT 0,	-- not shown to the people on the case
	created_at INTEGER NOT NULL,
	child_ref_enc TEXT,			-- sealed id of the child in the register, if linked
	child_tag TEXT,				-- keyed hash of that id: counts a child once, names nobody
	child_sex TEXT NOT NULL CHECK (child_sex IN ('m', 'f', 'u')),
	child_age INTEGER CHECK (child_age BETWEEN 0 AND 17),	-- years, estimated; NULL = unknown
	abuse_form TEXT NOT NULL CHECK (abuse_form IN ('violence', 'exploitation',
	    'sexual', 'trafficking', 'neglect', 'other')),
	sexual_kind TEXT CHECK (sexual_kind IN ('rape', 'coercion', 'intercourse',
	    'molestation', 'prostitution')),
	setting TEXT NOT NULL CHECK (setting IN ('family', 'school', 'community',
	    'online', 'other')),
	child_name_enc TEXT NOT NULL,
	place_enc TEXT NOT NULL,
	narrative_enc TEXT NOT NULL,
	informant_name_enc TEXT,		-- form 01 part 3, only if they agree
	informant_phone_enc TEXT,
	informant_address_enc TEXT,
	finding TEXT CHECK (finding IN ('abused', 'at_risk', 'not_confirmed')),
	serious INTEGER,			-- form 02: serious harm
	emergency_due INTEGER,			-- received_at + the emergency hours
	emergency_done_at INTEGER,
	plan_due TEXT,				-- form 04 deadline of the current cycle
	closed_at INTEGER,
	is_demo INTEGER NOT NULL DEFAULT 0,
	CHECK (abuse_form = 'sexual' OR sexual_kind IS NULL)
);
CREATE INDEX casefile_unit ON casefile (unit_id);
CREATE INDEX casefile_reporter ON casefile (reported_by);
CREATE INDEX casefile_finding ON casefile (finding, received_at);
CREATE INDEX casefile_tag ON casefile (child_tag);

-- The steps of the procedure, one row each: form 02 (assessment), the
-- emergency action, form 03 (detailed), 04 (plan), 05 (approval), 06
-- (review).  done_on is the date written on the form.
CREATE TABLE case_step (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES casefile(id),
	cycle INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('assessment', 'emergency', 'detailed',
	    'plan', 'approval', 'review')),
	done_on TEXT NOT NULL,
	done_at INTEGER,			-- the hour matters: emergency action
	by_user INTEGER NOT NULL REFERENCES app_user(id),
	recorded_at INTEGER NOT NULL,
	rating1 TEXT CHECK (rating1 IN ('high', 'medium', 'low')),	-- form 06
	rating2 TEXT CHECK (rating2 IN ('high', 'medium', 'low')),
	rating3 TEXT CHECK (rating3 IN ('high', 'medium', 'low')),
	outcome TEXT CHECK (outcome IN ('close', 'continue')),	-- form 06
	text_enc TEXT NOT NULL
);
CREATE INDEX case_step_case ON case_step (case_id);

-- Referrals to the commune child-protection officer, hotline 111 or the
-- police.  A commune officer with a vitre account (to_user_id) sees the
-- case.  An unacknowledged referral escalates after the configured hours.
CREATE TABLE case_referral (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES casefile(id),
	to_kind TEXT NOT NULL CHECK (to_kind IN ('commune', 'hotline', 'police',
	    'other')),
	to_user_id INTEGER REFERENCES app_user(id),
	how TEXT NOT NULL CHECK (how IN ('phone', 'letter', 'in_person', 'online')),
	sent_at INTEGER NOT NULL,
	by_user INTEGER NOT NULL REFERENCES app_user(id),
	contact_enc TEXT NOT NULL,		-- who was reached, what was said
	ack_at INTEGER,
	ack_enc TEXT,				-- who acknowledged, reference
	escalated_at INTEGER
);
CREATE INDEX case_referral_case ON case_referral (case_id);
CREATE INDEX case_referral_user ON case_referral (to_user_id);

-- The measures the plan assigns to the school, with an owner (someone on
-- the case) and a due date.
CREATE TABLE case_measure (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES casefile(id),
	cycle INTEGER NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('counselling', 'learning', 'safety',
	    'other')),
	owner_id INTEGER NOT NULL REFERENCES app_user(id),
	due_on TEXT NOT NULL,
	what_enc TEXT NOT NULL,
	done_on TEXT,
	created_by INTEGER NOT NULL REFERENCES app_user(id),
	created_at INTEGER NOT NULL
);
CREATE INDEX case_measure_case ON case_measure (case_id);

-- Need-to-know: the people assigned to a case.  The principal of the
-- school and the commune officer a case was referred to see it without a
-- row here; nobody else does, administrators included.
CREATE TABLE case_worker (
	case_id INTEGER NOT NULL REFERENCES casefile(id),
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	assigned_by INTEGER REFERENCES app_user(id),	-- NULL: as the school's focal point
	assigned_at INTEGER NOT NULL,
	PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_worker_user ON case_worker (user_id);

-- The school's child-protection focal points, named by the principal:
-- assigned to every new report of the school and notified at once.
CREATE TABLE cp_focal (
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	named_by INTEGER REFERENCES app_user(id),
	named_at INTEGER NOT NULL,
	PRIMARY KEY (unit_id, user_id)
);

-- The case audit log (cases/caseaudit.h): append-only, hash-chained.
CREATE TABLE case_audit (
	id INTEGER PRIMARY KEY,
	seq INTEGER NOT NULL UNIQUE,
	at INTEGER NOT NULL,
	user_id INTEGER NOT NULL,		-- 0 = the system; no key: the log outlives accounts
	username TEXT NOT NULL,
	ip TEXT NOT NULL,
	action TEXT NOT NULL,
	case_id INTEGER NOT NULL,		-- 0 = no case
	detail TEXT NOT NULL,
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX case_audit_case ON case_audit (case_id);
-- A guard against mistakes in vitre; the chain is what proves tampering.
CREATE TRIGGER case_audit_no_update BEFORE UPDATE ON case_audit
BEGIN
	SELECT RAISE(ABORT, 'case_audit is append-only');
END;
CREATE TRIGGER case_audit_no_delete BEFORE DELETE ON case_audit
BEGIN
	SELECT RAISE(ABORT, 'case_audit is append-only');
END;

-- In-app notifications.  The text never names a child: a case number and
-- what is due.
CREATE TABLE notification (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	at INTEGER NOT NULL,
	link TEXT NOT NULL,
	text_vi TEXT NOT NULL,
	text_en TEXT NOT NULL,
	read_at INTEGER
);
CREATE INDEX notification_user ON notification (user_id, read_at);

-- Deadlines.  Where Decree 56 is clear the value is the law's; where it is
-- not confirmed (domain/vn-legal.md section 10) the value is a setting
-- ('' = no deadline until the province sets one).
CREATE TABLE case_setting (
	k TEXT PRIMARY KEY,
	v TEXT NOT NULL,
	note TEXT NOT NULL
);
INSERT INTO case_setting (k, v, note) VALUES
('emergency_hours', '12', 'NĐ 56/2017 Điều 26: can thiệp khẩn cấp trong 12 giờ khi tổn hại nghiêm trọng'),
('plan_working_days', '5', 'NĐ 56/2017 Điều 28: kế hoạch hỗ trợ, can thiệp trong 05 ngày làm việc'),
('plan_from', 'report', 'mốc tính 5 ngày làm việc: report = ngày tiếp nhận, detailed = ngày đánh giá chi tiết (chưa xác nhận)'),
('detailed_working_days', '', 'hạn đánh giá chi tiết (mẫu 03): luật chưa xác nhận; trống = không có hạn'),
('approval_working_days', '', 'hạn phê duyệt kế hoạch (mẫu 05): luật chưa xác nhận; trống = không có hạn'),
('referral_ack_hours', '24', 'chuyển gửi chưa được xác nhận sau số giờ này thì báo lên hiệu trưởng (không do luật quy định)');

-- Public holidays (Labour Code 2019 Art. 112) that are not working days.
-- Tết and Giỗ Tổ follow the lunar calendar and compensatory days are
-- announced each year: add the year's days as they are announced.
CREATE TABLE holiday (
	day TEXT PRIMARY KEY,			-- 'YYYY-MM-DD'
	name TEXT NOT NULL
);
INSERT INTO holiday (day, name) VALUES
('2025-01-01', 'Tết Dương lịch'),
('2025-01-27', 'Tết Nguyên đán'),
('2025-01-28', 'Tết Nguyên đán'),
('2025-01-29', 'Tết Nguyên đán'),
('2025-01-30', 'Tết Nguyên đán'),
('2025-01-31', 'Tết Nguyên đán'),
('2025-04-07', 'Giỗ Tổ Hùng Vương'),
('2025-04-30', 'Ngày Chiến thắng'),
('2025-05-01', 'Ngày Quốc tế lao động'),
('2025-09-01', 'Quốc khánh'),
('2025-09-02', 'Quốc khánh'),
('2026-01-01', 'Tết Dương lịch'),
('2026-02-16', 'Tết Nguyên đán'),
('2026-02-17', 'Tết Nguyên đán'),
('2026-02-18', 'Tết Nguyên đán'),
('2026-02-19', 'Tết Nguyên đán'),
('2026-02-20', 'Tết Nguyên đán'),
('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
('2026-04-30', 'Ngày Chiến thắng'),
('2026-05-01', 'Ngày Quốc tế lao động'),
('2026-09-02', 'Quốc khánh'),
('2027-01-01', 'Tết Dương lịch'),
('2027-04-30', 'Ngày Chiến thắng'),
('2027-09-02', 'Quốc khánh');
