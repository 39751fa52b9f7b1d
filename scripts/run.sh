#!/usr/bin/env bash
# Migrates the SQLite database at var/safeboard.db and serves Safeboard on
# http://127.0.0.1:8080 (override with SAFEBOARD_DB / SAFEBOARD_LISTEN).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
build/safeboard migrate
build/safeboard demo
exec build/safeboard serve
