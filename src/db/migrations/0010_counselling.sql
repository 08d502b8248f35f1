-- 0010_counselling.sql -- the school counsellor's sessions (src/counsel/).
-- A session is with a child of the register (child_id) or, for a pupil who
-- asks without a register link, only the initials.  The notes are sealed
-- with the case key like the free text of a protection case
-- (cases/crypt.h); NULL when there are none.

CREATE TABLE counselling_session (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	child_id INTEGER REFERENCES child(id) ON DELETE SET NULL,
	initials TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL CHECK (kind IN ('individual', 'group', 'parent', 'crisis')),
	held_on TEXT NOT NULL,
	follow_up INTEGER NOT NULL DEFAULT 0,
	follow_up_on TEXT,
	notes_sealed TEXT,
	created_by INTEGER REFERENCES app_user(id),
	created_at INTEGER NOT NULL
);
CREATE INDEX counselling_session_unit ON counselling_session (unit_id, held_on);
