#!/usr/bin/env bash
# Builds the installers for this OS into installers/target/packages/:
#   Linux:   duet_<version>_amd64.deb (client, jpackage) and duet-server_<version>_all.deb (dpkg-deb)
#   Windows: Duet-<version>.msi (needs WiX 3 on PATH);  macOS: Duet-<version>.dmg
# Then, on Linux as root, installers/test/test-packages.sh installs, checks and removes both .debs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Ppackage -pl installers -am install -DskipTests "$@"
ls -l installers/target/packages/ | grep -E '\.(deb|msi|dmg)$'
