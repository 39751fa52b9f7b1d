#!/usr/bin/env bash
# Benchmarks. First the Google Benchmark micro-benchmarks (routing, JSON),
# then a load test with wrk on loopback: safeboard's /healthz and a JSON list
# read from the database, side by side with nginx serving static files of
# the same sizes on the same machine. Bounded: fixed durations, loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench

duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}

echo "## micro-benchmarks"
build/bench/safeboard_bench --benchmark_min_time=0.2

work=$(mktemp -d -t safeboard-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(seq 18080 18180); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port" >&2; exit 1
}

db="sqlite:$work/bench.db"
build/safeboard migrate --db "$db" >/dev/null
build/safeboard demo --db "$db" >/dev/null
# The API answers only signed-in callers: a viewer's token, as a script would send.
echo "quiet lantern over seven hills" |
  build/safeboard user add --db "$db" --email bench@example.org --name Bench --role viewer --password-stdin >/dev/null
token=$(build/safeboard token create --db "$db" --user bench@example.org --name bench 2>/dev/null)
auth="Authorization: Bearer $token"
sb_port=$(free_port)
build/safeboard serve --db "$db" --listen "127.0.0.1:$sb_port" --threads 2 2>"$work/safeboard.log" &
pids+=($!)
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$sb_port/healthz" >/dev/null && break; sleep 0.1; done

# Static files with exactly the bytes safeboard answers, for nginx.
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$sb_port/healthz" >"$work/www/healthz.json"
curl -fs -H "$auth" "http://127.0.0.1:$sb_port/api/v1/partnerships" >"$work/www/partnerships.json"
ng_port=$(free_port)
while [[ "$ng_port" == "$sb_port" ]]; do ng_port=$((ng_port + 1)); done
cat >"$work/nginx.conf" <<NGINX
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $work/nginx-access.log;
  default_type application/json;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$ng_port;
    root $work/www;
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$ng_port/healthz.json" >/dev/null && break; sleep 0.1; done

measure() {  # url [header] -> "requests/s p99"
  wrk -t2 -c"$connections" -d"${duration}s" --latency ${2:+-H "$2"} "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {p99=$2}
    END {print rps, p99}'
}

printf '\n## load: wrk -t2 -c%s -d%ss on loopback\n' "$connections" "$duration"
printf '| endpoint | bytes | safeboard req/s | nginx req/s | safeboard/nginx | safeboard p99 | nginx p99 |\n|---|---|---|---|---|---|---|\n'
for pair in "healthz:/healthz:/healthz.json" "partnerships:/api/v1/partnerships:/partnerships.json"; do
  IFS=: read -r name sb_path ng_path <<<"$pair"
  bytes=$(wc -c <"$work/www/${ng_path#/}")
  header=""
  [[ "$sb_path" == /api/* ]] && header=$auth
  read -r sb_rps sb_p99 < <(measure "http://127.0.0.1:$sb_port$sb_path" "$header")
  read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$ng_port$ng_path")
  ratio=$(awk -v a="$sb_rps" -v b="$ng_rps" 'BEGIN {printf "%.2f", a / b}')
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$sb_path" "$bytes" "$sb_rps" "$ng_rps" "$ratio" "$sb_p99" "$ng_p99"
done
