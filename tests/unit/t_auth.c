/*
 * t_auth.c -- roles and permissions, password hashing, the sign-in rate
 * limiter, user validation and route matching.
 */
#include <string.h>

#include "testutil.h"
#include "auth/password.h"
#include "auth/ratelimit.h"
#include "auth/role.h"
#include "auth/user.h"
#include "http/route.h"

static void
roles_have_the_permissions_of_their_job(void **state)
{
	(void)state;
	assert_true(role_can(ROLE_ADMIN, PERM_USER_ADMIN));
	assert_false(role_can(ROLE_PRINCIPAL, PERM_USER_ADMIN));
	assert_true(role_can(ROLE_CLERK, PERM_VALUE_ENTER));
	assert_false(role_can(ROLE_CLERK, PERM_VALUE_LOCK));
	assert_false(role_can(ROLE_TEACHER, PERM_VALUE_ENTER));
	assert_false(role_can(ROLE_COUNSELLOR, PERM_PLAN_EDIT));
	assert_true(role_can(ROLE_TEACHER, PERM_VIEW));
	assert_true(role_can(ROLE_TEACHER, PERM_NONE));
	assert_false(role_can((enum role)99, PERM_VIEW));
}

static void
every_permission_has_a_code(void **state)
{
	int p;

	(void)state;
	for (p = 0; p < PERM__MAX; p++)
		assert_non_null(perm_codes[p]);
}

static void
passwords_verify_only_themselves(void **state)
{
	char h[PASSWORD_HASH_MAX];

	(void)state;
	assert_true(password_hash("mật khẩu dài", h));
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_true(password_verify(h, "mật khẩu dài"));
	assert_false(password_verify(h, "mật khẩu dai"));
}

static void
rate_limit_blocks_after_the_limit_and_resets_after_the_window(void **state)
{
	struct ratelimit *rl = ratelimit_new();
	long wait = 0;
	int i;

	(void)state;
	for (i = 0; i < RATELIMIT_PER_USER; i++) {
		assert_true(ratelimit_allowed(rl, "u|a|ip", RATELIMIT_PER_USER,
		    1000, &wait));
		ratelimit_fail(rl, "u|a|ip", 1000);
	}
	assert_false(ratelimit_allowed(rl, "u|a|ip", RATELIMIT_PER_USER, 1001,
	    &wait));
	assert_int_equal(wait, RATELIMIT_WINDOW - 1);
	assert_true(ratelimit_allowed(rl, "u|b|ip", RATELIMIT_PER_USER, 1001,
	    &wait));
	assert_true(ratelimit_allowed(rl, "u|a|ip", RATELIMIT_PER_USER,
	    1000 + RATELIMIT_WINDOW, &wait));
	ratelimit_free(rl);
}

static void
user_creation_validates_every_field(void **state)
{
	struct db *db = test_db();
	struct buf err = BUF_INIT;
	struct user_new u = { "ht.abc", "Nguyễn Văn A", "12345678",
	    ROLE_PRINCIPAL, 0, false };
	int64_t unit, id;

	(void)state;
	assert_int_equal(db_run(db_stmt(db, "INSERT INTO unit (code, kind, name)"
	    " VALUES ('X', 'th', 'X')")), ERR_OK);
	unit = db_last_id(db);
	u.unit_id = unit;
	u.username = "Bad Name";
	assert_int_equal(user_create(db, &u, &id, &err), ERR_INVALID);
	assert_non_null(strstr(err.data, "username"));
	u.username = "ht.abc";
	u.password = "short";
	buf_reset(&err);
	assert_int_equal(user_create(db, &u, &id, &err), ERR_INVALID);
	assert_non_null(strstr(err.data, "password"));
	u.password = "12345678";
	u.unit_id = 424242;
	buf_reset(&err);
	assert_int_equal(user_create(db, &u, &id, &err), ERR_INVALID);
	assert_non_null(strstr(err.data, "unit_id"));
	u.unit_id = unit;
	u.full_name = "";
	buf_reset(&err);
	assert_int_equal(user_create(db, &u, &id, &err), ERR_INVALID);
	u.full_name = "Nguyễn Văn A";
	assert_int_equal(user_create(db, &u, &id, &err), ERR_OK);
	buf_reset(&err);
	assert_int_equal(user_create(db, &u, &id, &err), ERR_CONFLICT);
	buf_release(&err);
	db_close(db);
}

static void
routes_match_integer_parameters_only(void **state)
{
	int64_t p[REQ_MAX_PARAMS];
	int n;

	(void)state;
	assert_true(route_match("/units/{id}/dashboard", "/units/42/dashboard",
	    p, &n));
	assert_int_equal(n, 1);
	assert_int_equal(p[0], 42);
	assert_false(route_match("/units/{id}", "/units/4x2", p, &n));
	assert_false(route_match("/units/{id}", "/units/", p, &n));
	assert_false(route_match("/units/{id}", "/units/1/extra", p, &n));
	assert_true(route_match("/static/*", "/static/pico.min.css", p, &n));
	assert_false(route_match("/units", "/unitsx", p, &n));
	assert_true(route_match("/a/{id}/b/{id}", "/a/1/b/2", p, &n));
	assert_int_equal(p[1], 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles_have_the_permissions_of_their_job),
		cmocka_unit_test(every_permission_has_a_code),
		cmocka_unit_test(passwords_verify_only_themselves),
		cmocka_unit_test(rate_limit_blocks_after_the_limit_and_resets_after_the_window),
		cmocka_unit_test(user_creation_validates_every_field),
		cmocka_unit_test(routes_match_integer_parameters_only),
	};

	return cmocka_run_group_tests_name("auth", tests, NULL, NULL);
}
