#!/usr/bin/env bash
# The one test command (README: "Run every test"). On a fresh machine it installs what the tests
# need (PostgreSQL 15, Chromium, Redis, via apt-get when root), builds the solution warning-free and
# runs every test project. Tests that need PostgreSQL or Chromium fail loudly without them; none
# is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
configuration=${CONFIGURATION:-Release}

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# The remote-caller tests make a network namespace of their own (ip netns, veth) and call in with curl.
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v curl >/dev/null 2>&1 || need+=(curl)
# The metrics tests scrape the sample with a real Prometheus server.
[ -x /usr/bin/prometheus ] || need+=(prometheus)
# The cluster-wide rate-limit tests start throwaway Redis servers on loopback ports.
[ -x /usr/bin/redis-server ] || need+=(redis-server)
# The Native AOT test publishes a natively compiled app: the ILCompiler links with clang and lld (and zlib).
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v ld.lld >/dev/null 2>&1 || need+=(lld)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "run-all: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-liberation >/dev/null
  else
    echo "run-all: missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    exit 1
  fi
fi
# Debian's postgresql package starts a cluster of its own; the tests start throwaway clusters instead.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster 15 main stop >/dev/null 2>&1 || true
fi
# The same for Debian's redis-server service.
if command -v service >/dev/null 2>&1 && [ -x /etc/init.d/redis-server ]; then
  service redis-server stop >/dev/null 2>&1 || true
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build ProductionReady.sln -c "$configuration" -warnaserror -nologo -v:minimal

# The README's release command, exactly: every package at its release version (NU5104 and package
# validation fail it). A failure fails the run.
rm -rf artifacts/packages
if ! dotnet pack ProductionReady.sln -c Release -o artifacts/packages; then
  echo "run-all: the README's pack command failed" >&2
  exit 1
fi

results="$root_dir/artifacts/test-results"
rm -rf "$results"
status=0
# The hang timeout leaves room for the Native AOT publish (2-8 minutes, longer on a loaded machine) before the first test of its collection.
for project in tests/ProductionReady.Tests tests/ProductionReady.Analyzers.Tests tests/ProductionReady.IntegrationTests; do
  name=$(basename "$project")
  echo "run-all: $name"
  dotnet test "$project" -c "$configuration" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --blame-hang-timeout 25m || status=1
done

# One closing line for the whole run, summed over every project's TRX report.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$passed" -eq 0 ]; then
  echo "run-all: no test ran" >&2
  status=1
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
