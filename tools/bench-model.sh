#!/usr/bin/env bash
# Inference benchmark (issue "Performance"): the full-size default architecture (random weights) on 1 and 4 scans of
# 32 slices at 256x256, each in a fresh JVM, on both backends, as `diagnose` runs it with no tuning, against the
# equal-work anchor measured in the same run: torchvision ResNet-50 over 32x3x256x256 in Debian's python3-torch
# (99.4 % of the model's FLOPs), plus the machine's sgemm peak. Prints ratios (anchor time / ours: > 1 = faster).
# Usage: tools/bench-model.sh [RUNS]          BENCH_AVX2=1 tools/bench-model.sh: emulate an AVX2-only machine
source "$(dirname "$0")/bench-common.sh"
runs=${1:-3}
threads=$(nproc)
"$dist/bin/raddiag" models 2>/dev/null | grep -q '^rp3d-random:' \
  || "$dist/bin/raddiag" init-model --arch reference-default --name rp3d-random --seed 1 >/dev/null
[[ ${BENCH_AVX2:-0} == 1 ]] && echo "== oneDNN in the platform uses: $(onednn_isa)"
a=$(anchor "$anchors/anchor_resnet50.py" "$threads" "$runs" | tail -1)
echo "== anchor: $a"
anchor_s=$(sed -n 's/.*median \([0-9.]*\) s.*/\1/p' <<<"$a")
sgemm=$(sed -n 's/.*sgemm 2048 median \([0-9]*\) GFLOP.*/\1/p' <<<"$a")
printf '%-12s %5s %12s %8s %9s %8s %10s %10s\n' backend scans "s per scan" ratio "GFLOP/s" "% sgemm" "peak RSS" "reference"
for backend in pytorch onnxruntime; do
  for scans in 1 4; do
    json=$("$dist/bin/raddiag" bench-model --model rp3d-random --backend "$backend" --scans "$scans" --repeat "$runs" --json)
    JSON=$json /usr/bin/python3 - "$backend" "$scans" "$anchor_s" "$sgemm" <<'PY'
import json, os, sys
backend, scans, anchor, sgemm = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
r = json.loads(os.environ["JSON"])["results"][0]
per_scan = r["scanMsMedian"] / 1000
ref = {1: 1.6, 4: 2.9}[scans] if scans in (1, 4) else float("nan")
print(f"{backend:12s} {scans:5d} {per_scan:12.3f} {anchor / per_scan:7.2f}x {r['gflopPerSecond']:9.0f} "
      f"{100 * r['gflopPerSecond'] / sgemm:7.0f}% {r['peakRssMiB'] / 1024:8.2f} GB {ref:7.1f} GB")
PY
  done
done
