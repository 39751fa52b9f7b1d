#!/usr/bin/env bash
# Runs every test: starts a throw-away PostgreSQL cluster on loopback for the
# storage tests, runs CTest, and stops the cluster whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test  # chromium and the browser tests' npm packages

pg_dir=$(mktemp -d -t safeboard-pg.XXXXXX)
cleanup() { scripts/pg-test-cluster.sh stop "$pg_dir" || true; }
trap cleanup EXIT
SAFEBOARD_TEST_POSTGRES=$(scripts/pg-test-cluster.sh start "$pg_dir")
export SAFEBOARD_TEST_POSTGRES
echo "test: PostgreSQL at ${SAFEBOARD_TEST_POSTGRES}"

ctest --preset release -j2 "$@"
