#!/usr/bin/env bash
# A disposable PostgreSQL server for the test suite.
#
#   bash scripts/pg-throwaway.sh start      prints two shell-safe lines on stdout:
#                                             PG_THROWAWAY_DIR=/tmp/pg-throwaway.XXXXXX
#                                             TEST_DATABASE_URL=postgres://postgres@127.0.0.1:PORT/cur_test
#   bash scripts/pg-throwaway.sh stop DIR   stops that server and deletes DIR
#   bash scripts/pg-throwaway.sh pause DIR  stops the server (fast shutdown), keeping DIR: a database outage
#   bash scripts/pg-throwaway.sh resume DIR starts it again on the same port from the same DIR
#
# A watcher stops the server by itself once the owning process is gone (PG_THROWAWAY_OWNER, default:
# the caller), so a run killed with SIGKILL or a CI timeout leaves no server behind.
#
# Durability is switched off (it is thrown away), the superuser is `postgres` with trust auth over
# the unix socket and 127.0.0.1, because test files CREATE DATABASE for themselves. As root the
# server runs as the `postgres` user: PostgreSQL refuses to run as root.
set -euo pipefail

self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

log() { echo "pg-throwaway: $*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then echo "$PG_BINDIR"; return; fi
  # Highest installed major version wins (Debian keeps one dir per major).
  local dir
  dir=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
  if [[ -n "$dir" ]]; then dirname "$dir"; return; fi
  # Non-Debian layouts put initdb on PATH.
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  return 1
}

# Runs a server command as the account that owns the data dir. `cd /` because runuser keeps the
# caller's cwd, which the postgres user often cannot read (e.g. /root), and initdb then fails.
as_owner() {
  if ((EUID != 0)); then "$@"; return; fi
  if command -v runuser >/dev/null; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
  fi
}

# The server's options, the same on every start (resume must come back exactly as it was).
server_opts() {
  echo "-p $1 -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
}

port_in_use() {
  local port=$1
  [[ -e "/tmp/.s.PGSQL.$port" || -e "/tmp/.s.PGSQL.$port.lock" ]] && return 0
  # A successful TCP connect means someone listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

start() {
  local bindir
  bindir=$(find_bindir) || die "no PostgreSQL server binaries (initdb) found; run: bash scripts/ensure-system-deps.sh (as root), or apt-get install postgresql"
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    die "running as root but there is no 'postgres' user to run the server as (the Debian postgresql package creates it)"
  fi

  local dir
  dir=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
  # Remove the half-made server if we exit before handing it over (die, set -e, a signal).
  half_made=$dir
  trap 'if [[ -n "${half_made:-}" ]]; then stop_dir "$half_made" >/dev/null 2>&1 || true; fi' EXIT
  echo "$bindir" >"$dir/bindir"
  ((EUID == 0)) && chown postgres:postgres "$dir"

  # C collation matches PGlite's, so ORDER BY on text agrees between the two test passes.
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  local port=${PG_THROWAWAY_PORT:-55432} attempt started=0
  for attempt in 1 2 3 4 5; do
    while port_in_use "$port"; do port=$((port + 1)); done
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "$(server_opts "$port")" start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    # Most likely another process grabbed the port between the check and the start.
    log "start on port $port failed (attempt $attempt): $(tail -n 1 "$dir/pg_ctl.log"); trying the next port"
    port=$((port + 1))
  done
  if ((started == 0)); then
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    die "could not start the server"
  fi
  echo "$port" >"$dir/port"

  as_owner "$bindir/createdb" -h /tmp -p "$port" -U postgres cur_test
  local owner=${PG_THROWAWAY_OWNER:-$PPID}
  # All fds closed: the caller may be reading our stdout through $(...) and would wait for the watcher.
  setsid bash "$self" watch "$owner" "$dir" </dev/null >/dev/null 2>&1 &
  half_made=
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
  echo "PG_THROWAWAY_DIR=$dir"
  echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/cur_test"
}

stop_dir() {
  local dir=$1
  # Refuse anything that is not one of ours: this ends in rm -rf.
  [[ "$dir" == /tmp/pg-throwaway.* && -f "$dir/bindir" ]] || die "not a pg-throwaway dir: $dir"
  local bindir
  bindir=$(cat "$dir/bindir")
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    # Immediate: nothing in there is worth a clean checkpoint.
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      log "pg_ctl stop failed for $dir (server may already be gone)"
  fi
  rm -rf "$dir"
}

check_dir() {
  [[ "$1" == /tmp/pg-throwaway.* && -f "$1/bindir" && -f "$1/port" ]] || die "not a pg-throwaway dir: $1"
}

pause_dir() {
  local dir=$1
  check_dir "$dir"
  # Fast: sessions are ended and the server shuts down cleanly, as an operator's stop would.
  as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
}

resume_dir() {
  local dir=$1
  check_dir "$dir"
  as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "$(server_opts "$(cat "$dir/port")")" start >/dev/null
}

# Polls rather than waits: the owner is not our child, so `wait` cannot see it exit.
watch() {
  local owner=$1 dir=$2
  while [[ -d "$dir" ]] && kill -0 "$owner" 2>/dev/null; do sleep 2; done
  if [[ -d "$dir" ]]; then stop_dir "$dir"; fi
}

case "${1:-}" in
  start) start ;;
  watch) watch "$2" "$3" ;;
  pause)
    [[ -n "${2:-}" ]] || die "usage: $0 pause DIR"
    pause_dir "$2"
    ;;
  resume)
    [[ -n "${2:-}" ]] || die "usage: $0 resume DIR"
    resume_dir "$2"
    ;;
  stop)
    [[ -n "${2:-}" ]] || die "usage: $0 stop DIR"
    stop_dir "$2"
    log "stopped and removed $2"
    ;;
  *) die "usage: $0 start | stop DIR | pause DIR | resume DIR  (watch OWNER_PID DIR is internal)" ;;
esac
