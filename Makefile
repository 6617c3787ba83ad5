# Makefile - the front door. The build itself is Meson + Ninja in build/.
#
#   make          build build/ssp
#   make run      install what is missing, build, initialise ./ssp.db, run
#   make test     install what is missing, build, run every test
#   make fuzz     run every fuzz target for a bounded time (clang, libFuzzer)
#   make bench    speed and memory, as ratios within one run (bench/run.sh)

BUILD ?= build
DB ?= ssp.db
FUZZ_SECONDS ?= 30

.PHONY: all deps build run test fuzz bench clean format

all: build

deps:
	@sh scripts/deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: $(BUILD)/build.ninja
	ninja -C $(BUILD)
	@sh scripts/assets.sh $(BUILD)

run: deps build
	@sh scripts/run.sh $(BUILD) $(DB)

test: deps build
	@sh scripts/test.sh $(BUILD)

bench: deps build
	@sh bench/run.sh $(BUILD)

fuzz: deps
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) build-fuzz
