#!/usr/bin/env bash
# Installs what Resonance needs on Debian/Ubuntu, only what is missing: WebKitGTK 4.1 and friends
# (Tauri's Linux prerequisites), Xvfb and WebKitWebDriver for the end-to-end tests, and the UI's
# npm packages (`npm ci`). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libsoup-3.0-dev
  build-essential pkg-config file
)
if [ "${RESONANCE_TEST_TOOLS:-0}" = 1 ]; then
  # Only for the tests: a virtual display, the WebDriver of WebKitGTK, screenshots (the X screen
  # as a fallback, and an emoji font: the demo's captions have emoji).
  packages+=(xvfb xauth webkit2gtk-driver imagemagick fonts-noto-color-emoji)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it from https://rustup.rs"; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20.19+ and npm are missing: install them from https://nodejs.org"; exit 1; }

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
