#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the test suite.
#
#   scripts/pg-test-cluster.sh start DIR   prints postgresql://safeboard@127.0.0.1:PORT/safeboard
#   scripts/pg-test-cluster.sh stop DIR    stops it fast and removes DIR
#
# Everything lives under DIR: data/ (the cluster), log, url and the unix
# socket. The server listens on 127.0.0.1 only, on a free port, and trusts
# loopback and its private socket without a password: it holds nothing but
# test data and is gone after the run. For the same reason fsync is off.
# `start` on a DIR whose cluster is already running prints its URL again.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
MARKER=.pg-test-cluster  # only a DIR holding this is ever removed
# The caller's PG* settings must not steer our own psql calls elsewhere.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGOPTIONS PGSERVICE PGPASSWORD
export LC_ALL=C

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

usage() {
  die "usage: $0 start DIR | stop DIR"
}

# initdb and postgres refuse to run as root; as root, run them as postgres.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

give_to_owner() {
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$@"; fi
}

is_running() {
  [[ -f $1/data/postmaster.pid ]] && as_owner "$PG_BIN/pg_ctl" status -D "$1/data" >/dev/null 2>&1
}

# Stops a half-started cluster and reports why, with the end of its log.
fail_start() {
  local dir=$1
  shift
  {
    echo "pg-test-cluster: $*"
    if [[ -s $dir/log ]]; then
      echo "--- last lines of $dir/log:"
      tail -n 20 "$dir/log"
    fi
  } >&2
  if is_running "$dir"; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  exit 1
}

# A port nothing answers on. Below 32768, so it is outside the kernel's range
# for outgoing connections; a race with another process still makes the
# start fail, and the caller then tries another port.
free_port() {
  local port _
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

init_cluster() {
  local dir=$1
  if [[ ! -f $dir/$MARKER && -n $(ls -A "$dir") ]]; then
    die "$dir is not empty and holds no test cluster; give an empty or new directory"
  fi
  rm -rf -- "${dir:?}/data"  # what an earlier, failed initdb left
  touch "$dir/$MARKER" "$dir/log"
  give_to_owner "$dir" "$dir/$MARKER" "$dir/log"
  as_owner test -w "$dir" || die "the postgres user cannot write to $dir (is a parent directory private?)"
  # Locale C: text sorts by bytes, as it does in SQLite, so both backends
  # order the same in tests.
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U safeboard --auth=trust --encoding=UTF8 --locale=C \
    --no-instructions >>"$dir/log" 2>&1 || fail_start "$dir" "initdb failed"
  cat >"$dir/data/pg_hba.conf" <<HBA
# Throw-away test cluster: its private socket and loopback only.
local all all trust
host  all all 127.0.0.1/32 trust
HBA
  cat >>"$dir/data/postgresql.conf" <<CONF

# pg-test-cluster.sh
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
CONF
}

create_database() {
  local dir=$1 port=$2
  local psql=("$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$port" -U safeboard) exists
  exists=$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'safeboard'" </dev/null \
    2>>"$dir/log") || fail_start "$dir" "the server started but does not answer on port $port"
  if [[ -z $exists ]]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE safeboard" </dev/null >>"$dir/log" 2>&1 ||
      fail_start "$dir" "cannot create database safeboard"
  fi
}

launch() {
  local dir=$1 port _
  for _ in 1 2 3 4 5; do
    port=$(free_port) || fail_start "$dir" "no free TCP port found on 127.0.0.1"
    if as_owner "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -t 60 -o "-p $port" \
      </dev/null >/dev/null 2>&1; then
      create_database "$dir" "$port"
      echo "postgresql://safeboard@127.0.0.1:$port/safeboard" >"$dir/url"
      cat "$dir/url"
      return
    fi
  done
  fail_start "$dir" "the server did not start"
}

start() {
  local dir=$1
  [[ -x $PG_BIN/initdb ]] || die "PostgreSQL 15 is not installed ($PG_BIN/initdb is missing); run scripts/install-deps.sh"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  if is_running "$dir" && [[ -s $dir/url ]]; then
    cat "$dir/url"
    return
  fi
  # The server's socket path must fit in a sockaddr_un (107 bytes).
  ((${#dir} <= 80)) || die "$dir is too long a path for the server's socket; use a shorter one (mktemp -d)"
  [[ -f $dir/data/PG_VERSION ]] || init_cluster "$dir"
  launch "$dir"
}

stop() {
  local dir=$1
  [[ -e $dir ]] || return 0
  if [[ ! -f $dir/$MARKER && -n $(ls -A "$dir") ]]; then
    die "$dir holds no test cluster; not removing it"
  fi
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 </dev/null >/dev/null 2>&1 || true
    if is_running "$dir"; then die "the server in $dir did not stop; see $dir/log"; fi
  fi
  rm -rf -- "$dir"
}

[[ $# -eq 2 && -n $2 ]] || usage
case $1 in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
