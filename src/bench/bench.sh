#!/usr/bin/env bash
# The benchmark harness of docs/performance.md: installs wrk and PostgreSQL when they are
# missing (as root, with apt-get), then runs ./mvnw -Pbench verify, which builds the app jar,
# generates the corpora and prints the table; results in target/bench/results.{json,csv}.
# Options pass through to Maven, e.g.:  src/bench/bench.sh -Dbench.sizes=10000
#                                       src/bench/bench.sh -Dbench.sizes=10000,100000,1000000
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need[@]}"
  else
    echo "Missing: ${need[*]}; install with: sudo apt-get install ${need[*]}" >&2
    echo "Without them the harness skips the HTTP runs (wrk) or the PostgreSQL peer." >&2
  fi
fi

exec ./mvnw -B -ntp -Pbench verify "$@"
