/*
 * routes.c -- every URL vitre answers, with the permission it needs.
 * Unit scope is checked by each handler on the objects it touches.
 */
#include "auth/auth_http.h"
#include "dashboard/dash_http.h"
#include "http/route.h"
#include "plans/plan_http.h"
#include "render/assets.h"
#include "units/unit_http.h"

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

	{ METHOD_OTHER, NULL, NULL, PERM_NONE, 0 }
};
