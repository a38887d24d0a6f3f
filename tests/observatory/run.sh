#!/usr/bin/env bash
# The outside judge: the MDN HTTP Observatory (npm @mdn/mdn-http-observatory 1.4.8) scores the sample
# with the library's default headers, served at http://127.0.0.1:80 redirecting to
# https://127.0.0.1:443 with a throwaway test certificate. Needs root (ports 80/443), node >= 20, npm,
# openssl and the .NET SDK. Not part of run-all.sh: it binds fixed ports and installs an npm package.
#
#   bash tests/observatory/run.sh            # prints grade and score, exits 1 below A+
#
# Observatory itself is installed with --ignore-scripts into a work dir outside the repository
# (OBSERVATORY_WORK, default a temp dir), with the empty conf/hsts-preload.json it expects.
set -euo pipefail
cd "$(dirname "$0")/../.."
root_dir=$(pwd)
work=${OBSERVATORY_WORK:-$(mktemp -d /tmp/pr-observatory.XXXXXX)}
mkdir -p "$work"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

observatory="$work/node_modules/@mdn/mdn-http-observatory"
if [ ! -f "$observatory/src/scan.js" ]; then
  echo "observatory: installing @mdn/mdn-http-observatory 1.4.8 into $work"
  (cd "$work" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error @mdn/mdn-http-observatory@1.4.8 >/dev/null)
fi
[ -f "$observatory/conf/hsts-preload.json" ] || echo '{}' > "$observatory/conf/hsts-preload.json"

# A test CA and a server certificate for 127.0.0.1, trusted by the scanner only (NODE_EXTRA_CA_CERTS).
certs="$work/certs"
mkdir -p "$certs"
if [ ! -f "$certs/server.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ProductionReady Observatory test CA" \
    -keyout "$certs/ca.key" -out "$certs/ca.pem" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$certs/server.key" -out "$certs/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > "$certs/server.ext"
  openssl x509 -req -in "$certs/server.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca.key" -CAcreateserial -days 2 \
    -extfile "$certs/server.ext" -out "$certs/server.pem" 2>/dev/null
fi

dotnet build samples/ProductionReady.Sample -c Release -nologo -v:quiet >/dev/null
sample_log="$work/sample.log"
ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="http://127.0.0.1:80;https://127.0.0.1:443" \
ASPNETCORE_HTTPS_PORT=443 \
Kestrel__Certificates__Default__Path="$certs/server.pem" \
Kestrel__Certificates__Default__KeyPath="$certs/server.key" \
  dotnet "$root_dir/samples/ProductionReady.Sample/bin/Release/net10.0/ProductionReady.Sample.dll" >"$sample_log" 2>&1 &
sample_pid=$!
trap 'kill "$sample_pid" 2>/dev/null || true; wait "$sample_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  curl -fsS --cacert "$certs/ca.pem" -o /dev/null https://127.0.0.1:443/ 2>/dev/null && break
  kill -0 "$sample_pid" 2>/dev/null || { echo "observatory: the sample exited:" >&2; cat "$sample_log" >&2; exit 1; }
  sleep 0.2
done

echo "observatory: http://127.0.0.1/ answers:"
curl -sS -o /dev/null -D - http://127.0.0.1:80/ | tr -d '\r' | grep -iE '^(HTTP|location)' | sed 's/^/  /'
echo "observatory: https://127.0.0.1/ answers:"
curl -sS --cacert "$certs/ca.pem" -o /dev/null -D - https://127.0.0.1:443/ | tr -d '\r' | sed 's/^/  /'

result="$work/result.json"
(cd "$observatory" && NODE_EXTRA_CA_CERTS="$certs/ca.pem" node src/scan.js 127.0.0.1) > "$result"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (r.error) { console.error("observatory: scan failed: " + r.error); process.exit(1); }
for (const [name, t] of Object.entries(r.tests)) console.log(`  ${t.pass ? "pass" : "FAIL"} ${String(t.scoreModifier).padStart(4)} ${name}: ${t.result}`);
console.log(`Observatory: grade ${r.scan.grade}, score ${r.scan.score}/100, ${r.scan.testsPassed}/${r.scan.testsQuantity} tests passed (algorithm ${r.scan.algorithmVersion})`);
process.exit(r.scan.grade === "A+" ? 0 : 1);
' "$result"
