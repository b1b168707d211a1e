#!/usr/bin/env bash
# Starts the real JMeter GUI (the home `mvn package` assembles, plugin in lib/ext) under Xvfb on
# test-plans/every-element.jmx and saves a screenshot of each RateGuard element, the Add menus
# that hold them and the error a bad value gives, into docs/images/ (or the directory given).
#   apt-get install -y xvfb    # once
#   mvn -B -q -DskipTests package && src/test/gui/screenshots.sh [output dir]
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$(realpath -m "${1:-docs/images}")
home=target/jmeter
[ -f "$home/bin/ApacheJMeter.jar" ] || { echo "no JMeter home in $home: run mvn -B -q -DskipTests package" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb is missing: apt-get install -y xvfb" >&2; exit 1; }

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x1000x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1

work=$(mktemp -d)
log=$work/jmeter.log
# a copy: JMeter saves the plan when a test starts (the bad-value shot starts one)
cp test-plans/every-element.jmx "$work/"
DISPLAY="$display" timeout 300 java -Xmx1g -jar "$home/bin/ApacheJMeter.jar" \
  -t "$work/every-element.jmx" -j "$log" \
  -Jjsr223.init.file="$PWD/src/test/gui/screenshots.groovy" \
  -Jrateguard.screenshots.dir="$out" \
  -Jjmeter.hidpi.mode=false -Jjmeter.check.update=false
echo "PNGs in $out (JMeter log: $log)"
