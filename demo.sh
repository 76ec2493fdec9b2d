#!/usr/bin/env bash
# The main job on its embedded default: builds the runtime if it is missing, then runs `bin/raddiag demo`.
# Extra arguments go to the demo command (see `bin/raddiag demo --help`).
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
dist=distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT
if [[ ! -x "$dist/bin/raddiag" ]]; then
  echo "== building the runtime (first run only; tests skipped: ./test.sh runs them)"
  mvn -B -ntp -q install -DskipTests
fi
exec "$dist/bin/raddiag" demo "$@"
