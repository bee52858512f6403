#!/usr/bin/env bash
# Installs the server .deb on this machine, checks what it set up, starts the server exactly as the
# systemd unit would (its ExecStart, as the duet user) on free ports, stops it, then removes and
# purges the package and checks that nothing is left behind. Needs root; leaves the machine as found.
#   usage: installers/test/test-server-deb.sh [duet-server_*.deb]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
require_root

deb=${1:-$(newest "$here/../target/packages/duet-server_*_all.deb" "mvn -B -ntp -pl installers -am install -DskipTests")}
unit=/lib/systemd/system/duet-server.service
user_existed=false
getent passwd duet >/dev/null && user_existed=true
server_pid=""
log=$(mktemp)

cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    dpkg --purge duet-server >/dev/null 2>&1 || true
    if [ "$user_existed" = false ] && getent passwd duet >/dev/null; then
        deluser --quiet --system duet >/dev/null 2>&1 || true
        delgroup --quiet --system duet >/dev/null 2>&1 || true
    fi
    rm -f "$log"
}
trap cleanup EXIT

echo "== install $deb"
dpkg-query -W -f='${Status}' duet-server 2>/dev/null | grep -q "install ok installed" \
    && fail "duet-server is already installed here; remove it first"
dpkg -i "$deb" >/dev/null
dpkg-query -W -f='${Status}' duet-server | grep -q "install ok installed" || fail "dpkg did not install duet-server"
pass "installed $(dpkg-query -W -f='${Package} ${Version}' duet-server)"

echo "== what the package set up"
uid=$(id -u duet) || fail "no duet user"
[ "$uid" -lt 1000 ] || fail "duet is not a system user (uid $uid)"
[ "$(getent passwd duet | cut -d: -f7)" = /usr/sbin/nologin ] || fail "duet can log in"
pass "system user duet (uid $uid, no login shell)"
[ "$(stat -c '%U:%G %a' /var/lib/duet-server)" = "duet:duet 750" ] || fail "data dir: $(stat -c '%U:%G %a' /var/lib/duet-server)"
pass "/var/lib/duet-server duet:duet 750"
[ "$(stat -c '%U:%G %a' /etc/duet-server/duet-server.conf)" = "root:duet 640" ] || fail "config: $(stat -c '%U:%G %a' /etc/duet-server/duet-server.conf)"
pass "/etc/duet-server/duet-server.conf root:duet 640"
dpkg-query -W -f='${Conffiles}' duet-server | grep -q /etc/duet-server/duet-server.conf || fail "the config is not a conffile"
pass "the config is a conffile"
# Checked in the package, not on disk: minimal images may leave /usr/share/doc out on install.
dpkg-deb -c "$deb" | grep '\./usr/share/doc/duet-server/examples/turnserver.conf$' >/dev/null || fail "no example coturn configuration"
pass "ships /usr/share/doc/duet-server/examples/turnserver.conf"
for example in haproxy.cfg node.conf; do
  dpkg-deb -c "$deb" | grep "\./usr/share/doc/duet-server/examples/$example\$" >/dev/null || fail "no example $example"
done
pass "ships the several-nodes examples haproxy.cfg and node.conf"
[ -f /lib/systemd/system/duet-server@.service ] || fail "no duet-server@.service"
[ ! -e /etc/systemd/system/multi-user.target.wants/duet-server@.service ] || fail "the node template is enabled on install"
pass "duet-server@.service installed, no node enabled"
[ -L /etc/systemd/system/multi-user.target.wants/duet-server.service ] || fail "the service is not enabled"
pass "duet-server.service enabled (starts at boot)"
systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
pass "systemd-analyze verify $unit"
/usr/bin/duet-server --version | grep -q "Duet server" || fail "duet-server --version"
pass "/usr/bin/duet-server --version: $(/usr/bin/duet-server --version)"

echo "== start the server as the unit does, as user duet"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
port=$(free_port)
ops_port=$(free_port)
# shellcheck disable=SC2086
runuser -u duet -- $exec_start --port "$port" --ops-port "$ops_port" >"$log" 2>&1 &
server_pid=$!
wait_until 60 "the health check on port $ops_port" curl -fsS --max-time 5 "http://127.0.0.1:$ops_port/healthz"
pass "GET /healthz answers 200: $(curl -fsS --max-time 5 "http://127.0.0.1:$ops_port/healthz")"
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "nothing listens on the WebSocket port $port"
pass "WebSocket port $port open"
java_pid=$(pgrep -u duet -f "duet-server.jar.*--port $port") || fail "no java process of user duet"
pass "the server runs as $(ps -o user= -p "$java_pid") (pid $java_pid)"
gc_option=$(grep -m1 -e '-XX:+Use.*GC' /usr/share/duet-server/java-options)
ps -o args= -p "$java_pid" | grep -q -e "$gc_option" || fail "the server does not run with $gc_option from java-options"
pass "the JVM options of /usr/share/duet-server/java-options are in use ($gc_option)"
[ "$(stat -c %U /var/lib/duet-server/duet.db)" = duet ] || fail "the database is not owned by duet"
pass "database /var/lib/duet-server/duet.db created, owned by duet"

echo "== stop it"
kill -TERM "$java_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
# 143 = ended by SIGTERM after a clean shutdown; the unit counts it as success (SuccessExitStatus=143).
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || { cat "$log"; fail "exit status $status after SIGTERM"; }
pass "stopped on SIGTERM, exit status $status"
grep -q "ERROR" "$log" && { cat "$log"; fail "errors in the server log"; }
pass "no errors in the log ($(wc -l <"$log") lines)"

echo "== upgrade over itself: the admin's config and the data survive"
echo "# changed by the admin" >> /etc/duet-server/duet-server.conf
dpkg -i "$deb" >/dev/null
grep -q "changed by the admin" /etc/duet-server/duet-server.conf || fail "the upgrade replaced the admin's config"
[ -f /var/lib/duet-server/duet.db ] || fail "the upgrade lost the database"
[ "$(stat -c '%U:%G %a' /etc/duet-server/duet-server.conf)" = "root:duet 640" ] || fail "config mode after upgrade"
pass "reinstalled: config edits, its mode and the database kept"

echo "== remove, then purge"
dpkg -r duet-server >/dev/null
[ ! -e /usr/bin/duet-server ] && [ ! -e /usr/share/duet-server ] && [ ! -e "$unit" ] || fail "files left after remove"
[ -f /etc/duet-server/duet-server.conf ] && [ -d /var/lib/duet-server ] || fail "remove must keep config and data"
pass "remove: program gone, config and data kept"
dpkg --purge duet-server >/dev/null
[ ! -e /etc/duet-server ] && [ ! -e /var/lib/duet-server ] || fail "files left after purge"
dpkg-query -W duet-server >/dev/null 2>&1 && fail "dpkg still knows duet-server"
[ ! -e /etc/systemd/system/multi-user.target.wants/duet-server.service ] || fail "the service is still enabled"
pass "purge: config and data gone, dpkg forgot the package"
echo "PASS: server .deb"
