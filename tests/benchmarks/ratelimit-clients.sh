#!/usr/bin/env bash
# Memory of the rate-limit partitions under many distinct clients. Starts the sample (Release,
# Development so plain HTTP is served; the global limit on, so each client has two partitions: the
# global one and 'auth'), trusting 127.0.0.1 as a proxy, and sends POST /auth/login with a distinct
# X-Forwarded-For per request (wrk, addresses 10.a.b.c counted up to <distinct>, then again from the
# first) for <seconds>. Prints the server's resident memory (VmRSS from /proc) idle before the load,
# at its peak (VmHWM), right after, and after <idle> seconds without requests (partitions are
# dropped 10 s after their bucket is full again).
# Usage: bash tests/benchmarks/ratelimit-clients.sh [distinct=300000] [seconds=40] [connections=64] [idle=30] [sample.dll]
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
distinct=${1:-300000}; seconds=${2:-40}; connections=${3:-64}; idle=${4:-30}
dll=${5:-samples/ProductionReady.Sample/bin/Release/net10.0/ProductionReady.Sample.dll}
command -v wrk >/dev/null || { echo "ratelimit-clients: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -n "${5:-}" ] || dotnet build samples/ProductionReady.Sample -c Release -nologo -v:q >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/ratelimit-clients.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
ProductionReady__ForwardedHeaders__TrustedProxies__0=127.0.0.1 \
ProductionReady__RateLimits__Global__PermitsPerSecond=100 \
Logging__LogLevel__Default=Warning \
  dotnet "$dll" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 200); do curl -sf -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.1; done

rss() { awk -v k="$1:" '$1==k {print int($2/1024)}' "/proc/$app_pid/status"; }

# Warm up with one client, then settle: the idle footprint.
wrk -t1 -c4 -d3s -s /dev/stdin "http://127.0.0.1:$port/auth/login" >/dev/null <<'LUA'
wrk.method = "POST"
wrk.headers["X-Forwarded-For"] = "192.0.2.1"
LUA
sleep 15
idle_before=$(rss VmRSS)

cat >"$work/clients.lua" <<LUA
local distinct = $distinct
local counter = 0
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) counter = id * 1000003 end
wrk.method = "POST"
function request()
  counter = counter + 1
  local n = counter % distinct
  local a = math.floor(n / 65536) % 256
  local b = math.floor(n / 256) % 256
  local c = n % 256
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = "10." .. a .. "." .. b .. "." .. c })
end
LUA
wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/clients.lua" "http://127.0.0.1:$port/auth/login" | tee "$work/wrk.txt" | grep -E "Requests/sec|requests in"
after_load=$(rss VmRSS)
peak=$(rss VmHWM)
sleep "$idle"
idle_after=$(rss VmRSS)

requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
echo "distinct clients: $(( requests < distinct ? requests : distinct )) (of $requests requests)"
echo "RSS idle before:      ${idle_before} MB"
echo "RSS peak (VmHWM):     ${peak} MB  (+$(( peak - idle_before )) MB)"
echo "RSS right after load: ${after_load} MB  (+$(( after_load - idle_before )) MB)"
echo "RSS after ${idle}s idle:  ${idle_after} MB  (+$(( idle_after - idle_before )) MB)"
