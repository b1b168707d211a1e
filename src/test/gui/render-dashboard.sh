#!/usr/bin/env bash
# Renders a JMeter HTML report's pages in headless Chromium, to look at RateGuard's graphs.
#   src/test/gui/render-dashboard.sh <report dir> <output dir>
# Writes <output dir>/dashboard-custom-graphs.png (Charts > Customs Graphs) and dashboard-overview.png.
# Needs Debian's chromium (apt-get install -y chromium). No network: the report is local files.
set -euo pipefail
out=$(realpath -m "$2")
mkdir -p "$out"
profile=$(mktemp -d)
report="$profile/report"
trap 'rm -rf "$profile"' EXIT
# a copy, so the user's report stays as JMeter wrote it: the dashboard draws only the first custom
# graph until a panel is opened, so the copy's page draws them all at load for the picture
cp -r "$(realpath "$1")" "$report"
sed -i 's|</body>|<script>$(function(){ setTimeout(function(){ $("[id^=bodyResponsecustom_]").collapse("show"); }, 0); });</script></body>|' \
  "$report/content/pages/CustomsGraphs.html"

shot() { # page, png, height
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile/chromium" --window-size=1400,"$3" \
    --virtual-time-budget=8000 --screenshot="$out/$2" "file://$report/$1" 2>/dev/null
  echo "wrote $out/$2"
}
shot content/pages/CustomsGraphs.html dashboard-custom-graphs.png 2000
shot index.html dashboard-overview.png 1100
