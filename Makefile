# pipebench — `make run` to try it, `make test` to test it.
# Dependencies are found with pkg-config; tools/deps.sh installs them.

BUILD    ?= build
CC       ?= cc
SAN      ?=
PKG_CONFIG ?= pkg-config

PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw sqlite3 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw sqlite3 2>/dev/null)
# libcsv ships no .pc file: fall back to -lcsv.
CSV_LIBS   := $(shell $(PKG_CONFIG) --libs libcsv 2>/dev/null || echo -lcsv)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
OPT      ?= -O2 -g
ifeq ($(SAN),1)
OPT      := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
CFLAGS   ?=
CFLAGS   += -std=c11 $(WARN) $(OPT) -I. -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP
LDFLAGS  += $(OPT)
LDLIBS   += $(PKG_LIBS) $(CSV_LIBS) -lm

VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
CFLAGS   += -DPIPEBENCH_VERSION='"$(VERSION)"'

LIB_SRC  := $(wildcard core/*.c db/*.c tui/*.c)
CLI_SRC  := $(wildcard cli/*.c)
ASSETS   := $(shell find assets -type f | LC_ALL=C sort)
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/assets.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all run test deps unit clean asan bench
all: $(BUILD)/pipebench $(UNIT_BIN)

$(BUILD)/pipebench: $(CLI_OBJ) $(BUILD)/libpipebench.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libpipebench.a $(LDLIBS)

$(BUILD)/libpipebench.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/obj/%.o: %.c | $(BUILD)/gen/assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/assets.o: $(BUILD)/gen/assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/assets.c: tools/embed-assets.sh $(ASSETS)
	@mkdir -p $(dir $@)
	sh tools/embed-assets.sh $(ASSETS) > $@.tmp && mv $@.tmp $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpipebench.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libpipebench.a $(CMOCKA_LIBS) $(LDLIBS)

deps:
	@sh tools/deps.sh

# The demo database lives in the build folder, never in the user's data.
DEMO_DB ?= $(BUILD)/demo.db
run: deps
	@$(MAKE) --no-print-directory $(BUILD)/pipebench
	@test -f $(DEMO_DB) || $(BUILD)/pipebench --db $(DEMO_DB) demo
	$(BUILD)/pipebench --db $(DEMO_DB)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan SAN=1 all

test: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory asan
	@sh tests/run.sh build build/asan

bench: all
	sh bench/week.sh

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d)
