/*
 * layout.h -- the page frame around every HTML page: head, navigation,
 * language switch, sign-out.  An htmx request (HX-Request) gets only the
 * fragment between page_begin() and page_end() (cgit's layout start/end).
 */
#ifndef VITRE_LAYOUT_H
#define VITRE_LAYOUT_H

struct req;

void	page_begin(struct req *, const char *title);
void	page_end(struct req *);
/* The hidden CSRF input every form carries. */
void	html_csrf_input(struct req *);

#endif
