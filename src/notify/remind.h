/*
 * remind.h -- reminders of reporting deadlines.
 *
 * A sweep looks at the obligations (reports/report_db.h) of every unit
 * that has active users who may submit its reports (PERM_REPORT_SUBMIT):
 * an open obligation due within the reminder setting's days (mail_conf.h,
 * default REPORT_REMIND_DAYS) gives each such user one notification
 * ("soon"), and one past its date with nothing submitted gives one more
 * ("overdue") while it is at most REMIND_OVERDUE_DAYS late, so that turning
 * reminders on does not flood users with years of history.  Table
 * reminder_sent keeps who was told what, so a sweep run twice tells no one
 * twice.  Notifications go through notify_add(), so e-mail follows when it
 * is on.  Locked obligations and those "as required" are skipped.
 *
 * The sender thread sweeps when the server starts and then every hour;
 * POST /settings/mail/sweep runs it for a given date (tests, catching up).
 */
#ifndef VITRE_REMIND_H
#define VITRE_REMIND_H

#include "core/err.h"

struct app;
struct db;

#define REMIND_OVERDUE_DAYS	30

/*
 * Sweep as of today ("YYYY-MM-DD"); *told (when not NULL) receives the
 * number of notifications added.  Each unit is one transaction.
 */
enum err	 remind_sweep(struct app *, struct db *, const char *today,
		    int *told);

#endif
