/*
 * regio_http.h -- the register's import, export and templates on the web.
 *
 *	GET  /units/{id}/register/import		the upload form
 *	POST /units/{id}/register/import		upload: starts a check job
 *	GET  /units/{id}/register/import/{job}		progress, then the preview
 *	POST /units/{id}/register/import/{job}/accept	write the valid rows
 *	GET  /units/{id}/register/export		CSV or .xlsx of a school year
 *	GET  /units/{id}/register/export-area		an office's list: form
 *	POST /units/{id}/register/export-area		starts the export job
 *	GET  /units/{id}/register/export-area/{job}	progress, then the link
 *	GET  /units/{id}/register/export-area/{job}/file	the file, once
 *	GET  /register/template.csv, .xlsx		the empty list
 *
 * Every handler checks the unit's scope (403 outside it, 404 unknown);
 * jobs are the user's own (another user's job is 404).  Importing is for
 * the school's staff who keep the register (not a teacher: a teacher
 * edits the own class's children one by one); see docs/register-import.md.
 */
#ifndef VITRE_REGIO_HTTP_H
#define VITRE_REGIO_HTTP_H

struct req;

void	regio_import_form(struct req *);
void	regio_import_post(struct req *);
void	regio_import_job(struct req *);
void	regio_import_accept(struct req *);
void	regio_export_get(struct req *);
void	regio_export_area_form(struct req *);
void	regio_export_area_post(struct req *);
void	regio_export_area_job(struct req *);
void	regio_export_area_file(struct req *);
void	regio_template_csv(struct req *);
void	regio_template_xlsx(struct req *);

#endif
