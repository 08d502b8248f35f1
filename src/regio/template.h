/*
 * template.h -- the columns of a register list (danh sách học sinh) that
 * vitre imports and exports, as schools keep them in Excel: one row per
 * child, a header row naming the columns.  docs/register-import.md is the
 * user's description of the same table.
 *
 * A file's header is matched to the template by folded name (no marks, no
 * case: "HỌ VÀ TÊN", "Họ tên", "ho va ten" are all the full name) with the
 * usual variants of each heading; columns may come in any order, unknown
 * ones are ignored (and named in the preview), missing required ones stop
 * the import.
 */
#ifndef VITRE_REGIO_TEMPLATE_H
#define VITRE_REGIO_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "io/io.h"

enum regio_col {
	RC_SCHOOL,		/* Mã trường: a file for several schools */
	RC_SEQ,			/* STT: ignored */
	RC_FULL_NAME,
	RC_SEX,
	RC_BIRTH,
	RC_ETHNICITY,
	RC_PID,			/* số định danh cá nhân */
	RC_LEARNER,		/* mã học sinh (CSDL ngành) */
	RC_CLASS,
	RC_GRADE,		/* khối; else taken from the class ("3A") */
	RC_STATUS,
	RC_ENTERED,		/* ngày vào trường */
	RC_STATUS_ON,
	RC_DROPOUT_REASON,
	RC_ADDRESS,
	RC_HOUSEHOLD,
	RC_FATHER,
	RC_FATHER_PHONE,
	RC_MOTHER,
	RC_MOTHER_PHONE,
	RC_GUARDIAN,
	RC_GUARDIAN_PHONE,
	RC_DIS_KIND,
	RC_DIS_NEEDS,
	RC_DIS_EDU,
	RC_CIRC,		/* nhóm hoàn cảnh đặc biệt: "a, đ" */
	RC__MAX
};

struct regio_column {
	const char	*key;		/* form field names of the model */
	const char	*vi;		/* the heading in the template */
	const char	*en;
	bool		 required;
	bool		 sensitive;	/* Decree 13/2023: own class only */
	const char	*hint_vi;	/* what to write */
	const char	*hint_en;
	const char	*example;
	const char	*aliases[6];	/* other headings, folded */
};

extern const struct regio_column regio_columns[RC__MAX];

/* Where each template column is in a file: 0 = absent, else 1-based. */
struct regio_map {
	size_t		 col[RC__MAX];
	size_t		 ncols;			/* cells in the header */
	size_t		 unknown[16];		/* ignored columns (1-based) */
	size_t		 nunknown;
	size_t		 header_row;
};

/*
 * Match the header row.  Returns the first required column missing
 * (RC__MAX if none).  A column named twice keeps its first place.
 */
enum regio_col	 regio_map_header(const struct io_row *, struct regio_map *);
/* The template column of a model field name ("birth_date"), or RC__MAX. */
enum regio_col	 regio_col_of_field(const char *field);

#endif
