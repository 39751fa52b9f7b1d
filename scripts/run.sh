#!/usr/bin/env bash
# Migrates the SQLite database at var/safeboard.db and serves Safeboard on
# http://127.0.0.1:8080 (override with SAFEBOARD_DB / SAFEBOARD_LISTEN).
# On a database with no accounts yet, it first adds an administrator and
# prints a one-time link to set their password.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
build/safeboard migrate
build/safeboard demo
build/safeboard key create --if-missing
if [[ $(build/safeboard user list | wc -l) -le 1 ]]; then
  build/safeboard user add --email admin@example.org --name "Business unit administrator" --role admin
fi
exec build/safeboard serve
