#!/usr/bin/env bash
# Runs every test: unit tests of all modules, the bnd resolve check of the distribution, and the in-framework
# tests (Pax Exam on real Felix, fully offline at test time). Needs Java 17+ and Maven 3.8; everything else
# (Maven artifacts, test data) is fetched by this script or the build from Maven Central / Debian.
# Slow checks are behind flags: RADDIAG_SLOW=1 ./test.sh also runs the full-size and soak tests.
# The Karaf itests (itests-karaf) run by default; RADDIAG_KARAF=0 ./test.sh skips them.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
args=(-B -ntp install)
if [[ "${RADDIAG_SLOW:-0}" == "1" ]]; then
  args+=(-Draddiag.slow=true)
fi
# RADDIAG_KARAF=0 skips the Karaf itests (itests-karaf, about 1.5 minutes).
if [[ "${RADDIAG_KARAF:-1}" == "0" ]]; then
  args+=(-Dkaraf.itests=false)
fi
# Guard: no test may write to the user's RadDiag home (the parent pom gives every test JVM a home under target/).
user_home=${RADDIAG_HOME:-${XDG_DATA_HOME:+$XDG_DATA_HOME/raddiag}}
user_home=${user_home:-$HOME/.raddiag}
existed=0; [[ -e "$user_home" ]] && existed=1
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT
status=0
mvn "${args[@]}" "$@" || status=$?
if [[ $existed == 0 && -e "$user_home" ]] || { [[ -e "$user_home" ]] && [[ -n "$(find "$user_home" -newer "$marker" -print -quit)" ]]; }; then
  echo "test.sh: FAILED: the test run created or changed the user's RadDiag home $user_home" >&2
  status=1
fi
exit $status
