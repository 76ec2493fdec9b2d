# Shared by tools/bench-model.sh and tools/bench-train.sh (sourced): the runtime, the anchors, the allocator and
# the instruction set. BENCH_AVX2=1 limits libtorch and oneDNN to AVX2 (ATEN_CPU_CAPABILITY=avx2,
# ONEDNN_MAX_CPU_ISA=AVX2) for the anchors and the platform alike, to emulate an AVX2-only machine on an AVX-512
# one; ONNX Runtime has no such switch (its kernels pick the instruction set themselves).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dist=distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT
[[ -x $dist/bin/raddiag ]] || mvn -B -ntp -q install -DskipTests
anchors=${RADDIAG_ANCHORS:-$(cd .. && pwd)/shared/tools/anchors}
if [[ ! -f $anchors/anchor_resnet50.py ]]; then
  echo "bench: the performance anchors are not in $anchors (set RADDIAG_ANCHORS)" >&2
  exit 2
fi
if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-torchvision \
    libopenblas0-pthread libjemalloc2 >/dev/null
fi
jemalloc=$(ls /usr/lib/*/libjemalloc.so.2 2>/dev/null | head -1 || true)
# bin/raddiag's own jemalloc settings, read from it so that both sides always run alike: its training ones for
# bench-train (the sourcing script sets bench_alloc=train), its base ones otherwise; MALLOC_CONF, when set, wins
# for both sides, as it does in bin/raddiag
malloc_conf=$(sed -n 's/^alloc_base="\(.*\)"$/\1/p' "$dist/bin/raddiag")
if [[ ${bench_alloc:-base} == train ]]; then
  malloc_conf=$malloc_conf$(sed -n 's/^alloc_train="\$alloc_base\(.*\)"$/\1/p' "$dist/bin/raddiag")
fi
malloc_conf=${MALLOC_CONF:-$malloc_conf}
export RADDIAG_HOME=${RADDIAG_HOME:-$(mktemp -d)}
if [[ ${BENCH_AVX2:-0} == 1 ]]; then
  export ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2
fi
isa=$(grep -q avx512f /proc/cpuinfo && echo "AVX-512" || echo "AVX2 only")
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $isa$( \
  [[ ${BENCH_AVX2:-0} == 1 ]] && echo ', limited to AVX2 (BENCH_AVX2=1)'); allocator: ${jemalloc:-glibc}${jemalloc:+ ($malloc_conf)}"
# the same allocator for the anchors as bin/raddiag uses
anchor() {
  if [[ -n $jemalloc ]]; then
    LD_PRELOAD=$jemalloc MALLOC_CONF=$malloc_conf /usr/bin/python3 "$@"
  else
    /usr/bin/python3 "$@"
  fi
}
# the ISA oneDNN really uses in the platform (verifies BENCH_AVX2)
onednn_isa() {
  ONEDNN_VERBOSE=1 "$dist/bin/raddiag" bench-train --size demo --steps 1 --warmup 0 2>&1 | grep -m1 'info,cpu,isa' \
    | sed 's/.*isa://' || true
}
