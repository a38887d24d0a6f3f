#!/usr/bin/env bash
# PRD001+PRD002 against SonarAnalyzer's S2068 on large real code, two analyzer builds alternated per code base.
#   real-code-cost.sh OUT_DIR ROUND BEFORE_DLL AFTER_DLL DIR [DIR...]
# BEFORE_DLL "-" measures AFTER_DLL alone; RUNS (default 1) runs per code base and build, the median reported.
# Runs a copy of ../shared/tools/analyzers-on-real-code with harness-sonarlint.patch applied: it adds the
# SonarLint.xml (and the analysis config it needs) through which SonarQube/SonarLint activate hotspot rules.
# Without it S2068 only looks at appsettings files and reports nothing in C# (checked on a two-line probe).
set -euo pipefail
out=$1; round=$2; before=$3; after=$4; shift 4
here=$(dirname "$(readlink -f "$0")")
harness=${ANALYZERS_REAL_HARNESS:-/work/shared/tools/analyzers-on-real-code}
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$harness"/. "$copy"
patch -s -d "$copy" -p1 < "$here/harness-sonarlint.patch"
mkdir -p "$out"
for dir in "$@"; do
  name=$(basename "$dir")
  variants=("after:$after")
  [ "$before" = "-" ] || variants+=("before:$before")
  for variant in "${variants[@]}"; do
    label=${variant%%:*}
    ANALYZERS_REAL_BUILD="$copy/build" SONARLINT_RULES=S2068 "$copy/run.sh" --analyzer-dll "${variant#*:}" \
      --analyzer-package SonarAnalyzer.CSharp@9.32.0.97167 --rules PRD001,PRD002,PRD009,S2068 \
      --runs "${RUNS:-1}" --show 300 --exclude '/Migrations/' "$dir" > "$out/$label$round-$name.txt" 2>&1
  done
done
# One line per run: code base, variant, parse+bind, PRD001+PRD002 (with PRD009, same analyzer), S2068.
for f in "$out"/*"$round"-*.txt; do
  awk -v f="$(basename "$f" .txt)" '
    /compile_ms \(parse/ { c = $8 }
    /HardcodedCredentialAnalyzer/ { h = $1 } /ConfigurationFileCredentialAnalyzer/ { j = $1 } /DoNotHardcodeCredentials/ { s = $1 }
    END { if (c) printf "%-22s compile %7d ms  PRD %7.1f ms (%.2f %%)  S2068 %7.1f ms  PRD/S2068 %.2f\n", f, c, h + j, 100 * (h + j) / c, s, (s ? (h + j) / s : 0) }' "$f"
done
