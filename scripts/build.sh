#!/usr/bin/env bash
# Installs what is missing, configures once, and builds build/safeboard.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake --preset release >/dev/null
fi
cmake --build --preset release
