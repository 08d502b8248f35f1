# vitre -- build, run, test.
#
#   make run     install missing Debian packages, build, create the demo
#                database vitre.db if absent, serve http://127.0.0.1:8080
#   make check   build with -Wall -Wextra -Werror, run every test (unit,
#                HTTP, browser), also under ASan/UBSan; ends with
#                "N passed, N failed"
#   make bench   the benchmarks in bench/ (prints figures)
#   make bench-zscore   only the z-score benchmark (bench/zscore)
#   make bench-consolidate   only the consolidation benchmark (bench/consolidate)

# "make V=1" shows every compiler command.
Q        := $(if $(V),,@)
PKGS     := libmicrohttpd sqlite3 jansson libsodium libutf8proc libzip expat cairo pangocairo libcurl
CC       ?= cc
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-missing-field-initializers
CSTD     := -std=c17 -D_GNU_SOURCE
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
INCLUDES := -Isrc
# libxlsxwriter's pkg-config version string is bogus: link it by name.
LIBS      = $(PKG_LIBS) -lxlsxwriter -lz -lpthread -lm

REL_FLAGS := -O2 -g
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRCS      := $(shell find src -name '*.c' | sort)
LIB_SRCS  := $(filter-out src/main.c,$(SRCS))
HDRS      := $(shell find src -name '*.h')

# Files compiled into the binary (tools/embed.c), sorted by their name.
EMBED := $(foreach f,$(sort $(wildcard src/db/migrations/*.sql)),migrations/$(notdir $(f))=$(f)) \
	 static/favicon.svg=assets/favicon.svg \
	 static/htmx.min.js=vendor/htmx.min.js \
	 static/pico.min.css=vendor/pico.min.css \
	 static/vitre.css=assets/vitre.css \
	 demo/units.json=data/demo/units.json \
	 $(foreach f,$(sort $(wildcard data/plans/*.json)),plans/$(notdir $(f))=$(f))
EMBED_FILES := $(foreach e,$(EMBED),$(lastword $(subst =, ,$(e))))

UNIT_TESTS := $(basename $(notdir $(wildcard tests/unit/t_*.c)))

.PHONY: all run check deps bench bench-consolidate bench-register bench-zscore \
	clean san

all: build/rel/vitre

deps:
	@scripts/install-deps

build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O1 -o $@ $<

build/gen/embedded.c: build/embed $(EMBED_FILES) Makefile
	@mkdir -p build/gen
	build/embed $@ $(sort $(EMBED))

# The WHO growth reference tables (data/who/README.md), compiled in as
# arrays.  The build stops if a file does not match the checksum that the
# README gives for it.
WHO_CSV := $(sort $(wildcard data/who/*.csv))

build/who_tables: tools/who_tables.c
	@mkdir -p build
	$(CC) -O1 -o $@ $< -lm

build/gen/who_tables.c: build/who_tables $(WHO_CSV) data/who/README.md
	@mkdir -p build/gen
	@cd data/who && sed -n '/^## Checksums/,$$p' README.md | \
	    grep -E '^[0-9a-f]{64}  [a-z0-9]+\.csv$$' | sha256sum --check --quiet
	build/who_tables $@ data/who

# One object tree per flavour: rel (optimised) and san (sanitizers).
define flavour
build/$(1)/obj/%.o: src/%.c $(HDRS)
	@mkdir -p $$(dir $$@)
	@echo "  CC    $(1) $$<"
	$$(Q)$$(CC) $$(CSTD) $$(WARN) $(2) $$(INCLUDES) $$(PKG_CFLAGS) -c -o $$@ $$<

build/$(1)/obj/embedded.o: build/gen/embedded.c src/core/embedded.h
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $(2) $$(INCLUDES) -c -o $$@ $$<

build/$(1)/obj/who_tables.o: build/gen/who_tables.c src/growth/who_tables.h
	@mkdir -p $$(dir $$@)
	$$(CC) $$(CSTD) $(2) $$(INCLUDES) -c -o $$@ $$<

build/$(1)/libvitre.a: $$(patsubst src/%.c,build/$(1)/obj/%.o,$$(LIB_SRCS)) build/$(1)/obj/embedded.o build/$(1)/obj/who_tables.o
	@rm -f $$@
	ar rcs $$@ $$^

build/$(1)/vitre: build/$(1)/obj/main.o build/$(1)/libvitre.a
	$$(CC) $(2) -o $$@ $$^ $$(LIBS)

build/$(1)/tests/%: tests/unit/%.c build/$(1)/libvitre.a $(wildcard tests/unit/*.h)
	@mkdir -p $$(dir $$@)
	@echo "  TEST  $(1) $$<"
	$$(Q)$$(CC) $$(CSTD) $$(WARN) $(2) $$(INCLUDES) -Itests/unit $$(PKG_CFLAGS) -o $$@ $$< build/$(1)/libvitre.a $$(LIBS) -lcmocka
endef
$(eval $(call flavour,rel,$(REL_FLAGS)))
$(eval $(call flavour,san,$(SAN_FLAGS)))

san: build/san/vitre

run: deps build/rel/vitre
	build/rel/vitre serve --db vitre.db --port 8080 --demo

check: deps build/rel/vitre build/san/vitre \
	$(addprefix build/rel/tests/,$(UNIT_TESTS)) $(addprefix build/san/tests/,$(UNIT_TESTS))
	@scripts/run-tests

bench: build/rel/vitre build/bench/gen_province build/bench/zscore_bench \
	build/bench/docs_bench build/bench/gen_register build/bench/regstat_bench \
	build/bench/consolidate_bench
	@VITRE_BENCH=1 scripts/install-deps
	@bench/run
	@bench/zscore
	@bench/register

# The z-score benchmark alone (no server, no extra packages).
bench-zscore: build/rel/vitre build/bench/zscore_bench
	@bench/zscore

# The consolidation benchmark alone (no server, no extra packages).
bench-consolidate: build/rel/vitre build/bench/gen_province \
	build/bench/consolidate_bench
	@bench/consolidate

# The child register benchmark alone (import, targets, search).
bench-register: build/rel/vitre build/bench/gen_province \
	build/bench/gen_register build/bench/regstat_bench
	@VITRE_BENCH=1 scripts/install-deps
	@bench/register

clean:
	rm -rf build

build/bench/gen_province: bench/gen_province.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) $(PKG_CFLAGS) -o $@ $< build/rel/libvitre.a $(LIBS)

build/bench/gen_register: bench/gen_register.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) $(PKG_CFLAGS) -o $@ $< build/rel/libvitre.a $(LIBS)

build/bench/regstat_bench: bench/regstat_bench.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) $(PKG_CFLAGS) -o $@ $< build/rel/libvitre.a $(LIBS)

build/bench/zscore_bench: bench/zscore_bench.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) -o $@ $< build/rel/libvitre.a -lm

build/bench/consolidate_bench: bench/consolidate_bench.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) $(PKG_CFLAGS) -o $@ $< build/rel/libvitre.a $(LIBS)

build/bench/docs_bench: bench/docs_bench.c build/rel/libvitre.a
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(REL_FLAGS) $(INCLUDES) $(PKG_CFLAGS) -o $@ $< build/rel/libvitre.a $(LIBS)
