#!/usr/bin/env bash
# Benchmark of start-up (issue "Performance"): the wall time of the one-shot commands that need no engine, against
# the target (1.5 s) and against the anchor, a JVM that starts and prints one line (same flags, same run); then how
# long after the JVM started every bundle is active, in a one-shot `status` and in the interactive shell (which also
# starts the HTTP server and the Gogo shell).
# Usage: tools/bench-startup.sh [REPEAT]     (medians of REPEAT runs, default 7; a fresh RadDiag home in /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-7}
dist=distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT
[[ -x $dist/bin/raddiag ]] || mvn -B -ntp -q install -DskipTests
RADDIAG_HOME=$(mktemp -d)
export RADDIAG_HOME
work=$(mktemp -d)
trap 'rm -rf "$RADDIAG_HOME" "$work"' EXIT
isa=$(grep -q avx512f /proc/cpuinfo && echo "AVX-512" || echo "AVX2 only")
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $isa;" \
  "load $(cut -d' ' -f1 /proc/loadavg); $(java -version 2>&1 | head -1)"
# median wall seconds of REPEAT runs of a command
median() {
  local times=() t0 t1
  for _ in $(seq "$repeat"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "bench-startup: failed: $*" >&2; exit 1; }
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1000}'
}
cat > "$work/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
EOF
javac -d "$work" "$work/Hello.java"
"$dist/bin/raddiag" models >/dev/null 2>&1 # first run: the OS caches the jars
anchor=$(median java -XX:TieredStopAtLevel=1 -cp "$work" Hello)
printf '%-34s %7s %9s %12s\n' "command" "s" "target" "over JVM"
printf '%-34s %7s %9s %12s\n' "anchor: JVM start, hello world" "$anchor" "" ""
for cmd in "models" "plugins" "models --help" "inspect --help" "diagnose --help" "commands" "--help"; do
  # shellcheck disable=SC2086
  t=$(median "$dist/bin/raddiag" $cmd)
  printf '%-34s %7s %8s %11s\n' "raddiag $cmd" "$t" \
    "$(awk -v t="$t" 'BEGIN {print (t <= 1.5 ? "ok" : "MISSED")}')" \
    "$(awk -v t="$t" -v a="$anchor" 'BEGIN {printf "+%.2f s", t - a}')"
done
# all bundles active: the launcher records the JVM's uptime when the final start level is reached
status_ms=$("$dist/bin/raddiag" status --json | sed -n 's/.*"startupMillis": \([0-9]*\).*/\1/p')
shell_ms=$({ sleep 8; echo "raddiag:status --json"; sleep 2; echo "stop 0"; } | "$dist/bin/raddiag" shell 2>/dev/null \
  | sed -n 's/.*"startupMillis": \([0-9]*\).*/\1/p' | head -1)
echo "all bundles active after: ${status_ms:-?} ms in \`status\` (without the HTTP and shell bundles), ${shell_ms:-?} ms" \
  "in the shell (every bundle); target 3000 ms"
