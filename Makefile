# The two commands of the README: `make run` (the main job: the libraries and the `accord` binary
# only) and `make test` (everything: tests and, with -DACCORD_BENCH=ON, benchmarks; then ctest).
JOBS ?= 2
BUILD ?= build
FUZZ_SECONDS ?= 60
CMAKE_FLAGS ?=

.PHONY: deps configure build run test sanitize fuzz bench web-test clean
deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# Only what the report needs: no test or benchmark is compiled.
run: configure
	cmake --build $(BUILD) -j$(JOBS) --target accord
	./$(BUILD)/apps/accord/accord report geneva-2025

# ctest's JUnit file lets .ci/run name the skipped tests (scripts/check-skipped-tests.py).
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) --output-junit ctest-junit.xml

# One clang-14 build with ASan + UBSan serves the sanitizer test run and the libFuzzer targets
# (CI runs `make sanitize` then `make fuzz`, which reuses it). -O1 as ASan recommends, line tables
# only for readable stack traces: it compiles and links much faster than -O2 -g.
SANITIZE_CONFIG = cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DACCORD_SANITIZE=ON -DACCORD_FUZZ=ON -DACCORD_BENCH=OFF $(CMAKE_FLAGS)

sanitize: deps
	$(SANITIZE_CONFIG)
	cmake --build build-asan -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j$(JOBS)

# Bounded libFuzzer runs of every parser, $(JOBS) fuzzers at a time.
fuzz: deps
	$(SANITIZE_CONFIG)
	cmake --build build-asan -j$(JOBS) --target accord_fuzzers
	./scripts/run-fuzzers.sh build-asan $(FUZZ_SECONDS) $(JOBS)

# The dashboard: rebuild web/dist and check it matches the committed files, then browser tests
# (headless Chromium against `accord serve` on 127.0.0.1).
web-test: build
	BUILD=$(BUILD) ./scripts/test-web.sh

# Benchmarks are off by default (ACCORD_BENCH); this target turns them on in $(BUILD).
bench: CMAKE_FLAGS += -DACCORD_BENCH=ON
bench: build
	./scripts/run-benchmarks.sh $(BUILD)

clean:
	rm -rf build build-asan
