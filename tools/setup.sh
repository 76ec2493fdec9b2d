#!/bin/sh
# Build prerequisites that Maven Central does not have, idempotent and quiet, safe to run before every build:
# PixelMed from Debian (libpixelmed-java, libpixelmed-imageio-java) installed into the local Maven repository by
# tools/pixelmed/install-pixelmed.sh. Skips all work when both artifacts are already there.
# Usage: tools/setup.sh [extra mvn args, e.g. -Dmaven.repo.local=...]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
for arg in "$@"; do
  case $arg in -Dmaven.repo.local=*) REPO=${arg#-Dmaven.repo.local=} ;; esac
done
# jemalloc for the engines' native memory: bin/raddiag preloads it when present (2-3x faster PyTorch inference and
# training, see the launcher). Debian package libjemalloc2; installed here when missing and this runs as root.
if ! ls /usr/lib/*/libjemalloc.so.2 /usr/lib64/libjemalloc.so.2 >/dev/null 2>&1 && [ "$(id -u)" = 0 ] \
    && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y -qq libjemalloc2 || { apt-get update -qq && apt-get install -y -qq libjemalloc2; }; } >/dev/null 2>&1 \
    || echo "tools/setup.sh: could not install libjemalloc2; the engines run on the C library's malloc (slower)" >&2
fi
have() { [ -f "$REPO/com/pixelmed/$1/$2/$1-$2.jar" ] && [ -f "$REPO/com/pixelmed/$1/$2/$1-$2.pom" ]; }
if have pixelmed 20220618 && have pixelmed-imageio 20200328; then
  exit 0
fi
if [ "$(id -u)" != 0 ] && { [ ! -f /usr/share/java/pixelmed-20220618.jar ] || [ ! -f /usr/share/java/pixelmed_imageio-20200328.jar ]; }; then
  echo "tools/setup.sh: PixelMed is not installed; run once as root: apt-get install libpixelmed-java libpixelmed-imageio-java" >&2
  exit 1
fi
LOG=$(mktemp); trap 'rm -f "$LOG"' EXIT
if ! sh "$HERE/pixelmed/install-pixelmed.sh" "$@" >"$LOG" 2>&1; then
  cat "$LOG" >&2
  echo "tools/setup.sh: installing PixelMed into $REPO failed" >&2
  exit 1
fi
