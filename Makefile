# familytable - a kitchen-table appliance for shared screen-free meals.
#
#   make            build build/familytable
#   make run        the table display in a window (keys 1-9 stand in for the dock)
#   make check      every test: unit, end-to-end, sanitizers, GPIO on a real kernel
#   make check-arm64  the arm64 (Raspberry Pi) build and its tests, from a PC
#   make bench      speed and memory figures
#   make install DESTDIR=... PREFIX=...
#
# Both `run` and `check` first install the Debian packages they lack
# (scripts/install-deps).

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share
MANDIR    ?= $(DATADIR)/man
SYSCONFDIR ?= /etc
UNITDIR   ?= /lib/systemd/system
BUILD     ?= build

CC        ?= cc
PKG_CONFIG ?= pkg-config
PKGS      := sqlite3 sdl2 SDL2_ttf libgpiod libsystemd libpng libdrm
# X11 and its MIT-SHM extension: the window presented without SDL's round
# trip per frame (src/display_x11.c); SDL links them already
PKGS      += x11 xext
WARN      := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
             -Wvla -Wimplicit-fallthrough -Wshadow -Wpointer-arith \
             -Wformat=2 -Wundef -Wno-unused-parameter
CFLAGS    ?= -O2 -g
CPPFLAGS  ?=
# libgpiod's major version picks the dock backend at build time.
GPIOD_VERSION := $(shell $(PKG_CONFIG) --modversion libgpiod 2>/dev/null)
GPIOD_MAJOR   := $(firstword $(subst ., ,$(GPIOD_VERSION)))
# The packages' include paths, for the adapters only (see NOPKG_OBJ).
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -Iinclude -I$(BUILD) \
             -DFT_VERSION='"$(VERSION)"' -DFT_DATADIR='"$(DATADIR)/familytable"' \
             -DFT_GPIOD_MAJOR=$(if $(GPIOD_MAJOR),$(GPIOD_MAJOR),0) \
             $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LIBS       = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lm

# The pure core: no SDL, GPIO, SQLite or wall clock.
CORE_SRC  := src/common.c src/calendar.c src/config.c src/config_options.c src/debounce.c src/keyboard.c \
             src/session.c src/habits.c src/ritual.c src/scenario.c src/log.c src/live_state.c
# The engine, the commands and the live decision module: they reach the
# store through store.h, which names no SQLite type.
LOGIC_SRC := src/engine.c src/report.c src/review.c src/simulate.c src/settings.c src/correct.c src/live.c \
             src/live_actions.c src/live_settings.c src/live_fixes.c src/live_model.c \
             src/live_review.c
LOGIC_SRC += src/live_keyboard.c
# Adapters: SQLite, the clocks, the dock, the display.
STORE_SRC := src/store.c src/store_schema.c src/store_session.c src/store_read.c src/store_fixes.c src/backup.c src/clock.c src/clocktrust.c src/notify.c
DOCK_SRC  := src/dock.c src/dock_gpio.c src/dock_fifo.c
UI_SRC    := src/app.c src/input.c src/backlight.c src/screenshot.c src/poller.c \
             src/ui_fonts.c src/ui_draw.c src/ui_i18n.c src/ui_layout.c src/ui_layout_text.c \
             src/screen_glance.c src/screen_settings.c src/screen_fixes.c src/screen_meal.c src/screen_walk.c src/screen_hug.c \
             src/screen_review.c src/ui_image.c src/display.c src/display_drm.c src/evdev.c \
             src/screen_together.c src/screen_year.c
UI_SRC    += src/ui_layout_json.c
UI_SRC    += src/screen_call.c
UI_SRC    += src/screen_keyboard.c src/screen_family.c
CORE_SRC  += src/family.c
# the first-boot walk-through (issue 11, point 3); its time zones are
# zones.c's, as the settings' picker's
LOGIC_SRC += src/live_firstboot.c
UI_SRC    += src/screen_firstboot.c
# an X11 window presented through MIT-SHM (issue 8: one wakeup a minute)
UI_SRC    += src/display_x11.c
# the settings beyond the first screen (issue 11, point 1)
LOGIC_SRC += src/zones.c src/live_setup.c
UI_SRC    += src/screen_setup.c src/screen_clock.c
LIB_SRC   := $(CORE_SRC) $(LOGIC_SRC) $(STORE_SRC) $(DOCK_SRC) $(UI_SRC)
MAIN_SRC  := src/main.c

