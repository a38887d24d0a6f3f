#!/usr/bin/env bash
# Throughput of GET / with one request event per request, stdout going into a real pipe, in the same run:
#   bare    a bare app: app.MapGet("/", ...) and nothing else (no per-request logging)
#   sample  the sample (Release, Production, everything on: CLEF request event, request id, security headers,
#           forwarded headers, metrics, rate limits, CORS)
#   lean    the same sample with metrics and rate limits off: what the hand-assembled stack also does
#   serilog the sample with a Serilog section (the same levels written as Serilog:MinimumLevel): the request event
#           then goes Serilog's way (a LogEvent) instead of being written directly (RequestEventWriter)
#   manual  the stack teams assemble by hand: Serilog.AspNetCore 10.0.0 (UseSerilogRequestLogging) with a
#           CompactJsonFormatter console sink, and NetEscapades.AspNetCore.SecurityHeaders 1.3.1
# All five answer the same JSON body; each one's stdout is piped into `cat > file` (a real pipe, a normal
# reader). wrk runs in rounds, alternating the apps; besides requests/s it reports the server's CPU time
# per request (utime+stime from /proc): on a shared machine throughput swings with other load, CPU per
# request much less. At the end it counts the request events each app wrote.
# Usage: bash tests/benchmarks/logging-wrk.sh [seconds-per-run=5] [rounds=6] [connections=32]
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5}; rounds=${2:-6}; connections=${3:-32}
command -v wrk >/dev/null || { echo "logging-wrk: wrk is missing (apt-get install wrk)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/logging-wrk.XXXXXX)
sample_port=$(free_port); bare_port=$(free_port); manual_port=$(free_port); lean_port=$(free_port); serilog_port=$(free_port)
pids=()
declare -A pid_of
cleanup() {
  for pid in "${pid_of[@]}" "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build samples/ProductionReady.Sample -c Release -nologo -v:q >/dev/null
body='app.MapGet("/", () => Results.Ok(new { service = "ProductionReady.Sample", status = "running" }));'

mkdir -p "$work/bare" "$work/manual"
cat >"$work/bare/Bare.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
</Project>
XML
cat >"$work/bare/Program.cs" <<CS
var app = WebApplication.CreateBuilder(args).Build();
$body
app.Run();
CS

cat >"$work/manual/Manual.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Serilog.AspNetCore" Version="10.0.0" />
    <PackageReference Include="Serilog.Formatting.Compact" Version="3.0.0" />
    <PackageReference Include="NetEscapades.AspNetCore.SecurityHeaders" Version="1.3.1" />
  </ItemGroup>
</Project>
XML
cat >"$work/manual/Program.cs" <<CS
using Serilog;
using Serilog.Formatting.Compact;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog(lc => lc.ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext().WriteTo.Console(new CompactJsonFormatter()));
var app = builder.Build();
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
$body
app.Run();
CS
# Outside the repository: its Directory.Build.props and Directory.Packages.props must not apply.
for project in bare manual; do
  echo '<Project />' >"$work/$project/Directory.Build.props"
  echo '<Project />' >"$work/$project/Directory.Packages.props"
  dotnet build "$work/$project" -c Release -o "$work/$project/out" -nologo -v:q >/dev/null
done

# Same log levels everywhere (the sample's appsettings.json), each app told them where it reads them: Logging:LogLevel
# for the bare app and ours, Serilog:MinimumLevel for the hand-made stack (ReadFrom.Configuration): no per-request
# framework logging. (Until this round every app got both; a Serilog section puts a logger of the app's in our
# pipeline, so the sample was measured Serilog's way; the serilog row keeps that case in the run.)
levels=(Logging__LogLevel__Default=Information Logging__LogLevel__Microsoft.AspNetCore=Warning)
serilog_levels=(Serilog__MinimumLevel__Default=Information Serilog__MinimumLevel__Override__Microsoft.AspNetCore=Warning)
start() { # name dir dll port [VAR=value ...]
  (cd "$2" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$4" "${levels[@]}" "${@:5}" \
    Sample__ApiKey="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" dotnet "$3" | cat >"$work/$1.log") &
  pids+=($!)
}
start bare "$work/bare/out" Bare.dll "$bare_port"
start manual "$work/manual/out" Manual.dll "$manual_port" "${serilog_levels[@]}"
start sample samples/ProductionReady.Sample/bin/Release/net10.0 ProductionReady.Sample.dll "$sample_port"
# The same sample with what the hand-assembled stack has no counterpart for switched off (metrics, rate limits):
# request event, request id, security headers, probes, forwarded headers, like for like.
start lean samples/ProductionReady.Sample/bin/Release/net10.0 ProductionReady.Sample.dll "$lean_port" \
  ProductionReady__Metrics__Enabled=false ProductionReady__RateLimits__Enabled=false
start serilog samples/ProductionReady.Sample/bin/Release/net10.0 ProductionReady.Sample.dll "$serilog_port" "${serilog_levels[@]}"
for port in "$bare_port" "$manual_port" "$sample_port" "$lean_port" "$serilog_port"; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/" >/dev/null || { echo "logging-wrk: the app on port $port does not answer" >&2; cat "$work"/*.log >&2; exit 1; }
done
source "$(dirname "$0")/wrk-rounds.sh"
tag=logging-wrk
pid_of[bare]=$(server_pid "$bare_port"); pid_of[manual]=$(server_pid "$manual_port"); pid_of[sample]=$(server_pid "$sample_port"); pid_of[lean]=$(server_pid "$lean_port"); pid_of[serilog]=$(server_pid "$serilog_port")
targets=("bare $bare_port" "sample $sample_port" "lean $lean_port" "serilog $serilog_port" "manual $manual_port")
run_wrk_rounds

base=$(awk -v t="${total[bare]}" -v r="$rounds" 'BEGIN {print t / r}')
base_cpu=$(per_request bare)
echo
printf '%-8s %10s %10s %14s %18s\n' app 'req/s' 'vs bare' 'us CPU/req' 'bare CPU / this'
for name in bare sample lean serilog manual; do
  avg=$(awk -v t="${total[$name]}" -v r="$rounds" 'BEGIN {print t / r}')
  cpu=$(per_request "$name")
  printf '%-8s %10.0f %9.2f %14.1f %17.2f\n' "$name" "$avg" \
    "$(awk -v a="$avg" -v b="$base" 'BEGIN {print a / b}')" "$cpu" "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN {print b / a}')"
done
echo "Request events written: sample $(grep -c '"StatusCode"' "$work/sample.log" || true), lean $(grep -c '"StatusCode"' "$work/lean.log" || true), serilog $(grep -c '"StatusCode"' "$work/serilog.log" || true), manual $(grep -c '"StatusCode"' "$work/manual.log" || true) (bare logs none: $(wc -l <"$work/bare.log") lines)."
