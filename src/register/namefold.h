/*
 * namefold.h -- the folded form of a name that register search compares.
 *
 * Vietnamese names are written with tones and marks ("Nguyễn Văn An",
 * "Đặng Thị Hà"); people search without them ("nguyen van an", "dang").
 * namefold() decomposes the text (libutf8proc), strips the marks, folds
 * the case, maps đ and Đ (which have no decomposition) to d, and keeps
 * words of letters and digits separated by one space:
 *
 *	"  Nguyễn   Văn  An " -> "nguyen van an"
 *	"Đặng Thị Hà"         -> "dang thi ha"
 *	"O'Neil-Trần"         -> "o neil tran"
 *
 * The key is stored with every child (child.name_key) and indexed, so a
 * search folds the query the same way and compares keys: portable SQL, no
 * full-text engine (SQLite FTS5 would tie the register to SQLite).
 */
#ifndef VITRE_NAMEFOLD_H
#define VITRE_NAMEFOLD_H

#include <stdbool.h>
#include <stddef.h>

/* Enough for the key of any name or query vitre accepts (<= 200 chars). */
#define NAMEFOLD_MAX	1024

/*
 * Fold s (UTF-8) into out (size bytes, NUL-terminated, truncated at a word
 * boundary if it does not fit).  Returns the length of the key; 0 when s
 * has no letter or digit or is not valid UTF-8 (out is then "").
 */
size_t	namefold(const char *s, char *out, size_t size);

/*
 * Does the folded name key match the folded query?  Every word of the
 * query must begin some word of the key, in any order: "van an" and "an
 * nguyen" both match "nguyen van an"; "dang" matches "dang thi ha"; "ha"
 * matches "dang thi ha" and "dang thi hanh".  An empty query matches all.
 */
bool	namefold_match(const char *key, const char *query);

/*
 * The LIKE pattern that narrows rows in SQL before namefold_match():
 * "% " + the query's first word + "%", to compare with ' ' || name_key.
 * Keys and queries hold only letters, digits and spaces, so there is
 * nothing to escape.  out must hold NAMEFOLD_MAX bytes.
 */
void	namefold_like(const char *query, char *out, size_t size);

#endif
