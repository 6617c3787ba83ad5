# Makefile - the front door. The build itself is Meson + Ninja.
#
#   make          build build/ssp: optimised (release), hardened, no sanitizers
#   make run      install what is missing, build, initialise ./ssp.db, run
#   make test     install what is missing, build build/ and the sanitizer
#                 build build-asan/ (debug, ASan + UBSan, test hooks), run
#                 every test against build-asan/ and the release suite
#                 (hardening, smoke test) against build/
#   make fuzz     run every fuzz target for a bounded time (clang, libFuzzer)
#   make bench    speed and memory, as ratios within one run (bench/run.sh)

BUILD ?= build
ASAN_BUILD ?= build-asan
DB ?= ssp.db
FUZZ_SECONDS ?= 30

.PHONY: all deps build build-asan run test fuzz bench clean format

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: $(BUILD)/build.ninja
	ninja -C $(BUILD)
	@sh scripts/assets.sh $(BUILD)

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Dbuildtype=debug -Db_sanitize=address,undefined \
		-Dtest_hooks=true

build-asan: $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)
	@sh scripts/assets.sh $(ASAN_BUILD)

run: deps build
	@sh scripts/run.sh $(BUILD) $(DB)

test: deps build build-asan
	@sh scripts/test.sh $(ASAN_BUILD) $(BUILD)

bench: deps build
	@sh bench/run.sh $(BUILD)

fuzz: deps
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
