# ccsim — build, run and test. Needs only Go; anything else is installed here.
GO       ?= go
BIN      := bin
# Count-based: a time-based -fuzztime can fail spuriously on Go 1.26 (golang/go#75804).
# Minimizing each new interesting input is capped at 10 s: a large role-play script takes
# minutes to minimize at the default 60 s per input, which only tidies the cache.
# FUZZSCALE multiplies each target's count (e.g. make fuzz FUZZSCALE=10 for a longer run).
FUZZSCALE ?= 1
# Fuzz targets run by `make test`: package:Target:inputs (slow targets get fewer inputs).
FUZZ     := ./scenarios:FuzzLoad:20000 ./sim:FuzzRun:20000 ./sim/erlang:FuzzFigures:20000 \
            ./scenarios:FuzzScript:3000 ./scenarios:FuzzSession:1000 \
            ./records:FuzzReadBank:10000 ./records:FuzzReadGeneric:10000 ./scenarios:FuzzOverride:10000 \
            ./trainer:FuzzNormalize:10000 ./scenarios:FuzzCorpus:3000 ./scenarios:FuzzPulse:3000 ./scenarios:FuzzParseRules:5000
# The floor view's window (ebiten) loads X11 and GL at run time; its drawing
# tests run in Xvfb. .ci/apt-install installs whichever of these are missing.
FLOOR_DEBS := xvfb xauth libgl1 libgl1-mesa-dri libx11-6 libxcursor1 libxext6 libxi6 libxinerama1 libxrandr2 libxrender1
XVFB       := xvfb-run -a -s "-screen 0 1400x900x24"
# The web pages are tested in Debian's headless Chromium (chromedp); fonts for
# legible screenshots. CCSIM_BROWSER=1 makes a missing browser a failure, not a skip.
WEB_DEBS   := chromium fonts-liberation

.PHONY: all build run test lint unit fuzz bench clean floor floor-debs floor-test floor-shot web-debs web-bench web-shots

all: build

VERSION  := $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)

build:
	$(GO) build -ldflags "-X main.buildVersion=$(VERSION)" -o $(BIN)/ccsim ./cmd/ccsim

## run: simulate the bundled default scenario, print its summary, write results to out/
run: build
	$(BIN)/ccsim run --out out

## test: formatting, vet, staticcheck, every test, a short fuzz of each parser, and the floor view drawn in Xvfb
test: lint web-debs unit fuzz floor-test

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	@$(GO) mod tidy -diff || { echo "go.mod or go.sum is not tidy: run go mod tidy and commit the result"; exit 1; }

unit: web-debs
	CCSIM_BROWSER=1 $(GO) test -count=1 ./...

fuzz:
	@set -e; for t in $(FUZZ); do pkg=$$(echo $$t | cut -d: -f1); name=$$(echo $$t | cut -d: -f2); \
	  n=$$(( $$(echo $$t | cut -d: -f3) * $(FUZZSCALE) )); echo "fuzz $$pkg $$name ($${n} inputs)"; \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $${n}x -fuzzminimizetime 10s $$pkg; done

## floor: build the live floor view, bin/ccfloor (run it: bin/ccfloor [SCENARIO] --speed 300)
floor:
	$(GO) build -o $(BIN)/ccfloor ./cmd/ccfloor

## floor-debs: the Debian packages the floor view and its Xvfb test need (installed only when missing)
floor-debs:
	@.ci/apt-install $(FLOOR_DEBS)

## floor-test: draw the floor in Xvfb: the painted scene, and ccfloor --screenshot's PNG
floor-test: floor-debs floor
	$(XVFB) $(GO) test -count=1 -tags xvfb -run '^(TestPaintMatchesScene|TestScreenshot)$$' ./cmd/ccfloor/

## floor-shot: redraw docs/floor.png, the README's picture of the default day at 10:00
floor-shot: floor-debs floor
	$(XVFB) $(BIN)/ccfloor --screenshot docs/floor.png --at 10:00 --speed 300

## web-debs: Chromium for the browser tests of ccsim serve (installed only when missing)
web-debs:
	@.ci/apt-install $(WEB_DEBS)

## web-bench: 200 websocket trainees replying on loopback: p50/p99 reply latency, lost and duplicated events
web-bench:
	$(GO) test -run '^$$' -bench BenchmarkRoomReplies -benchtime 1x -count 1 ./web/

## web-shots: redraw the README's screenshots of ccsim serve (docs/web-*.png)
web-shots: web-debs
	CCSIM_BROWSER=1 $(GO) test -count=1 -run '^TestBrowser' ./web/ -args -docs

## bench: the benchmarks, 10 runs each, summarised with benchstat
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 10 ./sim/... | tee bench.txt
	$(GO) tool benchstat bench.txt

clean:
	rm -rf $(BIN) out bench.txt
