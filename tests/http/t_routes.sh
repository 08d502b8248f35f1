# t_routes.sh -- every route of src/http/routes.c, read from the table
# itself so that a new route cannot escape: anonymous users are turned
# away, a role without the route's permission gets 403, and a user of
# another school gets 403 for an object outside their scope.

ROUTES=$(python3 "$here/routes.py" "$here/../../src/http/routes.c")
[ -n "$ROUTES" ] && ok "the route table is readable ($(printf '%s\n' "$ROUTES" | wc -l) routes)" ||
	not_ok "the route table is readable" "no routes parsed"

# Objects outside the scope of the Phú Quốc school's users.
HN_SCHOOL=$(sql "SELECT id FROM unit WHERE code='DEMO-HD-01'")
HN_PLAN=$(sql "SELECT p.id FROM plan p JOIN unit u ON u.id = p.unit_id WHERE u.code='PGD-HD' LIMIT 1")
HN_TARGET=$(sql "SELECT t.id FROM plan_target t WHERE t.plan_id=$HN_PLAN LIMIT 1")
HN_VALUE=$(sql "SELECT id FROM agg_value WHERE unit_id=$HN_SCHOOL LIMIT 1")
HN_CHILD=$(sql "SELECT c.id FROM child c JOIN unit u ON u.id = c.school_id WHERE u.code='DEMO-HD-02' LIMIT 1")

# The id to put in a pattern for an object outside the user's scope, or
# nothing when the route's objects have no scope (the indicator catalogue).
outside_id() {
	case $1 in
	/units/*/dashboard/targets/*) echo "$HN_SCHOOL $HN_TARGET" ;;
	/units/* | /api/units/*) echo "$HN_SCHOOL" ;;
	/children/*/growth | /api/children/*) echo "$HN_CHILD" ;;
	/plans/* | /api/plans/*) echo "$HN_PLAN" ;;
	/values/* | /api/values/*) echo "$HN_VALUE" ;;
	*) echo "" ;;
	esac
}

# fill PATTERN ID... -- replace each {id} in turn.
fill() {
	local p=$1
	shift
	for id in "$@"; do p=${p/\{id\}/$id}; done
	printf '%s' "${p//\{id\}/1}"
}

send() {	# METHOD PATH
	if [ "$1" = POST ]; then
		req POST "$2" -H "X-CSRF-Token: $CSRF" --data "csrf=$CSRF"
	else
		req GET "$2"
	fi
}

# 1. Anonymous.
logout_anon
while read -r method pattern perm flags; do
	case $flags in *ROUTE_PUBLIC*) continue ;; esac
	path=$(fill "$pattern" 1)
	send "$method" "$path"
	case $path in
	/api/*) want=401 ;;
	*) want=303 ;;
	esac
	expect_status $want "anonymous $method $pattern is turned away ($want)"
done <<<"$ROUTES"

# 2. A role without the permission: a teacher, or for the register's
#    permissions (which a teacher has, for the classes assigned), the
#    administrator.
lacking() {	# PERM -> a user whose role lacks it
	case $1 in
	PERM_REGISTER_VIEW | PERM_REGISTER_EDIT) echo admin ;;
	*) echo gv.ntt ;;
	esac
}
for who in gv.ntt admin; do
	login $who
	while read -r method pattern perm flags; do
		case $perm in PERM_NONE | PERM_VIEW) continue ;; esac
		[ "$(lacking "$perm")" = "$who" ] || continue
		send "$method" "$(fill "$pattern" 1)"
		expect_status 403 "$who gets 403 on $method $pattern ($perm)"
	done <<<"$ROUTES"
done

# 3. Outside the scope: the principal of the Phú Quốc school on objects of
#    a Hà Đông school or office.
login ht.ntt
while read -r method pattern perm flags; do
	case $flags in *ROUTE_PUBLIC*) continue ;; esac
	case $pattern in *'{id}'*) ;; *) continue ;; esac
	case $perm in PERM_USER_ADMIN) continue ;; esac	# checked in t_users.sh
	ids=$(outside_id "$pattern")
	if [ -z "$ids" ]; then
		echo "# $method $pattern: no scoped object (catalogue)" >&2
		continue
	fi
	# shellcheck disable=SC2086
	send "$method" "$(fill "$pattern" $ids)"
	expect_status 403 "a principal of another school gets 403 on $method $pattern"
done <<<"$ROUTES"
