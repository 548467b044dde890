#!/usr/bin/env bash
# Renders a story's HTML report and photographs it in headless Chromium:
# the picture in docs/report.md.
#
#   tests/browser/screenshot.sh [STORY_DIR] [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: samples/story, docs/img/report.png, 1280x1600 (a laptop
# screen; 390x1600 shows the phone layout). Needs /usr/bin/chromium
# (.ci/install-browser installs it).
set -euo pipefail
cd "$(dirname "$0")/../.."

story=${1:-samples/story}
out=${2:-docs/img/report.png}
size=${3:-1280x1600}
browser=${CHROMIUM:-/usr/bin/chromium}
[ -x "$browser" ] || { echo "screenshot: $browser not found; run .ci/install-browser" >&2; exit 2; }

cargo build --quiet
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
target/debug/concord compare "$story" --format html --output "$scratch/report.html"

mkdir -p "$(dirname "$out")"
# Offline, throwaway profile, no first-run or background traffic.
"$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$scratch/profile" --hide-scrollbars \
  --window-size="${size/x/,}" --screenshot="$(realpath -m "$out")" \
  "file://$scratch/report.html" 2>/dev/null
echo "screenshot: $out ($size) from $story"
