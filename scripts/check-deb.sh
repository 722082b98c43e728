#!/usr/bin/env bash
# Checks the Debian package that `tauri build --bundles deb` wrote: the app, its menu entry, the
# icons from assets/icons/ and the WebKitGTK dependency are in it.
# Usage: scripts/check-deb.sh [path/to/Resonance_<version>_amd64.deb]
#        (default: the newest under target/debug/bundle/deb or target/release/bundle/deb)
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls -t target/debug/bundle/deb/*.deb target/release/bundle/deb/*.deb 2>/dev/null | head -n 1 || true)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "no .deb found: build one with 'ui/node_modules/.bin/tauri build --debug --bundles deb'"; exit 1; }

contents=$(dpkg-deb -c "$deb")
info=$(dpkg-deb -I "$deb")
fail=0
need() {
  if grep -qE "$1" <<<"$2"; then echo "ok - $3"; else echo "not ok - $3"; fail=1; fi
}
need ' \./usr/bin/resonance-app$|usr/bin/resonance-app$' "$contents" "the app is usr/bin/resonance-app"
need 'usr/share/applications/Resonance\.desktop$' "$contents" "a menu entry (Resonance.desktop)"
for size in 32x32 64x64 128x128 512x512; do
  need "usr/share/icons/hicolor/$size/apps/resonance-app\.png$" "$contents" "a $size icon"
done
need '^ *Package: resonance$' "$info" "package name resonance"
need '^ *Depends:.*libwebkit2gtk-4\.1-0' "$info" "depends on WebKitGTK 4.1"

desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/Resonance.desktop 2>/dev/null ||
  dpkg-deb --fsys-tarfile "$deb" | tar -xO usr/share/applications/Resonance.desktop)
need '^Exec=resonance-app' "$desktop" "the menu entry starts resonance-app"
need '^Icon=resonance-app$' "$desktop" "the menu entry names the installed icon"

echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
exit $fail
