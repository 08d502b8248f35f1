/*
 * plan.h -- a plan (kế hoạch) as data, and the pure logic about it.
 *
 * A struct plan holds one document: its Decree 30 header (number and
 * symbol, type, issuer and parent body, place and date), title, period and
 * phases, the basis chain (căn cứ), the programme it implements, the body
 * as a tree of sections, the targets with their milestones, funding,
 * assignments, the reporting regime, recipients and the signer.
 *
 * The same struct is filled from a JSON file (plan_json.c), from the edit
 * form (plan_form.c) or from the database (plan_db.c), and checked by
 * plan_validate() here, which has no SQL and no HTML.  Every problem is
 * reported with the path of the field in the JSON format, such as
 * "targets[2].milestones[0].value", and a message in Vietnamese and
 * English.
 *
 * Ownership: a struct plan owns every string and array in it; strings are
 * never NULL ("" when empty).  plan_new() makes an empty plan, plan_free()
 * frees one (NULL is a no-op).
 */
#ifndef VITRE_PLAN_H
#define VITRE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* Milestone comparators, as written in the JSON format. */
enum plan_cmp {
	PLAN_CMP_GE,		/* ">=" */
	PLAN_CMP_GT,		/* ">" */
	PLAN_CMP_LE,		/* "<=" */
	PLAN_CMP_LT,		/* "<" */
	PLAN_CMP_EQ,		/* "=" */
	PLAN_CMP__MAX
};
extern const char *const plan_cmp_codes[PLAN_CMP__MAX];
/* The comparator as people read it: "≥", ">", "≤", "<", "=". */
extern const char *const plan_cmp_signs[PLAN_CMP__MAX];

/* Which way an indicator gets better. */
enum plan_dir { PLAN_DIR_UP, PLAN_DIR_DOWN };

/* The unit of an indicator's value. */
enum plan_vunit { PLAN_VUNIT_PERCENT, PLAN_VUNIT_PER1000, PLAN_VUNIT_COUNT };

/*
 * Kinds of section nodes.  Numbered kinds get "I.", "1.", "a)" by depth;
 * task and item are bullets; text is a paragraph.  The kinds targets,
 * funding, assignments and reporting mark where the document shows that
 * structured part of the plan.
 */
enum plan_node_kind {
	PLAN_NODE_SECTION,
	PLAN_NODE_OBJECTIVES,
	PLAN_NODE_TASKS,
	PLAN_NODE_IMPLEMENTATION,
	PLAN_NODE_TARGETS,
	PLAN_NODE_FUNDING,
	PLAN_NODE_ASSIGNMENTS,
	PLAN_NODE_REPORTING,
	PLAN_NODE_TASK,
	PLAN_NODE_ITEM,
	PLAN_NODE_TEXT,
	PLAN_NODE__MAX
};

struct plan_node_kind_info {
	const char	*code;
	const char	*name_vi;
	const char	*name_en;
	bool		 numbered;
};
extern const struct plan_node_kind_info plan_node_kinds[PLAN_NODE__MAX];

/*
 * The structured parts of a plan that a section node places (kinds
 * targets, funding, assignments, reporting), in the order the plan page
 * and the document put the ones no section placed after the sections,
 * each under this heading.
 */
#define PLAN_NPARTS 4
struct plan_part {
	enum plan_node_kind	 kind;
	const char		*vi;
	const char		*en;
};
extern const struct plan_part plan_parts[PLAN_NPARTS];

/* Reporting schedules. */
enum plan_schedule {
	PLAN_SCHED_DATES,	/* on each MM-DD of dates, every year */
	PLAN_SCHED_SCHOOL_YEAR,	/* once per school year */
	PLAN_SCHED_ANNUAL,	/* once a year, by dates[0] if given */
	PLAN_SCHED_AS_REQUIRED,	/* when asked */
	PLAN_SCHED__MAX
};
extern const char *const plan_schedule_codes[PLAN_SCHED__MAX];

/* Decree 30 document types a plan-like document may have. */
struct plan_doc_type {
	const char	*code;		/* "KH" */
	const char	*name_vi;	/* "Kế hoạch" */
	const char	*name_en;
};
extern const struct plan_doc_type plan_doc_types[];
const struct plan_doc_type *plan_doc_type_find(const char *code);

/* Signer authorities (quyền hạn ký): "", "KT.", "TM.", "Q.", "TL.", "TUQ.". */
extern const char *const plan_authorities[];

