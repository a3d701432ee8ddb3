# The two commands of the README: `make run` (the main job) and `make test` (every test).
JOBS ?= 2
BUILD ?= build
FUZZ_SECONDS ?= 60
CMAKE_FLAGS ?=

.PHONY: deps build run test sanitize fuzz bench web-test clean
deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/apps/accord/accord report geneva-2025

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# ASan + UBSan build of the whole test suite (CI runs it).
sanitize: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_SANITIZE=ON -DACCORD_BENCH=OFF
	cmake --build build-asan -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir build-asan --output-on-failure -j$(JOBS)

# Bounded libFuzzer runs of every parser (clang-14).
fuzz: deps
	CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DACCORD_FUZZ=ON \
	  -DACCORD_TESTS=OFF -DACCORD_BENCH=OFF
	cmake --build build-fuzz -j$(JOBS) --target accord_fuzzers
	./scripts/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

# The dashboard: rebuild web/dist and check it matches the committed files, then browser tests
# (headless Chromium against `accord serve` on 127.0.0.1).
web-test: build
	BUILD=$(BUILD) ./scripts/test-web.sh

# Benchmarks are off by default (ACCORD_BENCH); this target turns them on in $(BUILD).
bench: CMAKE_FLAGS += -DACCORD_BENCH=ON
bench: build
	./scripts/run-benchmarks.sh $(BUILD)

clean:
	rm -rf build build-asan build-fuzz
