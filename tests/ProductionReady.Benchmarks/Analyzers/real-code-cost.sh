#!/usr/bin/env bash
# PRD001+PRD002 against SonarAnalyzer's S2068 on large real code, two analyzer builds alternated per code base.
#   real-code-cost.sh OUT_DIR ROUND BEFORE_DLL AFTER_DLL DIR [DIR...]
# BEFORE_DLL "-" measures AFTER_DLL alone; RUNS (default 1) runs per code base and build, the median reported.
# Runs ../shared/tools/analyzers-on-real-code with SONARLINT_RULES=S2068: the harness then writes the SonarLint.xml
# (and the analysis config it needs) through which SonarQube/SonarLint activate hotspot rules. Without it S2068
# only looks at appsettings files and reports nothing in C# (checked on a two-line probe). (Until 2026-12 the
# harness lacked this and a patch of ours added it; the harness has it now and the patch no longer applies.)
set -euo pipefail
out=$1; round=$2; before=$3; after=$4; shift 4
here=$(dirname "$(readlink -f "$0")")
harness=${ANALYZERS_REAL_HARNESS:-/work/shared/tools/analyzers-on-real-code}
mkdir -p "$out"
for dir in "$@"; do
  name=$(basename "$dir")
  variants=("after:$after")
  [ "$before" = "-" ] || variants+=("before:$before")
  for variant in "${variants[@]}"; do
    label=${variant%%:*}
    SONARLINT_RULES=S2068 "$harness/run.sh" --analyzer-dll "${variant#*:}" \
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
