#!/usr/bin/env bash
# Screenshots of the alerts as people see them, to look at before changing a renderer (not part of CI):
#   - the Teams card in the Adaptive Cards renderer (npm adaptivecards) with Teams-like host configs, light and dark,
#     at a phone's 400 px and a desktop's 720 px, and with its Details expanded;
#   - the HTML email in Chromium at 900 and 400 px.
# Needs node/npm and Chromium (Debian: apt-get install chromium). Usage: bench/render-screenshots.sh [OUT_DIR] [INPUT...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
shift || true
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(samples)
page=bench/screenshots
mkdir -p "$out"
out=$(cd "$out" && pwd)

[ -d "$page/node_modules/adaptivecards" ] || (cd "$page" && npm install --no-save --no-audit --no-fund adaptivecards@3.0.6 >/dev/null)

rm -rf "$out/cards" "$out/emails"
./firewatch render --as teams --out "$out/cards" "${inputs[@]}" 2>/dev/null || true
./firewatch render --as email-html --out "$out/emails" "${inputs[@]}" 2>/dev/null || true

shot() {  # URL WIDTH HEIGHT PNG
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --allow-file-access-from-files \
    --window-size="$2,$3" --screenshot="$4" "$1" >/dev/null 2>&1
  rm -rf "$profile"
}

for card in "$out"/cards/*.json; do
  name=$(basename "$card" .json)
  { printf 'window.CARD = '; cat "$card"; printf ';\n'; } >"$page/card-data.js"
  for theme in light dark; do
    shot "file://$PWD/$page/card.html?theme=$theme" 400 1100 "$out/$name.teams-$theme-400.png"
  done
  shot "file://$PWD/$page/card.html?theme=light" 720 900 "$out/$name.teams-light-720.png"
  shot "file://$PWD/$page/card.html?theme=dark&expand=1" 400 1500 "$out/$name.teams-dark-400-details.png"
done
rm -f "$page/card-data.js"

for email in "$out"/emails/*.html; do
  name=$(basename "$email" .html)
  shot "file://$email" 900 1100 "$out/$name.email-900.png"
  shot "file://$email" 400 1400 "$out/$name.email-400.png"
done
echo "screenshots in $out"
