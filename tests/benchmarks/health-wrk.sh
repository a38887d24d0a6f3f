#!/usr/bin/env bash
# Throughput of the health probes against a bare MapGet endpoint, in the same run, on loopback.
# Starts a throwaway PostgreSQL 15 cluster, a bare app (nothing but app.MapGet("/", () => "ok"),
# built in a temp dir) and the sample (Release, Production, everything on, the PostgreSQL readiness
# check registered), then runs wrk in rounds, alternating the endpoints:
#   bare /               the baseline: a bare MapGet endpoint in an app without ProductionReady
#   sample /health/live  liveness (no dependency checks)
#   sample /health/ready readiness (PostgreSQL check, result cached for CacheDuration = 1 s)
# Besides requests/s it reports the server's CPU time per request (utime+stime of the server process
# from /proc, divided by the requests wrk completed): on a shared machine throughput swings with
# other load, CPU per request much less, so the ratios are computed from both.
# Usage: bash tests/benchmarks/health-wrk.sh [seconds-per-run=5] [rounds=6] [connections=32]
# Needs wrk (apt-get install wrk) and PostgreSQL 15 (apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5}; rounds=${2:-6}; connections=${3:-32}
pg_bin=/usr/lib/postgresql/15/bin
command -v wrk >/dev/null || { echo "health-wrk: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$pg_bin/initdb" ] || { echo "health-wrk: PostgreSQL 15 is missing (apt-get install postgresql)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

work=$(mktemp -d /tmp/health-wrk.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$work"
pg_port=$(free_port); app_port=$(free_port); bare_port=$(free_port)
app_pid=""; bare_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$bare_pid" ] && kill "$bare_pid" 2>/dev/null && wait "$bare_pid" 2>/dev/null || true
  as_postgres "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

as_postgres "$pg_bin/initdb" -D "$work/data" -U postgres -A trust --no-sync --no-instructions >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c log_statement=all" start >/dev/null

dotnet build samples/ProductionReady.Sample -c Release -nologo -v:q >/dev/null
mkdir -p "$work/bare"
cat >"$work/bare/Bare.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
</Project>
XML
cat >"$work/bare/Program.cs" <<'CS'
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "ok");
app.Run();
CS
dotnet build "$work/bare" -c Release -o "$work/bare/out" -nologo -v:q >/dev/null
# Same log levels as the sample's appsettings.json: no per-request framework logging.
(cd "$work/bare/out" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$bare_port" \
  Logging__LogLevel__Microsoft.AspNetCore=Warning dotnet Bare.dll) >"$work/bare.log" 2>&1 &
bare_pid=$!
# From its output folder, so its appsettings.json (content root) is the one that applies.
(cd samples/ProductionReady.Sample/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  Sample__ApiKey="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" \
  dotnet ProductionReady.Sample.dll) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$app_port/health/ready" >/dev/null || { echo "health-wrk: the sample is not ready" >&2; cat "$work/app.log" >&2; exit 1; }

for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$bare_port/" >/dev/null 2>&1 && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$bare_port/" >/dev/null || { echo "health-wrk: the bare app does not answer" >&2; cat "$work/bare.log" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A total cpu_total req_total
targets=("bare $bare_port /" "sample $app_port /health/live" "sample $app_port /health/ready")
for target in "${targets[@]}"; do  # warm-up (JIT, tiered compilation, connection pool)
  read -r _ port path <<<"$target"
  wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port$path" >/dev/null
done
queries_before=$(grep -c 'execute <unnamed>: SELECT 1' "$work/pg.log" || true)
for round in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    read -r name port path <<<"$target"
    pid=$app_pid; [ "$name" = bare ] && pid=$bare_pid
    before=$(cpu_ticks "$pid")
    out=$(wrk -t1 -c"$connections" -d"${duration}s" "http://127.0.0.1:$port$path")
    after=$(cpu_ticks "$pid")
    if grep -q 'Non-2xx' <<<"$out"; then echo "health-wrk: $name $path answered non-2xx" >&2; exit 1; fi
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    total[$target]=$(awk -v a="${total[$target]:-0}" -v b="$rps" 'BEGIN {print a + b}')
    cpu_total[$target]=$(( ${cpu_total[$target]:-0} + after - before ))
    req_total[$target]=$(( ${req_total[$target]:-0} + requests ))
    printf 'round %d  %-22s %10.0f req/s %8.1f us CPU/request\n' "$round" "$name $path" "$rps" \
      "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {print t * 1e6 / hz / n}')"
  done
done
queries_after=$(grep -c 'execute <unnamed>: SELECT 1' "$work/pg.log" || true)

hz=$(getconf CLK_TCK)
per_request() { awk -v t="${cpu_total[$1]}" -v n="${req_total[$1]}" -v hz="$hz" 'BEGIN {print t * 1e6 / hz / n}'; }
base=$(awk -v t="${total[${targets[0]}]}" -v r="$rounds" 'BEGIN {print t / r}')
base_cpu=$(per_request "${targets[0]}")
echo
printf '%-22s %10s %10s %14s %18s\n' endpoint 'req/s' 'vs bare /' 'us CPU/req' 'bare CPU / this'
for target in "${targets[@]}"; do
  read -r name _ path <<<"$target"
  avg=$(awk -v t="${total[$target]}" -v r="$rounds" 'BEGIN {print t / r}')
  cpu=$(per_request "$target")
  printf '%-22s %10.0f %9.1f%% %14.1f %17.1f%%\n' "$name $path" "$avg" \
    "$(awk -v a="$avg" -v b="$base" 'BEGIN {print 100 * a / b}')" "$cpu" "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN {print 100 * b / a}')"
done
echo "Server log sizes (per-request logging would show here): sample $(wc -c <"$work/app.log") bytes, bare $(wc -c <"$work/bare.log") bytes."
echo "PostgreSQL saw $((queries_after - queries_before)) readiness queries during the measured runs ($rounds x ${duration}s of /health/ready)."
