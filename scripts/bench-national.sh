#!/usr/bin/env bash
# The performance analysis at national scale: generates a dataset holding
# every English partnership (bench/national/), serves it, and measures the
# completeness and exceptions reports with wrk, first on SQLite, then on a
# throw-away PostgreSQL cluster. Bounded: loopback only, fixed durations;
# every process it starts is stopped by its pid, and every database removed.
#
#   BUILD_DIR          where safeboard and bench/safeboard_national_dataset are (default build)
#   BENCH_SECONDS      length of each measurement (default 15), after a 3-second warm-up
#   BENCH_CONNECTIONS  open connections (default 4, the server's database workers)
#   BENCH_BACKENDS     default "sqlite postgresql"
#   NATIONAL_ARGS      the generator's options, e.g. "--values 1000000" for a quick run
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD_DIR:-build}
duration=${BENCH_SECONDS:-15}
connections=${BENCH_CONNECTIONS:-4}
backends=${BENCH_BACKENDS:-sqlite postgresql}
read -r -a generator_args <<<"${NATIONAL_ARGS:-}"
safeboard=$build/safeboard
generator=$build/bench/safeboard_national_dataset
rotation=20  # partnerships asked for in turn

die() {
  echo "bench-national: $*" >&2
  exit 1
}
for tool in "$safeboard" "$generator"; do
  [[ -x $tool ]] || die "$tool is missing: run make build, or set BUILD_DIR"
done
# wrk and the rest, as scripts/bench.sh; PostgreSQL is among the build's packages.
scripts/install-deps.sh --bench

work=$(mktemp -d -t safeboard-national.XXXXXX)
pg_dir=""
server_pid=""
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  if [[ -n $pg_dir ]]; then scripts/pg-test-cluster.sh stop "$pg_dir" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(seq 18280 18380); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "no free port"
}

# wrk's latency ("850.12us", "12.34ms", "1.20s") in milliseconds.
in_ms() {
  awk -v t="$1" 'BEGIN {
    v = t + 0
    if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000
    printf "%.1f", v
  }'
}

measure() {  # report ids start end -> "p50 p90 p99 req/s non-2xx"
  local report=$1 ids=$2 start=$3 end=$4 out
  local args=(-t2 -c"$connections" --timeout 30s -H "Authorization: Bearer $token" -s bench/national/national.lua
    "http://127.0.0.1:$port")
  wrk -d3s "${args[@]}" -- "/api/v1/reports/$report" "$start" "$end" "$ids" >/dev/null
  out=$(wrk -d"${duration}s" --latency "${args[@]}" -- "/api/v1/reports/$report" "$start" "$end" "$ids")
  echo "$out" >>"$work/wrk.log"
  local p50 p90 p99 rps errors
  p50=$(awk '/^ +50%/ {print $2}' <<<"$out")
  p90=$(awk '/^ +90%/ {print $2}' <<<"$out")
  p99=$(awk '/^ +99%/ {print $2}' <<<"$out")
  rps=$(awk '/^Requests\/sec/ {printf "%.1f", $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {for (i = 4; i <= NF; i += 2) n += $i} END {print n + 0}' <<<"$out")
  echo "$(in_ms "$p50") $(in_ms "$p90") $(in_ms "$p99") $rps $errors"
}

serve_and_measure() {  # label url: serves the database and measures both reports
  local label=$1 url=$2
  port=$(free_port)
  "$safeboard" serve --db "$url" --listen "127.0.0.1:$port" --threads 2 >>"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || die "safeboard did not start: $(tail -n 5 "$work/serve.log")"

  # A viewer at the instance's scope reads every partnership, as a national dashboard would.
  local listed ids
  listed=$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/partnerships?limit=1000" |
    grep -o '"id":"[^"]*"' | cut -d'"' -f4)  # a partnership in the list is flat: its one id
  [[ $(wc -l <<<"$listed") -eq ${partnerships//,/} ]] ||
    die "the viewer reads $(wc -l <<<"$listed") partnerships of $partnerships"
  ids=$(awk -v n="$rotation" '{id[NR] = $0} END {
    step = NR / n; if (step < 1) step = 1
    for (k = 0; k < n && 1 + int(k * step) <= NR; k++) printf "%s%s", (k ? "," : ""), id[1 + int(k * step)]
  }' <<<"$listed")

  local report status load row
  for report in completeness exceptions; do
    status=$(curl -s -o "$work/$report.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/api/v1/reports/$report?partnership=${ids%%,*}&period_start=$start&period_end=$end")
    [[ $status == 200 ]] || die "/api/v1/reports/$report answered $status: $(head -c 400 "$work/$report.json")"
    # The machine is shared: the load before each run says how much else was running.
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "## $label: measuring $report ($(wc -c <"$work/$report.json") bytes for partnership ${ids%%,*}, load $load)" >&2
    read -r -a row < <(measure "$report" "$ids" "$start" "$end")
    results+=("| $label | \`$report\` | ${row[0]} | ${row[1]} | ${row[2]} | ${row[3]} | ${row[4]} | $load |")
  done
  stop_server
}

bench_backend() {  # backend url
  local backend=$1 url=$2 summary started took
  echo "## $backend: generating the dataset" >&2
  started=$(date +%s)
  summary=$("$generator" --db "$url" "${generator_args[@]}")
  took=$(($(date +%s) - started))
  echo "$summary" >&2
  local start end values organisations partnerships size
  read -r start end < <(awk '/^latest quarter:/ {print $3, $5}' <<<"$summary" | tr -d ',')
  values=$(awk '/performance_values:/ {print $2}' <<<"$summary")
  organisations=$(awk '/^  organisations:/ {print $2}' <<<"$summary")
  partnerships=$(awk '/^  partnerships:/ {print $2}' <<<"$summary")
  size=$(awk '/^database size:/ {print $3, $4}' <<<"$summary")
  datasets+=("| $backend | $partnerships | $organisations | $values | ${took} s | $size | $start to $end |")

  echo "quiet lantern over seven hills" |
    "$safeboard" user add --db "$url" --email bench@example.org --name Bench --role viewer --password-stdin >/dev/null
  token=$("$safeboard" token create --db "$url" --user bench@example.org --name bench 2>/dev/null)
  serve_and_measure "$backend" "$url"
}

results=()
datasets=()
for backend in $backends; do
  case $backend in
    sqlite)
      bench_backend sqlite "sqlite:$work/national.db"
      rm -f "$work"/national.db*
      ;;
    postgresql)
      pg_dir=$(mktemp -d -t sbnat.XXXXXX)
      pg_url=$(scripts/pg-test-cluster.sh start "$pg_dir")
      bench_backend postgresql "$pg_url"
      scripts/pg-test-cluster.sh stop "$pg_dir"
      pg_dir=""
      ;;
    *) die "unknown backend $backend" ;;
  esac
done

printf '\n## national scale: wrk -t2 -c%s -d%ss on loopback, %s partnerships in turn\n\n' \
  "$connections" "$duration" "$rotation"
printf '| backend | partnerships | organisations | values | generation | database | period |\n'
printf '|---|---|---|---|---|---|---|\n'
printf '%s\n' "${datasets[@]}"
printf '\n| backend | report | p50 ms | p90 ms | p99 ms | req/s | errors | load |\n|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${results[@]}"
