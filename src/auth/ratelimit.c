/*
 * ratelimit.c -- fixed-window failure counters and the hash semaphore.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/ratelimit.h"
#include "core/xalloc.h"

#define SLOTS 4096

struct slot {
	uint64_t	key;	/* FNV-1a of the key string; 0 = empty */
	time_t		start;	/* window start */
	int		fails;
};

struct ratelimit {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	int		 hashing;
	struct slot	 slots[SLOTS];
};

static uint64_t
fnv(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ? h : 1;
}

struct ratelimit *
ratelimit_new(void)
{
	struct ratelimit *rl = xcalloc(1, sizeof(*rl));

	pthread_mutex_init(&rl->mu, NULL);
	pthread_cond_init(&rl->cv, NULL);
	return rl;
}

void
ratelimit_free(struct ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->mu);
	pthread_cond_destroy(&rl->cv);
	free(rl);
}

/* The slot of key, or the slot to reuse for it (empty or oldest nearby). */
static struct slot *
find(struct ratelimit *rl, uint64_t k, bool *found)
{
	size_t i = k % SLOTS, n;
	struct slot *oldest = &rl->slots[i];

	for (n = 0; n < 8; n++, i = (i + 1) % SLOTS) {
		struct slot *s = &rl->slots[i];

		if (s->key == k) {
			*found = true;
			return s;
		}
		if (s->key == 0) {
			*found = false;
			return s;
		}
		if (s->start < oldest->start)
			oldest = s;
	}
	*found = false;
	return oldest;
}

bool
ratelimit_allowed(struct ratelimit *rl, const char *key, int limit,
    time_t now, long *retry_after)
{
	bool found, ok = true;
	struct slot *s;

	pthread_mutex_lock(&rl->mu);
	s = find(rl, fnv(key), &found);
	if (found && now - s->start < RATELIMIT_WINDOW && s->fails >= limit) {
		ok = false;
		*retry_after = (long)(s->start + RATELIMIT_WINDOW - now);
	}
	pthread_mutex_unlock(&rl->mu);
	return ok;
}

void
ratelimit_fail(struct ratelimit *rl, const char *key, time_t now)
{
	uint64_t k = fnv(key);
	bool found;
	struct slot *s;

	pthread_mutex_lock(&rl->mu);
	s = find(rl, k, &found);
	if (!found || now - s->start >= RATELIMIT_WINDOW) {
		s->key = k;
		s->start = now;
		s->fails = 0;
	}
	s->fails++;
	pthread_mutex_unlock(&rl->mu);
}

void
ratelimit_clear(struct ratelimit *rl, const char *key)
{
	bool found;
	struct slot *s;

	pthread_mutex_lock(&rl->mu);
	s = find(rl, fnv(key), &found);
	if (found)
		s->fails = 0;
	pthread_mutex_unlock(&rl->mu);
}

void
ratelimit_hash_enter(struct ratelimit *rl)
{
	pthread_mutex_lock(&rl->mu);
	while (rl->hashing >= RATELIMIT_HASHES)
		pthread_cond_wait(&rl->cv, &rl->mu);
	rl->hashing++;
	pthread_mutex_unlock(&rl->mu);
}

void
ratelimit_hash_leave(struct ratelimit *rl)
{
	pthread_mutex_lock(&rl->mu);
	rl->hashing--;
	pthread_cond_signal(&rl->cv);
	pthread_mutex_unlock(&rl->mu);
}
