#!/usr/bin/env bash
# Benchmark of inference (issue "RadDiag model"): the full-size default architecture with random weights on 1 and 4
# scans of 32 slices at 256x256, on both backends, and the equal-work anchor measured in the same run: torchvision's
# ResNet-50 over 32x3x256x256 in Debian's python3-torch (installed here if missing; root).
# Usage: tools/bench-model.sh [REPEAT] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-2}
threads=${2:-2}
dist=distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT
[[ -x $dist/bin/raddiag ]] || mvn -B -ntp -q install -DskipTests
if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-torchvision >/dev/null
fi
export JAVA_OPTS="${JAVA_OPTS:-} -Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
export OMP_NUM_THREADS=$threads
"$dist/bin/raddiag" models 2>/dev/null | grep -q '^rp3d-random:' \
  || "$dist/bin/raddiag" init-model --arch reference-default --name rp3d-random --seed 1
echo "== anchor: torchvision ResNet-50, 32x3x256x256, $threads threads (Debian python3-torch)"
/usr/bin/python3 - "$threads" "$repeat" <<'PY'
import sys, time, resource, torch, torchvision
torch.set_num_threads(int(sys.argv[1]))
m = torchvision.models.resnet50().eval()
x = torch.rand(32, 3, 256, 256)
with torch.no_grad():
    m(x)
    for i in range(int(sys.argv[2])):
        t = time.time(); m(x); print("resnet50 32 slices: %.0f ms" % ((time.time() - t) * 1000))
print("peak RSS %.0f MiB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
PY
for backend in pytorch onnxruntime; do
  echo "== RadDiag full size on $backend, $threads threads"
  "$dist/bin/raddiag" bench-model --model rp3d-random --backend "$backend" --scans 1,4 --repeat "$repeat" 2>/dev/null
done
