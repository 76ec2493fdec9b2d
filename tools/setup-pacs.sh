#!/bin/sh
# Installs what the PACS tests need from Debian: orthanc (the PACS) and orthanc-dicomweb, dcmtk (storescu, storescp, dsrdump),
# dicom3tools (dciodvfy) and prometheus (promtool). Idempotent: installs only what is missing, as root or with
# sudo -n. Exits non-zero when something cannot be installed; the tests then skip with this script's output as the
# reason.
set -e
missing=""
command -v Orthanc >/dev/null || missing="$missing orthanc"
# Orthanc's DICOMweb plugin: the STOW-RS destination and the DICOMweb client of the itests
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing="$missing orthanc-dicomweb"
command -v dsrdump >/dev/null && command -v storescp >/dev/null || missing="$missing dcmtk"
command -v dciodvfy >/dev/null || missing="$missing dicom3tools"
command -v promtool >/dev/null || missing="$missing prometheus"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    run=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    run="sudo -n"
  else
    echo "missing Debian packages:$missing, and this user cannot apt-get install them"; exit 3
  fi
  # the orthanc package would start a system service on port 4242/8042: the tests start their own
  export DEBIAN_FRONTEND=noninteractive
  ($run apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 \
    || { $run apt-get update -q >/dev/null 2>&1 && $run apt-get install -y -q --no-install-recommends $missing >/dev/null; }) \
    || { echo "cannot install$missing with apt-get"; exit 3; }
fi
echo "$(Orthanc --version 2>/dev/null | head -1); dcmtk $(dsrdump --version 2>/dev/null | head -1 | sed 's/.*v\([0-9.]*\).*/\1/'); dciodvfy; $(promtool --version 2>&1 | head -1)"
