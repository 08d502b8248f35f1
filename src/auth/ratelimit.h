/*
 * ratelimit.h -- limits on sign-in attempts.
 *
 * Failed attempts are counted per key ("user|ip" and "ip") in a fixed
 * window; past the limit the key is refused until the window ends.  The
 * table is in memory and bounded: an old entry is reused when it is full.
 * It also caps how many argon2id hashes run at once, since each takes
 * 64 MiB and most of a core.
 */
#ifndef VITRE_RATELIMIT_H
#define VITRE_RATELIMIT_H

#include <stdbool.h>
#include <time.h>

#define RATELIMIT_WINDOW	(15 * 60)	/* seconds */
#define RATELIMIT_PER_USER	5		/* failures per user and address */
#define RATELIMIT_PER_IP	30		/* failures per address */
#define RATELIMIT_HASHES	2		/* concurrent password hashes */

struct ratelimit;

struct ratelimit	*ratelimit_new(void);
void			 ratelimit_free(struct ratelimit *);
/* May key try now?  If not, *retry_after is the seconds to wait. */
bool			 ratelimit_allowed(struct ratelimit *, const char *key,
			    int limit, time_t now, long *retry_after);
void			 ratelimit_fail(struct ratelimit *, const char *key,
			    time_t now);
void			 ratelimit_clear(struct ratelimit *, const char *key);
void			 ratelimit_hash_enter(struct ratelimit *);
void			 ratelimit_hash_leave(struct ratelimit *);

#endif
