#!/bin/sh
# Makes the ONNX checker available for the export tests: Debian's python3-onnx (1.12, opset <= 17).
# Idempotent and quick when already installed; installs with apt-get only when running as root with apt available.
# Exit 0 when `/usr/bin/python3 -c "import onnx"` works afterwards, 1 otherwise (tests then skip with a message).
set -u
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -c "import onnx" 2>/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  # bounded: offline test runs must not hang on the network
  DEBIAN_FRONTEND=noninteractive timeout 100 apt-get install -y --no-install-recommends python3-onnx >/dev/null 2>&1 \
    || { timeout 60 apt-get update >/dev/null 2>&1 \
         && DEBIAN_FRONTEND=noninteractive timeout 100 apt-get install -y --no-install-recommends python3-onnx >/dev/null 2>&1; }
fi
[ -x "$PY" ] && "$PY" -c "import onnx" 2>/dev/null
