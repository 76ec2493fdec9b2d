#!/usr/bin/env bash
# Benchmark of batch diagnosis on Spark (issue 15), not a test: cases/s of one JVM diagnosing case after case against
# the Spark job on local[1] and local[2], same archive and model (demo-small, random weights), and Spark's overhead
# per case. Usage: tools/bench-spark.sh [CASES] [BACKEND] [SIZE] [SLICES]   (defaults 200 onnxruntime 64 16)
# CASES_PER_PARTITION (4) sets the job's --cases-per-partition. Extra Maven options (e.g. -Dmaven.repo.local=...) go in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -ntp -q ${MAVEN_ARGS:-} install -DskipTests -pl spark -am
# shellcheck disable=SC2086
mvn -B -ntp ${MAVEN_ARGS:-} test -pl spark -Dtest=SparkThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Draddiag.slow=true -Draddiag.bench.cases="${1:-200}" -Draddiag.bench.backend="${2:-onnxruntime}" \
  -Draddiag.bench.size="${3:-64}" -Draddiag.bench.slices="${4:-16}" -Draddiag.bench.perPartition="${CASES_PER_PARTITION:-4}" | grep '^BENCH'
