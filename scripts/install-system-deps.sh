#!/usr/bin/env bash
# System packages the tests and PDF/browser checks need: Debian's Chromium (Playwright cannot download
# its own browser here), CJK fonts so Chinese renders, and poppler-utils to inspect PDFs.
# Idempotent: skips apt when everything is already there.
set -euo pipefail

packages=(chromium fonts-noto-cjk poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
