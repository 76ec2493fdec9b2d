#!/usr/bin/env bash
# Training benchmark (issue "Performance"): one training step (forward, loss, backward, clipping, AdamW) at the demo
# size (ResNet-18, 512 slices of 32x32) and at the full size (ResNet-50, 32 slices of 256x256, 5,569 labels, and
# 4 scans for the memory check), each in a fresh JVM, against the same-run anchors (tools/anchors/anchor_train.py:
# torchvision trunk + MLP head + AdamW in Debian's python3-torch). Prints ratios (anchor time / ours: > 1 = faster).
# Usage: tools/bench-train.sh [STEPS]         BENCH_AVX2=1 tools/bench-train.sh: emulate an AVX2-only machine
bench_alloc=train
source "$(dirname "$0")/bench-common.sh"
steps=${1:-5}
threads=$(nproc)
[[ ${BENCH_AVX2:-0} == 1 ]] && echo "== oneDNN in the platform uses: $(onednn_isa)"
printf '%-14s %10s %10s %8s %12s %12s\n' size "ours s" "anchor s" ratio "ours RSS" "anchor RSS"
for size in demo full full4; do
  if [[ $size == full4 ]]; then
    ours=$("$dist/bin/raddiag" bench-train --size full --scans 4 --steps 2 --warmup 1 --json)
    printf '%-14s %10s %10s %8s %12s %12s\n' "full 4 scans" \
      "$(/usr/bin/python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["stepSecondsMedian"])' <<<"$ours")" \
      "-" "-" "$(/usr/bin/python3 -c 'import json,sys; print("%.2f GB" % (json.load(sys.stdin)["peakRssMiBSteps"] / 1024))' <<<"$ours")" "(24 GB)"
    continue
  fi
  warm=2; [[ $size == full ]] && warm=1
  a=$(anchor "$anchors/anchor_train.py" "$size" "$threads" "$steps" | tail -1)
  ours=$("$dist/bin/raddiag" bench-train --size "$size" --steps "$steps" --warmup "$warm" --json)
  JSON=$ours /usr/bin/python3 - "$size" "$a" <<'PY'
import json, os, re, sys
size, anchor = sys.argv[1], sys.argv[2]
r = json.loads(os.environ["JSON"])
a_s = float(re.search(r"median step ([0-9.]+) s", anchor).group(1))
a_rss = float(re.search(r"peak RSS ([0-9]+) MiB", anchor).group(1)) / 1024
ours = r["stepSecondsMedian"]
print(f"{size:14s} {ours:10.3f} {a_s:10.3f} {a_s / ours:7.2f}x {r['peakRssMiBSteps'] / 1024:9.2f} GB {a_rss:9.2f} GB")
PY
done
