#!/usr/bin/env bash
# Where the sample's CPU per request goes: the sample (Release, Production, everything on, stdout into a real pipe)
# under wrk, sampled with perf (call graphs, JIT-compiled frames named through the runtime's perf map), each sample
# put down to the innermost frame that belongs to a known piece (request-profile-classify.py): masking, Serilog,
# CLEF formatting, the log writer, security headers, metrics, ... and "everything else" (Kestrel, sockets, the
# kernel, the endpoint: what a bare app pays too). With a figure of µs CPU per request (logging-wrk.sh), each share
# becomes µs.
# Usage: bash tests/benchmarks/request-profile.sh [seconds-sampled=15] [connections=32] [us-cpu-per-request]
# Needs wrk and perf (linux-perf / linux-tools), root or kernel.perf_event_paranoid <= 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}; connections=${2:-32}; us=${3:-0}
command -v wrk >/dev/null || { echo "request-profile: wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v perf >/dev/null || { echo "request-profile: perf is missing (apt-get install linux-perf)" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/request-profile.XXXXXX)
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build samples/ProductionReady.Sample -c Release -nologo -v:q >/dev/null
# DOTNET_PerfMapEnabled: the runtime writes /tmp/perf-PID.map, naming JIT-compiled frames; without W^X the code is
# not double-mapped, so perf matches its addresses to that map.
(cd samples/ProductionReady.Sample/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Information Logging__LogLevel__Microsoft.AspNetCore=Warning \
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  Sample__ApiKey="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" dotnet ProductionReady.Sample.dll | cat >"$work/sample.log") &
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
pid=$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
[ -n "$pid" ] || { echo "request-profile: the sample does not answer" >&2; cat "$work/sample.log" >&2; exit 1; }
app=$pid

# Warm-up long enough for tiered compilation to settle (JIT shows up as libclrjit otherwise).
wrk -t1 -c"$connections" -d20s "http://127.0.0.1:$port/" >/dev/null
wrk -t1 -c"$connections" -d"$((seconds + 6))s" "http://127.0.0.1:$port/" >"$work/wrk.txt" &
wrk_pid=$!
sleep 3
perf record -F 1999 -g -p "$pid" -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null
wait "$wrk_pid"
grep 'Requests/sec' "$work/wrk.txt"
perf script -i "$work/perf.data" 2>/dev/null >"$work/perf.script"
python3 "$(dirname "$0")/request-profile-classify.py" "$work/perf.script" "$us"
# REQUEST_PROFILE_KEEP=file keeps the perf script (every sample's stack) for a closer look.
if [ -n "${REQUEST_PROFILE_KEEP:-}" ]; then cp "$work/perf.script" "$REQUEST_PROFILE_KEEP"; fi
