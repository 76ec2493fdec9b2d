#!/usr/bin/env bash
# Benchmark of the input path (issue "Case input"): a 300-slice 512x512 CT series written by dcmtk (an independent
# DICOM writer), the same series JPEG-lossless compressed by dcmtk, and a NIfTI .nii.gz of it written by dcm2niix,
# each read and turned into model input by the runtime's `bench-io` command.
# Usage: tools/bench-io.sh [SLICES] [REPEAT]     (needs root for apt-get the first time; data in target/bench-io)
set -euo pipefail
cd "$(dirname "$0")/.."
slices=${1:-300}
repeat=${2:-3}
dist=distribution/target/raddiag-0.1.0-SNAPSHOT/raddiag-0.1.0-SNAPSHOT
work=target/bench-io
if ! command -v dump2dcm >/dev/null || ! command -v dcm2niix >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dcmtk dcm2niix >/dev/null
fi
[[ -x $dist/bin/raddiag ]] || mvn -B -ntp -q install -DskipTests
if [[ ! -f $work/.complete-$slices ]]; then
  rm -rf "$work" && mkdir -p "$work/raw" "$work/ct" "$work/ct-jpegls" "$work/nifti"
  python3 tools/bench_ct_series.py "$work/raw" "$slices"
  for d in "$work"/raw/*.dump; do
    n=$(basename "$d" .dump)
    dump2dcm --write-xfer-little "$d" "$work/ct/$n.dcm"
    dcmcjpeg +e1 "$work/ct/$n.dcm" "$work/ct-jpegls/$n.dcm"
  done
  dcm2niix -z y -f ct -o "$work/nifti" "$work/ct" >/dev/null
  touch "$work/.complete-$slices"
fi
echo "== $(nproc) CPUs; data: $slices slices of 512x512 int16"
du -sh "$work/ct" "$work/ct-jpegls" "$work/nifti"
"$dist/bin/raddiag" bench-io "$work/ct" "$work/ct-jpegls" "$work"/nifti/ct.nii.gz --repeat "$repeat" "${@:3}"
# Anchors from independent tools, same machine, same run (decode only, no resampling):
echo "== anchors"
anchor() { local label=$1 t0 t1; shift; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N)
  python3 -c "print('%-58s %6.0f ms' % ('$label', ($t1-$t0)*1000))"; }
rm -rf "$work/anchor" && mkdir -p "$work/anchor/djpeg" "$work/anchor/niix"
anchor "dcmtk dcmdjpeg, JPEG lossless -> raw (one process per file)" \
  bash -c "for f in $work/ct-jpegls/*.dcm; do dcmdjpeg \$f $work/anchor/djpeg/\$(basename \$f); done"
anchor "dcm2niix, uncompressed series -> .nii" dcm2niix -z n -f ct -o "$work/anchor/niix" "$work/ct"
anchor "gzip -dc ct.nii.gz > ct.nii" bash -c "gzip -dc $work/nifti/ct.nii.gz > $work/anchor/ct.nii"
