# skuc: two commands on a fresh machine, `make run` and `make test`. Every target depends on
# `deps`, which installs only what is missing, so it is cheap to run again.
SWIFT ?= swift
CATALOGS ?= Catalogs
OUT ?= build/payloads
BASE ?= HEAD
DIFF_FLAGS ?=
REPORT ?= build/report.html
REPORT_FLAGS ?=
APT_PACKAGES := pkg-config libyaml-dev chromium
PIP_PACKAGES := jsonschema PyYAML

PREFIX ?= /usr/local
STATIC_BUILD ?= .build-static
STRIP ?= strip

.PHONY: deps build release static install install-check run test test-fast bench diff report fuzz fuzz-smoke fmt lint clean

deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists yaml-0.1 2>/dev/null || dpkg -s libyaml-dev >/dev/null 2>&1 || missing="$$missing libyaml-dev"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import jsonschema, yaml' 2>/dev/null || { \
	  echo "make deps: installing Python test tools ($(PIP_PACKAGES))"; \
	  python3 -m pip install --quiet $(PIP_PACKAGES); }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product skuc

# A release skuc with the Swift runtime linked in (-static-stdlib): it needs only libyaml,
# libstdc++ and libc, so a CI job or a colleague runs it without a Swift toolchain. Its own
# build directory, so that `make release` and `make bench` keep theirs.
static:
	$(SWIFT) build -c release --scratch-path $(STATIC_BUILD) -Xswiftc -static-stdlib --product skuc

# make install PREFIX=$$HOME/.local (DESTDIR for packaging): the static skuc, stripped.
install: static
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$(STATIC_BUILD)/release/skuc" "$(DESTDIR)$(PREFIX)/bin/skuc"
	$(STRIP) "$(DESTDIR)$(PREFIX)/bin/skuc"
	@echo "make install: installed $(DESTDIR)$(PREFIX)/bin/skuc"

# The installed skuc loads no Swift runtime and checks the catalogs; builds nothing.
install-check:
	Tests/Scripts/install-check.sh "$(DESTDIR)$(PREFIX)/bin/skuc" $(CATALOGS)

run: release
	@mkdir -p "$$(dirname "$(OUT)")"
	.build/release/skuc build $(CATALOGS) --out $(OUT) --summary

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) fuzz-smoke
	$(MAKE) lint

# A quick check while working: every suite but those tagged `.slow` (Tests/*/Support/Tags.swift).
# `swift test` skips by name, not by tag, so the tagged suites are listed here; a test
# (SlowSuiteListTests) keeps the list and the tags in step.
SLOW_SUITES := CrashSafetyTests|FaultsLimitsTests|FaultsMutationTests|FrontEndDifferentialTests|ReportBrowserTests|ScalingRegressionTests|SchemaTests|SubsetViolationTests

test-fast: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(SLOW_SUITES)'

# What the working catalog changes against a revision: make diff BASE=origin/main
diff: deps
	$(SWIFT) build --product skuc
	"$$($(SWIFT) build --show-bin-path)/skuc" diff "git:$(BASE):$(CATALOGS)" "$(CATALOGS)" $(DIFF_FLAGS)

# The pricing review page: make report, or make report REPORT_FLAGS="--against git:origin/main"
report: deps
	$(SWIFT) build --product skuc
	@mkdir -p "$$(dirname "$(REPORT)")"
	"$$($(SWIFT) build --show-bin-path)/skuc" report $(CATALOGS) --out $(REPORT) $(REPORT_FLAGS)
	@echo "make report: wrote $(REPORT)"

bench: deps
	$(SWIFT) build -c release
	.build/release/skuc-bench

# libFuzzer (docs/robustness.md): `make fuzz FUZZ_TARGET=pipeline FUZZ_SECONDS=600`; the
# targets are Fuzz/Targets/*.swift. `fuzz-smoke` replays the committed inputs once.
FUZZ_TARGET ?= pipeline
FUZZ_SECONDS ?= 300

fuzz: deps
	Fuzz/run.sh $(FUZZ_TARGET) $(FUZZ_SECONDS)

fuzz-smoke: deps
	Fuzz/smoke.sh

fmt:
	$(SWIFT) format --in-place --recursive --parallel Package.swift Sources Tests Fuzz

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests Fuzz

clean:
	rm -rf .build $(STATIC_BUILD) build
