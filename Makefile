# ccsim — build, run and test. Needs only Go; anything else is installed here.
GO       ?= go
BIN      := bin
# Count-based: a time-based -fuzztime can fail spuriously on Go 1.26 (golang/go#75804).
FUZZTIME ?= 20000x
# Fuzz targets run briefly by `make test`: package:Target.
FUZZ     := ./scenarios:FuzzLoad ./sim:FuzzRun

.PHONY: all build run test lint unit fuzz bench clean

all: build

build:
	$(GO) build -o $(BIN)/ccsim ./cmd/ccsim

## run: simulate the bundled default scenario, print its summary, write results to out/
run: build
	$(BIN)/ccsim run --out out

## test: formatting, vet, staticcheck, every test, and a short fuzz of each parser
test: lint unit fuzz

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

unit:
	$(GO) test -count=1 ./...

fuzz:
	@set -e; for t in $(FUZZ); do pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; done

## bench: the benchmarks, 10 runs each, summarised with benchstat
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 10 ./sim/... | tee bench.txt
	$(GO) tool benchstat bench.txt

clean:
	rm -rf $(BIN) out bench.txt
