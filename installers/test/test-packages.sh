#!/usr/bin/env bash
# Installs, checks and removes both Debian packages built by installers/build-packages.sh. Root only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/test-server-deb.sh"
"$here/test-client-deb.sh"
echo "PASS: both packages"