# make bench's view of the running display (include/trace.h)
LIB_SRC   += src/trace.c
LIB_OBJ   := $(LIB_SRC:src/%.c=$(BUILD)/%.o)
MAIN_OBJ  := $(MAIN_SRC:src/%.c=$(BUILD)/%.o)
TEST_SRC  := $(wildcard tests/test_*.c)
TEST_BIN  := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
# Catalogues of the display's languages (gettext), found next to the
# program in the build tree and under $(DATADIR)/locale when installed.
PO_SRC    := $(wildcard assets/po/*.po)
MO_FILES  := $(PO_SRC:assets/po/%.po=$(BUILD)/locale/%/LC_MESSAGES/familytable.mo)

.PHONY: all deps run check check-unit check-e2e check-asan check-valgrind check-gpio \
        bench install uninstall clean

all: $(BUILD)/familytable

# The layers, enforced: the core and the logic compile without the SDL,
# SQLite and libgpiod include paths, so an #include of theirs there fails.
NOPKG_OBJ := $(patsubst src/%.c,$(BUILD)/%.o,$(CORE_SRC) $(LOGIC_SRC))
$(NOPKG_OBJ): PKG_CFLAGS :=

# -MMD: each object depends on the headers it includes (build/*.d).
$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_BIN:=.d)

$(BUILD)/libfamilytable.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/familytable: $(MAIN_OBJ) $(BUILD)/libfamilytable.a
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(LDFLAGS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libfamilytable.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Itests -MMD -MP -o $@ $< $(BUILD)/libfamilytable.a \
		$(shell $(PKG_CONFIG) --libs cmocka) $(LIBS) $(LDFLAGS)

$(BUILD) $(BUILD)/tests:
	mkdir -p $@

$(BUILD)/locale/%/LC_MESSAGES/familytable.mo: assets/po/%.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ $<

# The catalogues' template, from the sources, then each catalogue merged
# with it (new strings come in untranslated: tests/e2e/i18n.sh says which).
# C_(context, text) is a message with its context, as pgettext.
.PHONY: pot
pot:
	xgettext --from-code=UTF-8 --language=C --add-comments=TRANSLATORS -k_ -kN_ -kC_:1c,2 \
		-kngettext:1,2 --package-name=familytable --package-version=$(VERSION) \
		-o assets/po/familytable.pot src/*.c include/*.h
	for po in $(PO_SRC); do msgmerge --quiet --update --backup=none $$po assets/po/familytable.pot; done

# The program and the tests look their catalogues up in the build tree.
$(BUILD)/familytable $(TEST_BIN): | $(MO_FILES)

deps:
	@scripts/install-deps

run: deps $(BUILD)/familytable
	mkdir -p $(BUILD)/dev
	$(BUILD)/familytable run --window --dock keys --db $(BUILD)/dev/familytable.db \
		$(if $(wildcard $(BUILD)/dev/familytable.conf),--config $(BUILD)/dev/familytable.conf)

# Every test, in under 10 minutes on 2 cores. The same tests under the
# sanitizers (check-asan), the arm64 build and the reliability rounds take
# as long again: .ci/run runs them after this.
check: deps
	$(MAKE) check-unit check-e2e
	$(MAKE) check-static
	$(MAKE) check-gpio
	$(MAKE) check-display-vm

check-unit: $(TEST_BIN)
	@scripts/run-tests $(TEST_BIN)

check-e2e: $(BUILD)/familytable
	@tests/e2e.sh $(BUILD)/familytable

# The same tests under AddressSanitizer and UBSan, in their own build tree.
check-asan:
	$(MAKE) BUILD=build-asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" check-unit check-e2e

check-valgrind: $(TEST_BIN) $(BUILD)/familytable
	@VALGRIND="valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99" \
		scripts/run-tests $(TEST_BIN)
	@VALGRIND="valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99" \
		tests/e2e.sh $(BUILD)/familytable

# The GPIO dock on a real kernel GPIO device: the kernel's gpio-sim in a
# QEMU guest running Debian's kernel (scripts/gpio-sim-vm), the dock built
# against the system's libgpiod 1.6 and against libgpiod 2 from
# bookworm-backports (scripts/fetch-gpiod2), everything cached in build-gpio/.
GPIOD2_DIR := build-gpio/gpiod2
GPIOD2_BUILD := build-gpio/v2
GPIO_TEST_LIBS = $(shell $(PKG_CONFIG) --libs sqlite3 libgpiod) -lm

.PHONY: check-gpio check-gpio-v2

$(BUILD)/gpio/gpio_dock_test: tests/gpio/gpio_dock_test.c $(BUILD)/libfamilytable.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libfamilytable.a $(GPIO_TEST_LIBS) $(LDFLAGS)

# The libgpiod 2 variant: the whole program and the dock's tests, in their
# own build tree; the unit test runs here, the GPIO test in the VM.
check-gpio-v2:
	@scripts/fetch-gpiod2 $(GPIOD2_DIR)
	PKG_CONFIG_PATH=$(abspath $(GPIOD2_DIR))/pkgconfig$(if $(PKG_CONFIG_PATH),:$(PKG_CONFIG_PATH)) \
		$(MAKE) BUILD=$(GPIOD2_BUILD) $(GPIOD2_BUILD)/familytable \
		$(GPIOD2_BUILD)/tests/test_dock $(GPIOD2_BUILD)/gpio/gpio_dock_test
	@scripts/run-tests $(GPIOD2_BUILD)/tests/test_dock

# Each build's dock test, then the real program on each build
# (tests/gpio/familytable_run_test.sh: a meal logged, the chip missing).
check-gpio: $(BUILD)/gpio/gpio_dock_test $(BUILD)/familytable check-gpio-v2
	@scripts/install-deps gpio-vm
	@scripts/gpio-sim-vm build-gpio/vm $(BUILD)/gpio/gpio_dock_test \
		$(GPIOD2_BUILD)/gpio/gpio_dock_test \
		tests/gpio/familytable_run_test.sh:$(BUILD)/familytable \
		tests/gpio/familytable_run_test.sh:$(GPIOD2_BUILD)/familytable

# The display on a real DRM device and evdev touchscreen: `run --fullscreen`
# through its DRM output (or SDL's kmsdrm: DVM_APP_ENV=FAMILYTABLE_VIDEO=sdl)
# in a QEMU guest (bochs-display, Mesa's software GBM/EGL for kmsdrm, a
# uinput multi-touch panel that taps a walk and a hug); scripts/display-vm.
# DVM_SIZE=WxH, DVM_APP_ENV=..., DVM_LIBGL=yes.
DVM_TOOLS := $(BUILD)/display/targets $(BUILD)/display/touchbot $(BUILD)/display/rprobe
.PHONY: check-display-vm
$(BUILD)/display/targets: tests/display/targets.c $(BUILD)/libfamilytable.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libfamilytable.a $(LIBS) $(LDFLAGS)
$(BUILD)/display/touchbot: tests/display/touchbot.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS)
$(BUILD)/display/rprobe: tests/display/rprobe.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBS) $(LDFLAGS)
check-display-vm: $(BUILD)/familytable $(DVM_TOOLS)
	@scripts/install-deps display-vm
	@scripts/display-vm build-dvm/vm $(BUILD)/familytable $(BUILD)/display

# arm64, the Raspberry Pi's architecture, from a PC: the program and its
# tests cross-compiled with Debian's aarch64-linux-gnu toolchain against the
# :arm64 libraries into build-arm64/; the unit and end-to-end tests run as
# they are, the kernel handing arm64 binaries to qemu-aarch64-static
# (scripts/qemu-binfmt: the program re-executes itself, so a prefix would not
# do); then the dock test and `familytable run` logging a meal on gpio-sim in
# an arm64 guest (qemu-system-aarch64, Debian's arm64 kernel;
# scripts/gpio-sim-vm with GUEST_ARCH=aarch64). On an arm64 host the same
# runs natively.
ARM64_BUILD := build-arm64
ARM64_MAKE  := BUILD=$(ARM64_BUILD) CC=aarch64-linux-gnu-gcc AR=aarch64-linux-gnu-ar \
               PKG_CONFIG=aarch64-linux-gnu-pkg-config
ARM64_TESTS := $(TEST_BIN:$(BUILD)/%=$(ARM64_BUILD)/%)
.PHONY: check-arm64
check-arm64:
	@scripts/install-deps arm64
	@scripts/qemu-binfmt aarch64
	$(MAKE) $(ARM64_MAKE) $(ARM64_BUILD)/familytable $(ARM64_TESTS) $(ARM64_BUILD)/gpio/gpio_dock_test
	@file -b $(ARM64_BUILD)/familytable | grep -q 'ARM aarch64' || { echo "$(ARM64_BUILD)/familytable is not arm64" >&2; exit 1; }
	@scripts/run-tests $(ARM64_TESTS)
	@tests/e2e.sh $(ARM64_BUILD)/familytable
	@GUEST_ARCH=aarch64 scripts/gpio-sim-vm $(ARM64_BUILD)/vm $(ARM64_BUILD)/gpio/gpio_dock_test \
		tests/gpio/familytable_run_test.sh:$(ARM64_BUILD)/familytable

# The display guest on arm64 as well: `run --fullscreen` on DRM and a
# touchscreen in an arm64 guest (scripts/display-vm, GUEST_ARCH=aarch64);
# about 3 minutes more, so not part of check-arm64.
.PHONY: check-arm64-display
check-arm64-display:
	@scripts/install-deps arm64
	@scripts/qemu-binfmt aarch64
	$(MAKE) $(ARM64_MAKE) $(ARM64_BUILD)/familytable $(DVM_TOOLS:$(BUILD)/%=$(ARM64_BUILD)/%)
	@GUEST_ARCH=aarch64 scripts/display-vm $(ARM64_BUILD)/dvm $(ARM64_BUILD)/familytable $(ARM64_BUILD)/display

# `run --window` on Wayland: Weston (pixman) on Xvfb, SDL's wayland driver,
# each renderer: up, asleep in poll() when idle, woken by a key, SIGTERM;
# scripts/check-wayland. Not part of `check`.
.PHONY: check-wayland
check-wayland: $(BUILD)/familytable
	@scripts/install-deps wayland
	@scripts/check-wayland $(BUILD)/familytable

# The installed, hardened familytable.service under a real systemd (PID 1
# of a systemd-nspawn container on this machine's /usr): it comes up
# (READY=1), its sandbox as /proc shows it, a meal through a fifo dock, the
# watchdog restarting a hung loop, the nightly backup unit;
# scripts/check-sandbox. Needs root. Not part of `check`.
.PHONY: check-sandbox
check-sandbox: $(BUILD)/familytable
	@scripts/install-deps sandbox
	@scripts/check-sandbox $(BUILD)

# Issue 10: kill -9 during live docking and simulate, power cuts under
# SQLite (a VFS shim), faults (locked, read-only, full, damaged, clock
# steps, no font), a real power cut in a QEMU guest (check-powercut);
# tests/reliability/run prints "N passed, N failed".
# Not in `check` (about 14 minutes); .ci/run runs it after `check`.
# KILLS=100 CUTS=1000 VM_CUTS=20 by default.
.PHONY: check-reliability
$(BUILD)/reliability/powercut: tests/reliability/powercut.c $(BUILD)/libfamilytable.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libfamilytable.a $(LIBS) $(LDFLAGS)
$(BUILD)/reliability/wallclock.so: tests/reliability/wallclock.c
	@mkdir -p $(@D)
	$(CC) -shared -fPIC -O2 -Wall -Wextra -Werror -o $@ $< -ldl
check-reliability: $(BUILD)/familytable $(BUILD)/reliability/powercut $(BUILD)/reliability/wallclock.so
	@scripts/install-deps reliability
	@tests/reliability/run $(BUILD)

# A real power cut: `familytable run` in a QEMU guest (Debian's kernel,
# busybox), its database on ext4 on a virtual disk, QEMU killed with SIGKILL
# mid-write VM_CUTS times (default 20) and the guest booted again on the
# same disk: e2fsck clean, integrity_check ok, every meal reported saved
# there (scripts/powercut-vm). 5 to 10 minutes under TCG; check-reliability
# runs it too.
VM_CUTS ?= 20
.PHONY: check-powercut
check-powercut: $(BUILD)/familytable
	@scripts/install-deps reliability
	@scripts/powercut-vm $(BUILD)/pcvm $(BUILD)/familytable $(VM_CUTS)

# Static analysis, part of `check` (issue 10, point 7): cppcheck, clang-tidy
# (the checks and why some are off: .clang-tidy) on every source, and GCC's
# -fanalyzer on the core and the store; zero findings. A suppression says
# its reason on its line.
.PHONY: check-static
CPPCHECK_FLAGS := --enable=warning,portability,performance --std=c11 --inline-suppr --quiet \
	--error-exitcode=1 --suppress=missingIncludeSystem -Iinclude -D_GNU_SOURCE \
	-DFT_GPIOD_MAJOR=$(if $(GPIOD_MAJOR),$(GPIOD_MAJOR),0) -DFT_VERSION='"$(VERSION)"' -DFT_DATADIR='"x"'
# clang-tidy's flags: no quoted string macros (they would not survive
# xargs and sh), the two the sources need come from a small header.
TIDY_FLAGS = -std=c11 -D_GNU_SOURCE $(filter-out -Werror,$(WARN)) -Iinclude -I$(BUILD) \
	-include $(BUILD)/static-defs.h -DFT_GPIOD_MAJOR=$(if $(GPIOD_MAJOR),$(GPIOD_MAJOR),0) \
	$(PKG_CFLAGS) $(CPPFLAGS)
check-static: | $(BUILD)
	@scripts/install-deps reliability
	cppcheck $(CPPCHECK_FLAGS) $(LIB_SRC) $(MAIN_SRC)
	@printf '#define FT_VERSION "%s"\n#define FT_DATADIR "%s"\n' $(VERSION) $(DATADIR) \
		>$(BUILD)/static-defs.h
	@echo "clang-tidy: $(words $(LIB_SRC) $(MAIN_SRC)) files"
	@printf '%s\n' $(LIB_SRC) $(MAIN_SRC) | xargs -P2 -n4 sh -c \
		'clang-tidy --quiet "$$@" -- $(TIDY_FLAGS) 2>&1 | \
		grep -v "warnings\? generated\|^Suppressed \|^Use -header-filter\|^$$"; exit 0' sh \
		>$(BUILD)/clang-tidy.log
	@cat $(BUILD)/clang-tidy.log
	@[ ! -s $(BUILD)/clang-tidy.log ] || { echo "clang-tidy: the findings above"; exit 1; }
	@for f in $(CORE_SRC) $(STORE_SRC); do \
		$(CC) $(ALL_CFLAGS) -fanalyzer -c -o /dev/null $$f || exit 1; \
	done; echo "gcc -fanalyzer: $(words $(CORE_SRC) $(STORE_SRC)) files, no finding"

# libFuzzer (clang, with ASan and UBSan): the config parser, the scenario
# parser, the fifo dock's line reader and whole simulate runs into a
# database, each for FUZZ_SECONDS (default 120), one after the other, from
# the seed corpora in tests/fuzz/<name>/ (what they find goes to
# build-fuzz/corpus/<name>, crashes to build-fuzz/crash-*).
FUZZ_SECONDS ?= 120
FUZZ_TARGETS := config scenario fifo simulate
FUZZ_BUILD := build-fuzz
.PHONY: fuzz fuzz-build
$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libfamilytable.a
	clang $(filter-out -Werror,$(ALL_CFLAGS)) -o $@ $< $(FUZZ_BUILD)/libfamilytable.a $(LIBS) \
		-fsanitize=fuzzer,address,undefined
fuzz-build:
	@scripts/install-deps reliability
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		$(FUZZ_BUILD)/libfamilytable.a $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
fuzz: SHELL := /bin/bash
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		echo "== fuzz_$$t, $(FUZZ_SECONDS) s"; \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=20 \
			-rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- -print_final_stats=1 \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/$$t 2>&1 | grep -E "^#[0-9]+.*DONE|^stat::number_of_executed_units|ERROR|SUMMARY|^==" ; \
		[ $${PIPESTATUS[0]} -eq 0 ] || exit 1; \
	done

# The figures of the README's table (scripts/bench): about 15 minutes,
# measured, never asserted; not part of `check`.
bench: $(BUILD)/familytable $(BUILD)/display/targets
	@scripts/install-deps bench
	@scripts/bench $(BUILD)/familytable

# familytable beside MagicMirror² (npm, cached in build-peer/) in Debian's
# chromium as a kiosk, the same figures for both and the ratios
# (scripts/bench-peer): a few minutes; not part of `check` nor CI.
.PHONY: bench-peer
bench-peer: $(BUILD)/familytable $(BUILD)/display/targets
	@scripts/install-deps peer
	@BENCH_PEER_DIR=build-peer scripts/bench-peer $(BUILD)/familytable

SYSUSERSDIR ?= /usr/lib/sysusers.d

# PREFIX only decides where files go: the program finds its catalogues
# relative to itself (BINDIR/../share/locale), so `make install PREFIX=/usr`
# after a plain `make` needs no rebuild. The man page and the units get the
# paths they name from here. The family's configuration is never
# overwritten. Without DESTDIR it first installs the run-time packages the
# program lacks (as root; else it says which are missing).
UNITS := familytable.service familytable-backup.service familytable-backup.timer
install: $(BUILD)/familytable
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then scripts/install-deps runtime; \
		else scripts/install-deps --check runtime || true; fi
	install -D -m 0755 $(BUILD)/familytable $(DESTDIR)$(BINDIR)/familytable
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR) $(DESTDIR)$(DATADIR)/familytable
	sed -e 's|/usr/local/share|$(DATADIR)|g' -e 's|/usr/local/bin|$(BINDIR)|g' \
		-e 's|/etc/familytable|$(SYSCONFDIR)/familytable|g' \
		assets/familytable.1 > $(DESTDIR)$(MANDIR)/man1/familytable.1
	install -m 0644 assets/familytable.conf $(DESTDIR)$(DATADIR)/familytable/familytable.conf.example
	for mo in $(MO_FILES); do \
		lang=$$(basename $$(dirname $$(dirname $$mo))); \
		install -D -m 0644 $$mo $(DESTDIR)$(DATADIR)/locale/$$lang/LC_MESSAGES/familytable.mo; \
	done
	@if [ -e $(DESTDIR)$(SYSCONFDIR)/familytable/familytable.conf ]; then \
		echo "make install: $(SYSCONFDIR)/familytable/familytable.conf is the family's: kept as it is" \
		     "(the new example: $(DATADIR)/familytable/familytable.conf.example)"; \
	else \
		install -D -m 0644 assets/familytable.conf $(DESTDIR)$(SYSCONFDIR)/familytable/familytable.conf; \
	fi
	for u in $(UNITS); do \
		sed 's|/usr/local/bin/familytable|$(BINDIR)/familytable|' systemd/$$u > $(DESTDIR)$(UNITDIR)/$$u; \
		chmod 0644 $(DESTDIR)$(UNITDIR)/$$u; \
	done
	install -D -m 0644 systemd/familytable.sysusers $(DESTDIR)$(SYSUSERSDIR)/familytable.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/familytable $(DESTDIR)$(MANDIR)/man1/familytable.1
	rm -f $(addprefix $(DESTDIR)$(UNITDIR)/,$(UNITS)) $(DESTDIR)$(SYSUSERSDIR)/familytable.conf
	rm -f $(DESTDIR)$(DATADIR)/locale/*/LC_MESSAGES/familytable.mo
	rm -rf $(DESTDIR)$(DATADIR)/familytable

clean:
	rm -rf build build-asan build-gpio build-dvm build-arm64 build-fuzz build-peer