struct plan_milestone {
	int		 year;
	enum plan_cmp	 cmp;
	double		 value;
};

struct plan_target {
	char		*code;		/* key inside the plan: "CT17a" */
	char		*label;		/* "Chỉ tiêu 17" */
	char		*indicator;	/* indicator code */
	char		*clause;	/* the sentence it came from */
	bool		 has_baseline;
	double		 baseline;
	int		 baseline_year;	/* 0 = not stated */
	struct plan_milestone *ms;
	size_t		 nms;
	int64_t		 id;		/* database id, 0 if not saved */
	int64_t		 indicator_id;	/* resolved by plan_db */
};

struct plan_phase {
	char		*name;
	int		 from, to;
};

struct plan_basis {
	char		*text;
	char		*ref;		/* "442/KH-UBND" or "" */
	int64_t		 ref_plan_id;	/* 0 unless the cited plan is in vitre */
};

struct plan_node {
	enum plan_node_kind kind;
	char		*heading;
	char		*body;
	char		*owner;
	char		 due[11];	/* "" or YYYY-MM-DD */
	struct plan_node *kids;
	size_t		 nkids;
};

struct plan_strs {
	char		**v;
	size_t		 n;
};

struct plan_assignment {
	char		*who;
	char		*what;
	struct plan_strs targets;	/* target codes */
};

struct plan_reporting {
	char		*what;
	char		*to;
	enum plan_schedule schedule;
	struct plan_strs dates;		/* "MM-DD" */
	char		*channel;
};

struct plan {
	int64_t		 id;		/* 0 = not saved */
	char		*unit;		/* owner unit code */
	int64_t		 unit_id;	/* resolved by plan_db */
	char		*doc_type;
	char		*number;	/* "89", "152a", "" */
	char		*symbol;	/* "KH-MNHL" */
	char		*issuer;
	char		*parent_body;
	char		*place;
	char		 issued_on[11];	/* "" or YYYY-MM-DD */
	char		*title;
	int		 period_from, period_to;
	struct plan_phase *phases;
	size_t		 nphases;
	struct plan_basis *basis;
	size_t		 nbasis;
	char		*implements;	/* "23/QĐ-TTg" or "" */
	int64_t		 implements_id;
	char		*intro;
	struct plan_node *nodes;	/* top-level sections */
	size_t		 nnodes;
	struct plan_target *targets;
	size_t		 ntargets;
	struct plan_strs funding;
	struct plan_assignment *assignments;
	size_t		 nassignments;
	struct plan_reporting *reporting;
	size_t		 nreporting;
	char		*closing;
	struct plan_strs recipients;
	char		*signer_authority;
	char		*signer_title;
	char		*signer_name;
	bool		 demo;
	int64_t		 updated_at;
};

struct plan	*plan_new(void);
/* Does the plan have anything for part kind (targets, funding, …)? */
bool		 plan_has_part(const struct plan *, enum plan_node_kind);
void		 plan_free(struct plan *);

/* Append an empty element to an array of the plan; returns it. */
struct plan_phase	*plan_add_phase(struct plan *);
struct plan_basis	*plan_add_basis(struct plan *);
struct plan_node	*plan_add_node(struct plan_node **, size_t *);
struct plan_target	*plan_add_target(struct plan *);
struct plan_milestone	*plan_add_milestone(struct plan_target *);
struct plan_assignment	*plan_add_assignment(struct plan *);
struct plan_reporting	*plan_add_reporting(struct plan *);
void		 plan_strs_add(struct plan_strs *, const char *);
/* Replace *dst (owned) with a copy of src (NULL = ""). */
void		 plan_set(char **dst, const char *src);

/* "89/KH-MNHL" into out; "" when the plan has no symbol. */
void		 plan_ref(const struct plan *, char *out, size_t outsz);
/* Split a reference "89/KH-MNHL" into number and symbol; false if it is
 * not of that form. */
bool		 plan_ref_split(const char *ref, char *num, size_t numsz,
		    char *sym, size_t symsz);

/* Parse a comparator, schedule or node kind code; false if unknown. */
bool		 plan_cmp_from(const char *, enum plan_cmp *);
bool		 plan_schedule_from(const char *, enum plan_schedule *);
bool		 plan_node_kind_from(const char *, enum plan_node_kind *);

/*
 * Problems found in a plan, each with the field's path and a message in
 * both languages.  Capped at PLAN_ERRS_MAX messages.
 */
#define PLAN_ERRS_MAX 100

struct plan_msg {
	char	 path[128];
	char	 vi[384];
	char	 en[384];
};

