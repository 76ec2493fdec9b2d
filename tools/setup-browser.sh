#!/bin/sh
# Installs what the browser end-to-end test needs: Debian's chromium and playwright-core (npm, into
# $RADDIAG_BROWSER_DIR, default ~/.cache/raddiag-browser; no browser download). Idempotent; exits non-zero when something cannot be installed,
# and the test then skips with this script's output as the reason.
set -e
here=$(cd "$(dirname "$0")" && pwd -P)
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null; }) \
      || { echo "cannot install chromium with apt-get"; exit 3; }
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n apt-get install -y -q chromium >/dev/null || { echo "cannot install chromium with sudo apt-get"; exit 3; }
  else
    echo "chromium is missing and this user cannot apt-get install it"; exit 3
  fi
fi
command -v node >/dev/null || { echo "node is missing (apt-get install nodejs npm)"; exit 4; }
dir="${RADDIAG_BROWSER_DIR:-$HOME/.cache/raddiag-browser}"
mkdir -p "$dir"
if [ ! -d "$dir/node_modules/playwright-core" ]; then
  command -v npm >/dev/null || { echo "npm is missing (apt-get install npm)"; exit 4; }
  (cd "$dir" && [ -f package.json ] || echo '{"name":"raddiag-browser-tests","private":true}' > "$dir/package.json")
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent playwright-core@1 >/dev/null) \
    || { echo "cannot install playwright-core from npm"; exit 5; }
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); playwright-core in $dir/node_modules"
