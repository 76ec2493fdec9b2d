#!/bin/sh
# REST benchmark (not a test): starts `bin/raddiag serve` of the built distribution in a private copy with a
# demo-size model, and measures POST /api/v1/diagnoses (one RP3D demo X-ray .npy) at concurrency 1, 4 and 16,
# once per batching setting (batchMaxCases of PID org.raddiag.diagnosis; 1 = off), each on a fresh server.
# Usage: tools/bench-rest.sh [SECONDS_PER_LEVEL] [MAX_CONCURRENT_DIAGNOSES] [BATCH_MAX_CASES...]
#        (default: 20 4 1 8, i.e. batching off, then on; BATCH_WAIT_MS=5 sets batchMaxWaitMillis)
set -e
root=$(cd "$(dirname "$0")/.." && pwd -P)
secs=${1:-20}
slots=${2:-4}
[ $# -gt 2 ] && shift 2 && batches="$*"
batches=${batches:-1 8}
wait_ms=${BATCH_WAIT_MS:-5}
dist="$root/distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT"
[ -x "$dist/bin/raddiag" ] || { echo "build the distribution first (mvn install)"; exit 2; }
mkdir -p "$root/target"
work=$(mktemp -d "$root/target/bench-rest.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$dist" "$work/rt"
export JAVA_OPTS="$JAVA_OPTS -Draddiag.http.port=0"
export RADDIAG_HOME="$work/home"   # its own models, never the user's home
"$work/rt/bin/raddiag" init-model --arch demo-small --name bench >/dev/null 2>&1
printf 'maxConcurrentDiagnoses=%s\nqueueWaitMillis=120000\n' "$slots" > "$work/rt/deploy/org.raddiag.rest.cfg"
for batch in $batches; do
  printf 'batchMaxCases=%s\nbatchMaxWaitMillis=%s\n' "$batch" "$wait_ms" > "$work/rt/deploy/org.raddiag.diagnosis.cfg"
  : > "$work/serve.log"
  "$work/rt/bin/raddiag" serve > "$work/serve.log" 2>&1 &
  pid=$!
  url=
  for i in $(seq 1 120); do
    url=$(sed -n 's|^RadDiag serving at \(http://[^ ]*\)/ui/.*|\1|p' "$work/serve.log")
    [ -n "$url" ] && break
    sleep 1
  done
  [ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
  echo "server $url, $(nproc) CPU(s), maxConcurrentDiagnoses=$slots, batchMaxCases=$batch" \
    "batchMaxWaitMillis=$wait_ms, ${secs}s per level"
  java -Dbench.pid=$pid "$root/tools/BenchRest.java" "$url" "$work/rt/data/rp3d-demo/DemoData/data/149462.npy" "$secs" 1,4,16
  kill $pid; wait $pid 2>/dev/null || true
  pid=
done
