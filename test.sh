#!/usr/bin/env bash
# Runs every test: unit tests of all modules, the bnd resolve check of the distribution, and the in-framework
# tests (Pax Exam on real Felix, fully offline at test time). Needs Java 17+ and Maven 3.8; everything else
# (Maven artifacts, test data) is fetched by this script or the build from Maven Central / Debian.
# Slow checks are behind flags: RADDIAG_SLOW=1 ./test.sh also runs the full-size and soak tests.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
args=(-B -ntp install)
if [[ "${RADDIAG_SLOW:-0}" == "1" ]]; then
  args+=(-Draddiag.slow=true)
fi
exec mvn "${args[@]}" "$@"
