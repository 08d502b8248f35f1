/*
 * routes.c -- every URL vitre answers, with the permission it needs.
 * Unit scope is checked by each handler on the objects it touches.
 */
#include "auth/auth_http.h"
#include "auth/user_http.h"
#include "dashboard/dash_http.h"
#include "growth/growth_http.h"
#include "http/route.h"
#include "indicators/indicator_http.h"
#include "plans/plan_http.h"
#include "register/register_http.h"
#include "render/assets.h"
#include "units/unit_http.h"
#include "values/value_http.h"

const struct route routes[] = {
	{ METHOD_GET, "/login", auth_login_form, PERM_NONE, ROUTE_PUBLIC },
	{ METHOD_POST, "/login", auth_login, PERM_NONE,
	    ROUTE_PUBLIC | ROUTE_NO_CSRF },
	{ METHOD_GET, "/lang", auth_lang, PERM_NONE, ROUTE_PUBLIC },
	{ METHOD_GET, "/static/*", assets_serve, PERM_NONE, ROUTE_PUBLIC },
	{ METHOD_POST, "/logout", auth_logout, PERM_VIEW, 0 },
	{ METHOD_GET, "/", auth_home, PERM_VIEW, 0 },

	{ METHOD_GET, "/units", unit_tree_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/units/{id}", unit_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/api/units", unit_api_list, PERM_VIEW, ROUTE_API },
	{ METHOD_GET, "/units/{id}/dashboard", dash_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/units/{id}/dashboard/targets/{id}/units",
	    dash_below_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/api/units/{id}/dashboard", dash_api, PERM_VIEW,
	    ROUTE_API },

	{ METHOD_GET, "/plans", plan_list_page, PERM_VIEW, 0 },
	{ METHOD_POST, "/plans", plan_create, PERM_PLAN_EDIT, 0 },
	{ METHOD_GET, "/plans/new", plan_new_form, PERM_PLAN_EDIT, 0 },
	{ METHOD_GET, "/plans/import", plan_import_form, PERM_PLAN_EDIT, 0 },
	{ METHOD_POST, "/plans/import", plan_import, PERM_PLAN_EDIT, 0 },
	{ METHOD_GET, "/plans/{id}", plan_page, PERM_VIEW, 0 },
	{ METHOD_POST, "/plans/{id}", plan_update, PERM_PLAN_EDIT, 0 },
	{ METHOD_GET, "/plans/{id}/edit", plan_edit_form, PERM_PLAN_EDIT, 0 },
	{ METHOD_GET, "/plans/{id}/export", plan_export, PERM_VIEW, 0 },
	{ METHOD_GET, "/api/plans", plan_api_list, PERM_VIEW, ROUTE_API },
	{ METHOD_GET, "/api/plans/{id}", plan_api_get, PERM_VIEW, ROUTE_API },

	{ METHOD_GET, "/users", user_list_page, PERM_USER_ADMIN, 0 },
	{ METHOD_POST, "/users", user_create_post, PERM_USER_ADMIN, 0 },
	{ METHOD_POST, "/users/{id}/active", user_active_post, PERM_USER_ADMIN, 0 },

	{ METHOD_GET, "/indicators", indicator_list_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/indicators/{id}", indicator_page, PERM_VIEW, 0 },
	{ METHOD_GET, "/api/indicators", indicator_api_list, PERM_VIEW,
	    ROUTE_API },
	{ METHOD_GET, "/api/indicators/{id}", indicator_api_get, PERM_VIEW,
	    ROUTE_API },

	{ METHOD_GET, "/values", value_page, PERM_VALUE_ENTER, 0 },
	{ METHOD_POST, "/values", value_post, PERM_VALUE_ENTER, 0 },
	{ METHOD_GET, "/values/form", value_page, PERM_VALUE_ENTER, 0 },
	{ METHOD_POST, "/values/{id}/lock", value_lock_post, PERM_VALUE_LOCK,
	    0 },
	{ METHOD_GET, "/api/values", value_api_get, PERM_VIEW, ROUTE_API },
	{ METHOD_POST, "/api/values", value_api_post, PERM_VALUE_ENTER,
	    ROUTE_API },
	{ METHOD_POST, "/api/values/{id}/lock", value_lock_post,
	    PERM_VALUE_LOCK, ROUTE_API },

	{ METHOD_GET, "/register", register_home, PERM_REGISTER_VIEW, 0 },
	{ METHOD_GET, "/units/{id}/register", register_page,
	    PERM_REGISTER_VIEW, 0 },
	{ METHOD_POST, "/units/{id}/register", child_create_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_GET, "/units/{id}/register/new", child_new_form,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_GET, "/units/{id}/register/warnings", warning_page,
	    PERM_REGISTER_MANAGE, 0 },
	{ METHOD_POST, "/units/{id}/register/settings", warning_settings_post,
	    PERM_REGISTER_MANAGE, 0 },
	{ METHOD_POST, "/units/{id}/register/teachers", class_teacher_post,
	    PERM_REGISTER_MANAGE, 0 },
	{ METHOD_POST, "/units/{id}/register/teachers/{id}/delete",
	    class_teacher_delete_post, PERM_REGISTER_MANAGE, 0 },
	{ METHOD_GET, "/children/{id}", child_page, PERM_REGISTER_VIEW, 0 },
	{ METHOD_POST, "/children/{id}", child_update_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_GET, "/children/{id}/edit", child_edit_form,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/enrolments/{id}/status",
	    enrolment_status_post, PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/enrolments/{id}/absences",
	    absence_post, PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/transfer", child_transfer_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/circumstances", circumstance_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/circumstances/{id}/end",
	    circumstance_end_post, PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/children/{id}/consents", consent_post,
	    PERM_REGISTER_EDIT, 0 },

	{ METHOD_GET, "/growth", growth_home, PERM_REGISTER_VIEW, 0 },
	{ METHOD_GET, "/units/{id}/growth", growth_unit_page,
	    PERM_REGISTER_VIEW, 0 },
	{ METHOD_GET, "/units/{id}/growth/class", growth_class_page,
	    PERM_REGISTER_VIEW, 0 },
	{ METHOD_GET, "/units/{id}/growth/session", growth_session_form,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/units/{id}/growth/session", growth_session_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/units/{id}/growth/check", growth_check_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_GET, "/units/{id}/growth/import", growth_import_form,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_POST, "/units/{id}/growth/import", growth_import_post,
	    PERM_REGISTER_EDIT, 0 },
	{ METHOD_GET, "/children/{id}/growth", growth_child_page,
	    PERM_REGISTER_VIEW, 0 },
	{ METHOD_GET, "/api/children/{id}/measurements", growth_api_child,
	    PERM_REGISTER_VIEW, ROUTE_API },
	{ METHOD_POST, "/api/units/{id}/growth/sessions",
	    growth_api_session_post, PERM_REGISTER_EDIT, ROUTE_API },

	{ METHOD_OTHER, NULL, NULL, PERM_NONE, 0 }
};
