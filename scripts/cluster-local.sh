#!/usr/bin/env bash
# Several nodes on one machine: PostgreSQL, three nodes of the same build and HAProxy in front of them
# (deploy/haproxy.cfg), for trying failover, draining and scraping before doing it for real. Ctrl-C stops all.
#
#   bash scripts/cluster-local.sh
#
# Environment (all optional):
#   DATABASE_URL          use this PostgreSQL (kept); default: a throwaway server, deleted on exit
#   CLUSTER_PORT          the balancer's port (default 3100); the nodes take the next three (3101–3103)
#   CLUSTER_BIND          the balancer's address (default 127.0.0.1; 0.0.0.0 to open it to the LAN, then
#                         add the name people use to CLUSTER_HOSTS)
#   CLUSTER_HOSTS         extra names the nodes answer to through the balancer, comma-separated
#   METRICS_TOKEN         the token Prometheus presents at each node's /metrics (default: a random one, printed)
#   SIMULATOR, SIMULATOR_RATE, SIMULATOR_BACKFILL_WEEKS (default 1 here), BOOTSTRAP_IDENTITIES_FILE: as for
#                         one node (README, "Configuration"); the simulator runs on the leader only
#   CLUSTER_LOG_DIR       where the nodes' and the balancer's logs go (default: a new folder under /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "cluster-local: $*" >&2; }
die() { log "$*"; exit 1; }

lb_port=${CLUSTER_PORT:-3100}
lb_bind=${CLUSTER_BIND:-127.0.0.1}
node_ids=(n1 n2 n3)
haproxy_bin=$(command -v haproxy || true)
[[ -z "$haproxy_bin" && -x /usr/sbin/haproxy ]] && haproxy_bin=/usr/sbin/haproxy
[[ -n "$haproxy_bin" ]] || die "HAProxy is not installed: bash scripts/ensure-system-deps.sh (as root), or apt-get install haproxy"
[[ -f .next/BUILD_ID ]] || { log "no production build yet: npm run build"; npm run build; }

for port in "$lb_port" $((lb_port + 1)) $((lb_port + 2)) $((lb_port + 3)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is in use (set CLUSTER_PORT to another base port)"
  fi
done

log_dir=${CLUSTER_LOG_DIR:-$(mktemp -d /tmp/cur-cluster.XXXXXX)}
mkdir -p "$log_dir"
metrics_token=${METRICS_TOKEN:-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}
pg_dir=
pids=()
haproxy_pid=

stop_all() {
  trap - INT TERM EXIT
  log "stopping …"
  [[ -n "$haproxy_pid" ]] && kill "$haproxy_pid" 2>/dev/null || true
  # SIGTERM: each node refuses new work, finishes what it holds and exits (within SHUTDOWN_GRACE_MS).
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$pg_dir" ]]; then bash scripts/pg-throwaway.sh stop "$pg_dir" >/dev/null 2>&1 || true; fi
  log "stopped; logs kept in $log_dir"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

database_url=${DATABASE_URL:-}
if [[ -z "$database_url" ]]; then
  pg_env=$(PG_THROWAWAY_OWNER=$$ bash scripts/pg-throwaway.sh start) || die "could not start PostgreSQL"
  pg_dir=$(sed -n 's/^PG_THROWAWAY_DIR=//p' <<<"$pg_env")
  database_url=$(sed -n 's/^TEST_DATABASE_URL=//p' <<<"$pg_env")
fi

# The nodes answer to the balancer's names on its port (the Host header passes through it unchanged) and to
# loopback on their own port; the balancer on this machine is trusted to name the client.
allowed="localhost:$lb_port,127.0.0.1:$lb_port,$(hostname):$lb_port${CLUSTER_HOSTS:+,$CLUSTER_HOSTS}"

start_node() {
  local id=$1 port=$2
  NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT="$port" HOST=127.0.0.1 NODE_ID="$id" \
    DATABASE_URL="$database_url" ALLOWED_HOSTS="$allowed" TRUSTED_PROXIES=127.0.0.1 \
    METRICS_TOKEN="$metrics_token" PUBLIC_URL="${PUBLIC_URL:-http://localhost:$lb_port}" \
    SIMULATOR_BACKFILL_WEEKS="${SIMULATOR_BACKFILL_WEEKS:-1}" \
    node --import tsx server.ts >"$log_dir/$id.log" 2>&1 &
  pids+=($!)
}

wait_ready() {
  local id=$1 pid=$2 deadline=$((SECONDS + 900))
  until grep -q '"msg":"ready"' "$log_dir/$id.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log_dir/$id.log" >&2
      die "$id exited during start-up (log above, whole in $log_dir/$id.log)"
    fi
    ((SECONDS < deadline)) || die "$id not ready after 15 minutes ($log_dir/$id.log)"
    sleep 0.5
  done
  log "$id ready on 127.0.0.1:$(sed -n 's/.*"port":\([0-9]*\).*/\1/p' "$log_dir/$id.log" | head -n 1)"
}

# The first node alone: it migrates a fresh database and, as the first leader, backfills the history.
log "starting n1 alone (on a fresh database it migrates and, as the first leader, backfills the simulated history) …"
start_node n1 $((lb_port + 1))
wait_ready n1 "${pids[0]}"
# One after another as well, so n1 is the first leader: only the leader prints the first-administrator link.
start_node n2 $((lb_port + 2))
wait_ready n2 "${pids[1]}"
start_node n3 $((lb_port + 3))
wait_ready n3 "${pids[2]}"

CUR_LB_BIND="$lb_bind:$lb_port" CUR_PUBLIC_HOST="localhost:$lb_port" \
  CUR_NODE1="127.0.0.1:$((lb_port + 1))" CUR_NODE2="127.0.0.1:$((lb_port + 2))" CUR_NODE3="127.0.0.1:$((lb_port + 3))" \
  "$haproxy_bin" -db -f deploy/haproxy.cfg >"$log_dir/haproxy.log" 2>&1 &
haproxy_pid=$!
sleep 1
kill -0 "$haproxy_pid" 2>/dev/null || { cat "$log_dir/haproxy.log" >&2; die "HAProxy did not start"; }

setup_link=$(grep -ho 'http[^ ]*/setup/[^ ]*' "$log_dir/n1.log" | tail -n 1 || true)
cat <<EOF

  The wall, through the balancer:   http://localhost:$lb_port/wall
  The nodes, each on its own:       http://127.0.0.1:$((lb_port + 1))  http://127.0.0.1:$((lb_port + 2))  http://127.0.0.1:$((lb_port + 3))
  ${setup_link:+First administrator (once, 24 h):  $setup_link
  }Metrics of a node:                curl -H 'Authorization: Bearer $metrics_token' http://127.0.0.1:$((lb_port + 1))/metrics
  Which node leads:                 grep -l '"leader elected"' $log_dir/n*.log  (or cur_leader 1 in /metrics)
  Logs:                             $log_dir/{n1,n2,n3,haproxy}.log
  PostgreSQL:                       $database_url${pg_dir:+ (throwaway: deleted when this stops)}
  Try: kill -9 a node's pid (${pids[*]}), watch the wall carry on and another node log "leader elected".

  Ctrl-C stops everything.
EOF

# Until Ctrl-C, or until the balancer dies; a node that dies stays dead (that is the experiment).
wait "$haproxy_pid"
