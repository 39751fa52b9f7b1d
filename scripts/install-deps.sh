#!/usr/bin/env bash
# Installs what Safeboard needs to build, run and test: Debian packages
# (only those missing, so a second run is quick) and the web packages (npm ci,
# only when package-lock.json changed). Works with no standard input.
# --test adds what the browser tests need: Debian's chromium, and
# playwright-core and axe-core (npm ci in tests/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build ccache pkg-config make
  libboost1.81-dev libcli11-dev libtomlplusplus-dev libkainjow-mustache-dev
  libsqlite3-dev libpq-dev libsodium-dev liboath-dev libqrencode-dev libcrack2-dev cracklib-runtime
  libxlsxwriter-dev libminizip-dev libmagic-dev libssl-dev libical-dev libcairo2-dev libpango1.0-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql
)
mode=${1:-}
if [[ "$mode" == "--bench" ]]; then
  packages+=(wrk nginx-light curl)
fi
if [[ "$mode" == "--test" ]]; then
  packages+=(chromium poppler-utils)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q </dev/null
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi

# npm ci only when the lock file is newer than what was last installed.
npm_ci() {
  local dir=$1
  local stamp=$dir/node_modules/.safeboard-installed
  if [[ ! -f "$stamp" || $dir/package-lock.json -nt "$stamp" ]]; then
    echo "install-deps: npm ci ($dir)"
    (cd "$dir" && npm ci --no-audit --no-fund </dev/null)
    touch "$stamp"
  fi
}
npm_ci web
if [[ "$mode" == "--test" ]]; then
  npm_ci tests/e2e
fi
