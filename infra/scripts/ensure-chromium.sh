#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright cannot download browsers here), and
# label PDFs need a font with Vietnamese glyphs (DejaVu Sans). Installs them when missing
# and we are root on Debian; otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
if [ -x "$CHROMIUM" ] && [ -f "$FONT" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium and DejaVu fonts for the tests (apt-get install)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "Install Debian's 'chromium' and 'fonts-dejavu-core' packages (or set CHROMIUM_PATH)." >&2
exit 1
