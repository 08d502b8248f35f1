-- 0015_mail.sql -- e-mail through a configured SMTP server, and deadline
-- reminders: users' addresses, the SMTP settings (one row), the outbox the
-- sender delivers from, and which reminders were already sent.

-- A user's e-mail address ('' or NULL = none); set by an administrator or
-- by the user on /account.
ALTER TABLE app_user ADD COLUMN email TEXT;

-- The SMTP settings.  server_url '' = e-mail is off.  The password is
-- sealed with the case key when the server has one (password_sealed = 1),
-- else stored as typed (see README, "E-mail").
CREATE TABLE mail_setting (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	server_url TEXT NOT NULL DEFAULT '',	-- smtp://host:587, smtps://host
	starttls INTEGER NOT NULL DEFAULT 1,	-- 1 = refuse to send in clear
	username TEXT NOT NULL DEFAULT '',
	password TEXT NOT NULL DEFAULT '',
	password_sealed INTEGER NOT NULL DEFAULT 0,
	from_addr TEXT NOT NULL DEFAULT '',
	base_url TEXT NOT NULL DEFAULT '',	-- https://vitre.example.vn
	remind_days INTEGER NOT NULL DEFAULT 14,	-- days before a due date
	updated_at INTEGER NOT NULL DEFAULT 0
);
INSERT INTO mail_setting (id) VALUES (1);

-- Messages to send.  state: queued (waiting or to retry after a failed
-- attempt; last_error says why), sent, failed (gave up).  A sender claims
-- a message by moving next_at forward, so two servers never send it twice
-- at once.
CREATE TABLE mail_outbox (
	id INTEGER PRIMARY KEY,
	user_id INTEGER REFERENCES app_user(id),
	to_addr TEXT NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	state TEXT NOT NULL DEFAULT 'queued',
	attempts INTEGER NOT NULL DEFAULT 0,
	next_at INTEGER NOT NULL,
	sent_at INTEGER,
	last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_at);

-- One reminder per obligation, user and kind ('soon' before the due date,
-- 'overdue' after it).
CREATE TABLE reminder_sent (
	user_id INTEGER NOT NULL REFERENCES app_user(id),
	reporting_id INTEGER NOT NULL,
	period_id INTEGER NOT NULL,
	due_on TEXT NOT NULL,
	kind TEXT NOT NULL,
	at INTEGER NOT NULL,
	PRIMARY KEY (user_id, reporting_id, period_id, due_on, kind)
);
