#!/usr/bin/env bash
# Installs the client .deb with apt (which pulls its dependencies), checks the menu entry, starts the
# installed app the way the menu does (its Exec line) as an ordinary user on a virtual display against
# a real server, waits for its window and its connection, takes a screenshot, hands it a duet:// link
# through a second start (as a clicked link does), stops it with SIGTERM,
# then removes the package and checks that nothing is left. Needs root; leaves the machine as found.
#   usage: installers/test/test-client-deb.sh [duet_*.deb]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
require_root

deb=${1:-$(newest "$here/../target/packages/duet_*_amd64.deb" "installers/build-packages.sh")}
deb=$(realpath "$deb")
server_jar=${SERVER_JAR:-$here/../../signaling-server/target/duet-server.jar}
shots=${SCREENSHOT_DIR:-$here/../target/screenshots}
[ -f "$server_jar" ] || fail "no server jar at $server_jar"
mkdir -p "$shots"
work=$(mktemp -d)
chmod 755 "$work"
user=duet-smoke
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    dpkg --purge duet >/dev/null 2>&1 || true
    getent passwd "$user" >/dev/null && userdel "$user" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

echo "== install $deb"
dpkg-query -W -f='${Status}' duet 2>/dev/null | grep -q "install ok installed" && fail "duet is already installed here"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
dpkg-query -W -f='${Status}' duet | grep -q "install ok installed" || fail "apt did not install duet"
pass "installed $(dpkg-query -W -f='${Package} ${Version}' duet), $(du -sh /opt/duet | cut -f1) in /opt/duet"
depends=$(dpkg-query -W -f='${Depends}' duet)
for dep in libgtk-3-0 libpulse0 pulseaudio-utils; do
    grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
pass "Depends: $depends"

echo "== menu entry"
entry=$(ls /usr/share/applications/*uet*.desktop 2>/dev/null | head -1)
[ -n "$entry" ] || fail "no .desktop file in /usr/share/applications"
grep -qx "Name=Duet" "$entry" || fail "$entry: no Name=Duet"
grep -q "^Categories=.*Network" "$entry" || fail "$entry: not in the Network menu"
grep -q "^Icon=" "$entry" || fail "$entry: no icon"
icon=$(sed -n 's/^Icon=//p' "$entry")
[ -f "$icon" ] || [ -n "$(find /usr/share/icons -name "$icon.png" 2>/dev/null)" ] || fail "icon $icon not found"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$entry" || fail "desktop-file-validate $entry"
fi
grep -q '^Exec=.* %u$' "$entry" || fail "$entry: Exec does not take a link (%u)"
grep -q '^MimeType=.*x-scheme-handler/duet;' "$entry" || fail "$entry: does not handle duet:// links"
handler=$(xdg-mime query default x-scheme-handler/duet 2>/dev/null || true)
[ "$handler" = "$(basename "$entry")" ] || fail "duet:// links open with '$handler', not $(basename "$entry")"
pass "menu entry $entry: $(grep -E '^(Exec|Categories|Icon)=' "$entry" | tr '\n' ' ')"

echo "== start it as the menu does, as an ordinary user"
useradd --home-dir "$work/home" --create-home --shell /bin/sh "$user"
port=$(free_port)
ops_port=$(free_port)
# A copy: a rebuild of the jar while the server runs would pull classes out from under it.
cp "$server_jar" "$work/duet-server.jar"
java -jar "$work/duet-server.jar" --data-dir "$work/data" --port "$port" --ops-port "$ops_port" >"$work/server.log" 2>&1 &
pids+=($!)
wait_until 60 "the server's health check" curl -fsS --max-time 5 "http://127.0.0.1:$ops_port/healthz"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 3>"$work/display" 2>/dev/null &
pids+=($!)
wait_until 20 "Xvfb" test -s "$work/display"
display=":$(cat "$work/display")"
# The Exec line minus its field codes (%U, %f ...), as a desktop environment would run it.
exec_line=$(sed -n 's/^Exec=//p' "$entry" | sed 's/ %[a-zA-Z]//g')
# shellcheck disable=SC2086
runuser -u "$user" -- env DISPLAY="$display" HOME="$work/home" $exec_line --server "ws://127.0.0.1:$port" \
    >"$shots/client-deb.log" 2>&1 &
app=$!
pids+=("$app")
window_up() { xwininfo -root -tree -display "$display" | grep -q '— Duet"'; }
wait_until 90 "the Duet window" window_up
pass "window: $(xwininfo -root -tree -display "$display" | grep -o '"[^"]*— Duet"' | head -1)"
connected() { curl -fsS --max-time 5 "http://127.0.0.1:$ops_port/metrics" | grep -qx "duet_connections 1.0"; }
wait_until 30 "the client's connection to the server" connected
pass "the installed client connected to the server"
# A clicked link starts the Exec line again with the link: it hands it to the running window and ends.
link="duet://127.0.0.1:$port/join/tea?invite=Qm8d2LxV7pT0cRw3aZk9YbN"
# shellcheck disable=SC2086
timeout 60 runuser -u "$user" -- env DISPLAY="$display" HOME="$work/home" $exec_line "$link" \
    >"$shots/client-deb-link.log" 2>&1 || { cat "$shots/client-deb-link.log"; fail "the second start with a link failed"; }
[ "$(pgrep -u "$user" -c -f /opt/duet)" -eq 1 ] || fail "a second start with a link left a second app running"
pass "a second start with a link handed it to the running app and ended"
test_classes="$here/../target/test-classes"
if command -v import >/dev/null; then
    import -display "$display" -window root "$shots/client-deb.png"
    pass "screenshot $shots/client-deb.png"
elif [ -d "$test_classes" ]; then
    DISPLAY="$display" java -cp "$test_classes" app.duet.installers.support.ScreenGrab "$shots/client-deb.png"
    pass "screenshot $shots/client-deb.png"
fi
ls "$work/home/.cache/duet/openjfx" >/dev/null 2>&1 || fail "JavaFX natives not in ~/.cache/duet/openjfx"
pass "JavaFX natives unpacked into the user's ~/.cache/duet/openjfx"
java_pid=$(pgrep -u "$user" -f /opt/duet) || fail "no app process of $user"
kill -TERM "$java_pid"
status=0
wait "$app" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || { cat "$shots/client-deb.log"; fail "exit status $status after SIGTERM"; }
pass "stopped on SIGTERM, exit status $status"
grep -q "Exception" "$shots/client-deb.log" && { cat "$shots/client-deb.log"; fail "exceptions in the app's log"; }

echo "== remove"
dpkg -r duet >/dev/null
[ ! -e /opt/duet ] || fail "/opt/duet left after remove"
[ ! -e "$entry" ] || fail "$entry left after remove"
dpkg --purge duet >/dev/null
dpkg-query -W duet >/dev/null 2>&1 && fail "dpkg still knows duet"
pass "removed and purged: /opt/duet and the menu entry are gone"
echo "PASS: client .deb"
