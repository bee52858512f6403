#!/usr/bin/env bash
# Installs the Debian packages Duet needs to run and to test, only those missing.
#   libpulse0 ...   native libwebrtc (webrtc-java) links against these
#   xvfb, xauth     a virtual display for screen-share tests and the app-image smoke test
#   libgtk-3-0      JavaFX on a real (X) display
#   fonts-dejavu    JavaFX needs at least one font, headless too
#   coturn          the TURN relay the relay-only call tests start
#   iproute2        `ip netns`: the separate-networks call tests build two hosts out of network namespaces
#   fakeroot, x11-utils, desktop-file-utils   installers: building .debs, finding the smoke test's window, checking the menu entry
#   pulseaudio, pulseaudio-utils   the sound tests' private PulseAudio with virtual devices (pactl, parec);
#                   the client also uses pactl to put its audio on the chosen device on Linux
#   gcc, libc6-dev  builds the fakecam LD_PRELOAD shim the camera tests use (linux/videodev2.h comes with libc6-dev)
#   dbus, dunst     the notification tests' private session D-Bus (dbus-daemon) and a real notification daemon whose
#                   notifications and actions a test reads back and picks (dunstctl, its dmenu hook)
#   xdotool         the client sets the X11 urgency hint with it (taskbar attention on an incoming call)
#   trayer          a real XEmbed system tray under Xvfb for the tray tests (AWT docks its icon there)
#   postgresql      the server's tests of accounts in PostgreSQL start a private one (initdb, pg_ctl) on a free port
#   redis-server    the multi-node tests' private Redis (PrivateRedis), the state nodes share (docs/decisions/0010)
#   xdg-utils       xdg-mime: LinkSchemeTest checks that the menu entry is what duet:// links open with
#   patch           java-websocket-patched: applies our fix to Java-WebSocket's sources (docs/decisions/0006)
#   haproxy         the load balancer test runs two servers behind the HAProxy configuration Duet ships
#   python3-aiosmtpd  the e-mail verification tests' private SMTP server (PrivateSmtp), which writes the mail
#                   it takes to a maildir the tests read the codes from
# With --bench (./duet bench) also:
#   nodejs, npm     the relay benchmark runs PeerServer (npm package `peer`) next to Duet's server; skipped
#                   when npm is already there (e.g. from NodeSource, whose nodejs bundles it)
#   chromium        the call set-up's anchor: two headless Chromium pages call each other through Duet's server
set -euo pipefail

packages=(libpulse0 libasound2 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3
          xvfb xauth libgtk-3-0 fonts-dejavu-core coturn iproute2
          fakeroot x11-utils desktop-file-utils pulseaudio pulseaudio-utils patch gcc libc6-dev
          dbus dunst xdotool trayer postgresql redis-server xdg-utils haproxy python3-aiosmtpd)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${1:-}" = --bench ]; then
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed" || missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts coturn, a PostgreSQL cluster, redis-server and haproxy as services on install; the tests start their own.
if command -v systemctl >/dev/null 2>&1; then
  $sudo systemctl disable --now coturn postgresql redis-server haproxy >/dev/null 2>&1 || true
fi
