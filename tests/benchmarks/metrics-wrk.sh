#!/usr/bin/env bash
# Per-request cost of the metrics on GET /, and the cost of one scrape, in the same run:
#   off  the sample (Release, Production) with ProductionReady:Metrics:Enabled=false (no OpenTelemetry pipeline)
#   on   the same sample with the metrics on (every meter listened to; Prometheus endpoint)
# Both write their log into a real pipe (`cat > file`). wrk runs in rounds, alternating the two; besides
# requests/s it reports the server's CPU time per request (utime+stime from /proc), steadier than
# throughput on a shared machine. Then it scrapes /metrics of "on" N times, 0.4 s apart (past the
# exporter's 300 ms response cache, so every scrape collects every meter), and reports time and bytes.
# Usage: bash tests/benchmarks/metrics-wrk.sh [seconds-per-run=5] [rounds=6] [connections=32] [scrapes=20]
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5}; rounds=${2:-6}; connections=${3:-32}; scrapes=${4:-20}
command -v wrk >/dev/null || { echo "metrics-wrk: wrk is missing (apt-get install wrk)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/metrics-wrk.XXXXXX)
on_port=$(free_port); off_port=$(free_port)
pids=()
declare -A pid_of
cleanup() {
  for pid in "${pid_of[@]}" "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build samples/ProductionReady.Sample -c Release -nologo -v:q >/dev/null
start() { # name port enabled
  (cd samples/ProductionReady.Sample/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
    ProductionReady__Metrics__Enabled="$3" Sample__ApiKey="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" \
    dotnet ProductionReady.Sample.dll | cat >"$work/$1.log") &
  pids+=($!)
}
start on "$on_port" true
start off "$off_port" false
for port in "$on_port" "$off_port"; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/" >/dev/null || { echo "metrics-wrk: the app on port $port does not answer" >&2; cat "$work"/*.log >&2; exit 1; }
done
curl -sf "http://127.0.0.1:$on_port/metrics" >/dev/null || { echo "metrics-wrk: 'on' serves no /metrics" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$off_port/metrics")" = 404 ] || { echo "metrics-wrk: 'off' serves /metrics" >&2; exit 1; }
source "$(dirname "$0")/wrk-rounds.sh"
tag=metrics-wrk
pid_of[on]=$(server_pid "$on_port"); pid_of[off]=$(server_pid "$off_port")
targets=("off $off_port" "on $on_port")
run_wrk_rounds

base=$(awk -v t="${total[off]}" -v r="$rounds" 'BEGIN {print t / r}')
echo
printf '%-4s %10s %10s %14s\n' app 'req/s' 'vs off' 'us CPU/req'
for name in off on; do
  avg=$(awk -v t="${total[$name]}" -v r="$rounds" 'BEGIN {print t / r}')
  printf '%-4s %10.0f %9.3f %14.1f\n' "$name" "$avg" "$(awk -v a="$avg" -v b="$base" 'BEGIN {print a / b}')" "$(per_request "$name")"
done

# One scrape with every meter on, after the traffic above (every series exists).
times=()
for _ in $(seq 1 "$scrapes"); do
  sleep 0.4
  times+=("$(curl -s -o "$work/scrape.txt" -w '%{time_total}' "http://127.0.0.1:$on_port/metrics")")
done
bytes=$(wc -c <"$work/scrape.txt"); series=$(grep -vc '^#' "$work/scrape.txt" || true)
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$scrapes" -v b="$bytes" -v s="$series" '{t[NR]=$1} END {printf "\nscrape: median %.2f ms, max %.2f ms over %d scrapes; %d bytes, %d sample lines\n", t[int((n+1)/2)]*1000, t[n]*1000, n, b, s}'
