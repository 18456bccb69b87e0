#!/usr/bin/env bash
# The browser tests use Debian's chromium (never a download). Install it when missing and root.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "Chromium is missing at $CHROMIUM. Install it with:  sudo apt-get install -y chromium" >&2
echo "(or set CHROMIUM_PATH to a Chromium binary). The browser tests cannot run without it." >&2
exit 1
