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
HN_CASE=$(sql "SELECT id FROM casefile WHERE unit_id=$HN_SCHOOL LIMIT 1")
HN_USER=$(sql "SELECT id FROM app_user WHERE username='phong.hadong'")
HN_CHILD=$(sql "SELECT c.id FROM child c JOIN unit u ON u.id = c.school_id WHERE u.code='DEMO-HD-02' LIMIT 1")
HN_ENROL=$(sql "SELECT id FROM enrolment WHERE child_id=$HN_CHILD LIMIT 1")
# A demo activity of a District 8 school, and one of its participants.
OUT_ACT=$(sql "SELECT t.activity_id FROM activity_attendee t JOIN activity a ON a.id = t.activity_id WHERE a.is_demo = 1 LIMIT 1")
OUT_PERSON=$(sql "SELECT person_id FROM activity_attendee WHERE activity_id = $OUT_ACT LIMIT 1")

# A report of a Hà Đông school (made here if t_reports.sh made none).
HN_REPORT=$(sql "SELECT id FROM report WHERE unit_id = $HN_SCHOOL LIMIT 1")
if [ -z "$HN_REPORT" ]; then
	sql_exec "INSERT INTO report (reporting_id, unit_id, period_id, state, created_at, snapshot_at) SELECT r.id, $HN_SCHOOL, (SELECT id FROM period WHERE code = '2023-2024'), 'draft', 0, 0 FROM plan_reporting r WHERE r.plan_id = $HN_PLAN LIMIT 1"
	HN_REPORT=$(sql "SELECT id FROM report WHERE unit_id = $HN_SCHOOL LIMIT 1")
fi

# The id to put in a pattern for an object outside the user's scope, or
# nothing when the route's objects have no scope (the indicator catalogue).
outside_id() {
	case $1 in
	/units/*/dashboard/targets/*) echo "$HN_SCHOOL $HN_TARGET" ;;
	/units/* | /api/units/*) echo "$HN_SCHOOL" ;;
	/children/*/growth | /api/children/*) echo "$HN_CHILD" ;;
	/plans/* | /api/plans/*) echo "$HN_PLAN" ;;
	/values/* | /api/values/*) echo "$HN_VALUE" ;;
	/cases/focal/*) echo "$HN_USER" ;;
	/cases/*) echo "$HN_CASE" ;;
	/children/*) echo "$HN_CHILD $HN_ENROL" ;;
	/activities/*/persons/*) echo "$OUT_ACT $OUT_PERSON" ;;
	/activities/*) echo "$OUT_ACT" ;;
	/reports/*) echo "$HN_REPORT" ;;
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

# 2. A role without the permission: for each route, a demo user whose
#    role lacks it, from the role table itself ("vitre roles").
ROLE_TABLE=$("$VITRE" roles)
DEMO_USERS="gv.ntt:teacher tuvan.ntt:counsellor admin:admin vanthu.ntt:clerk pht.ntt:focal_point phong.hadong:area_officer"
user_without() {	# perm code -> a demo user whose role lacks it
	local pair user role
	for pair in $DEMO_USERS; do
		user=${pair%%:*}
		role=${pair#*:}
		if ! printf '%s\n' "$ROLE_TABLE" | grep "^$role:" | cut -f1 | grep -qw -- "$1"; then
			echo "$user"
			return
		fi
	done
}
current=""
while read -r method pattern perm flags; do
	case $perm in PERM_NONE | PERM_VIEW) continue ;; esac
	code=$(printf '%s' "${perm#PERM_}" | tr 'A-Z' 'a-z')
	who=$(user_without "$code")
	if [ -z "$who" ]; then
		echo "# $method $pattern: every demo role has $perm" >&2
		continue
	fi
	[ "$who" = "$current" ] || { login "$who"; current=$who; }
	send "$method" "$(fill "$pattern" 1)"
	expect_status 403 "$who (without $code) gets 403 on $method $pattern"
done <<<"$ROUTES"

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
