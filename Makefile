# The two commands: `make run` and `make test`. Both install what is missing,
# then build. See README.md.
.PHONY: build run test bench bench-national deps clean

build:
	@scripts/build.sh

run: build
	@scripts/run.sh

test: build
	@scripts/test.sh

bench: build
	@scripts/bench.sh

# The performance reports against a national-scale dataset (bench/README.md).
bench-national: build
	@scripts/bench-national.sh

deps:
	@scripts/install-deps.sh

clean:
	rm -rf build build-dev
