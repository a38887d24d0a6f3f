# Sourced by the wrk benchmark scripts: alternating wrk rounds against several local apps, with the server
# process's CPU time per request (from /proc), which other load on the machine disturbs far less than req/s.
# Before calling run_wrk_rounds, the script sets: tag (its name, for messages), targets=("name port" ...),
# pid_of[name] (see server_pid), rounds, duration (seconds), connections.
# Afterwards: total[name] (sum of req/s over rounds), cpu_total[name] (ticks), req_total[name]; per_request NAME.

declare -A pid_of total cpu_total req_total
hz=$(getconf CLK_TCK)

server_pid() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
per_request() { awk -v t="${cpu_total[$1]}" -v n="${req_total[$1]}" -v hz="$hz" 'BEGIN {print t * 1e6 / hz / n}'; }

run_wrk_rounds() {
  local target name port pid before after out rps requests round
  for target in "${targets[@]}"; do  # warm-up (JIT, tiered compilation, connection pool)
    read -r _ port <<<"$target"
    wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port/" >/dev/null
  done
  for round in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
      read -r name port <<<"$target"
      pid=${pid_of[$name]}
      before=$(cpu_ticks "$pid")
      out=$(wrk -t1 -c"$connections" -d"${duration}s" "http://127.0.0.1:$port/")
      after=$(cpu_ticks "$pid")
      if grep -q 'Non-2xx' <<<"$out"; then echo "$tag: $name answered non-2xx" >&2; exit 1; fi
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      requests=$(awk '/requests in/ {print $1}' <<<"$out")
      total[$name]=$(awk -v a="${total[$name]:-0}" -v b="$rps" 'BEGIN {print a + b}')
      cpu_total[$name]=$(( ${cpu_total[$name]:-0} + after - before ))
      req_total[$name]=$(( ${req_total[$name]:-0} + requests ))
      printf 'round %d  %-8s %10.0f req/s %8.1f us CPU/request\n' "$round" "$name" "$rps" \
        "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN {print t * 1e6 / hz / n}')"
    done
  done
}