struct plan_errs {
	struct plan_msg	*v;
	size_t		 n;
};

void	plan_err(struct plan_errs *, const char *path, const char *vi,
	    const char *en);
void	plan_errs_release(struct plan_errs *);
/* Each message as "prefix path: vi / en\n". */
void	plan_errs_print(const struct plan_errs *, const char *prefix,
	    struct buf *out);
/* The message for path, or NULL. */
const struct plan_msg *plan_errs_find(const struct plan_errs *,
	    const char *path);

/* What plan_validate needs to know about indicators. */
struct plan_indicator {
	int64_t		 id;
	char		 code[48];
	enum plan_vunit	 vunit;
	enum plan_dir	 dir;
	char		 name_vi[256];
	char		 name_en[256];
	char		 levels[64];
};

struct plan_catalogue {
	struct plan_indicator *v;
	size_t		 n;
};

const struct plan_indicator *plan_catalogue_find(const struct plan_catalogue *,
	    const char *code);
void	plan_catalogue_release(struct plan_catalogue *);

/*
 * Check a plan: required fields, formats (number, symbol, dates, years,
 * comparators, reporting dates), ranges, uniqueness of target codes and
 * milestone years, baselines before milestones, milestones inside the
 * plan's period, assignments naming existing targets.  With a catalogue,
 * indicator codes and value ranges are checked too.  Adds a message per
 * problem to errs; true if there was none.
 */
bool	plan_validate(const struct plan *, const struct plan_catalogue *,
	    struct plan_errs *);

/*
 * Is a child plan's milestone "child_cmp child_v" weaker than the parent's
 * "parent_cmp parent_v" for an indicator that gets better in direction
 * dir?  Each milestone is read as a bound in that direction (for an
 * upward indicator ">= 97" is "at least 97"; "=" counts as reaching the
 * value); the child is weaker when its bound accepts a worse value than
 * the parent's does.  A child with no bound in the good direction (a "<"
 * on an upward indicator) is weaker than any parent that has one.
 */
bool	plan_target_weaker(enum plan_cmp child_cmp, double child_v,
	    enum plan_cmp parent_cmp, double parent_v, enum plan_dir dir);

/* One weaker milestone: indexes into child and parent. */
struct plan_weak {
	size_t	 t, m;		/* child target, milestone */
	size_t	 pt, pm;	/* parent target, milestone */
};

/*
 * Every milestone of child weaker than the parent's milestone of the same
 * indicator and year.  *out (caller frees) gets the list; returns its
 * length.
 */
size_t	plan_compare(const struct plan *child, const struct plan *parent,
	    const struct plan_catalogue *, struct plan_weak **out);

/*
 * Parts of a plan as its document writes them (plan_text.c).
 * plan_date_vi: "ngày 02 tháng 8 năm 2024" from "2024-08-02" (Decree 30:
 * day < 10 and months 1, 2 get a leading zero); "ngày … tháng … năm …"
 * for no date.  plan_mmdd_vi: "05/5" from "05-05".  plan_due_vi:
 * "30/6/2025" from "2025-06-30".  plan_section_number: the n-th (from 1)
 * numbered section at depth: "I.", "1.", "a)", deeper "-".
 */
void	plan_date_vi(const char *date, char *out, size_t outsz);
void	plan_mmdd_vi(const char *mmdd, char *out, size_t outsz);
void	plan_due_vi(const char *date, char *out, size_t outsz);
void	plan_section_number(int depth, int n, char *out, size_t outsz);
/* The schedule of a reporting duty as a sentence ("Trước các ngày 05/5 và
 * 05/11 hằng năm"), in English when en, appended to out. */
void	plan_schedule_text(const struct plan_reporting *, bool en,
	    struct buf *out);
/*
 * The signature block's lines (Decree 30, ô 7a): with "KT." the first
 * line is "KT. " and the head's post (the signer's title without "PHÓ "),
 * the second the signer's title; with "TM." the first is "TM. " and the
 * issuer; "Q.", "TL." and "TUQ." go in front of the title on one line,
 * since the plan format names one post only.  authority is "" when there
 * is no first line.
 */
void	plan_sign_lines(const struct plan *, char *authority, size_t asz,
	    char *title, size_t tsz);

/* A milestone as Vietnamese text: "<0,12%", "≥97%", "=100%". */
void	plan_fmt_milestone(enum plan_cmp, double, enum plan_vunit,
	    char *out, size_t outsz);

#endif
