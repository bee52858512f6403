#!/usr/bin/env bash
# Builds the duet-server .deb from the runnable server jar: stages the file tree, then packs it with
# dpkg-deb under fakeroot so that every file is owned by root.
#   usage: build-server-deb.sh SERVER_JAR MAVEN_VERSION OUT_DIR
# Writes OUT_DIR/duet-server_<version>_all.deb and prints its path.
set -euo pipefail

jar=$1 maven_version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$jar" ] || { echo "build-server-deb: no server jar at $jar (build signaling-server first)" >&2; exit 1; }
for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || { echo "build-server-deb: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

# Debian sorts "~" before anything, so 0.1.0~SNAPSHOT comes before the 0.1.0 release.
version=${maven_version//-/\~}
maintainer=${DEB_MAINTAINER:-Duet developers <packaging@duet.invalid>}

mkdir -p "$out"
stage="$out/duet-server-root"
rm -rf "$stage"
install -D -m 0644 "$jar"                         "$stage/usr/share/duet-server/duet-server.jar"
install -D -m 0755 "$here/files/duet-server"         "$stage/usr/bin/duet-server"
install -D -m 0644 "$here/files/java-options"        "$stage/usr/share/duet-server/java-options"
install -D -m 0644 "$here/files/duet-server.service" "$stage/lib/systemd/system/duet-server.service"
# Several nodes on one package: one instance per node (docs/admin-guide.md, "Several nodes").
install -D -m 0644 "$here/files/duet-server@.service" "$stage/lib/systemd/system/duet-server@.service"
install -D -m 0644 "$here/files/node.conf"           "$stage/usr/share/doc/duet-server/examples/node.conf"
install -D -m 0644 "$here/files/duet-haproxy.cfg"    "$stage/usr/share/doc/duet-server/examples/haproxy.cfg"
install -D -m 0640 "$here/files/duet-server.conf"    "$stage/etc/duet-server/duet-server.conf"
install -D -m 0644 "$here/files/README.Debian"       "$stage/usr/share/doc/duet-server/README.Debian"
install -D -m 0644 "$here/files/copyright"           "$stage/usr/share/doc/duet-server/copyright"
# The coturn configuration the admin guide walks through, as an example: coturn is a separate package.
install -D -m 0644 "$here/files/turnserver.conf"     "$stage/usr/share/doc/duet-server/examples/turnserver.conf"

install -d -m 0755 "$stage/DEBIAN"
install -m 0755 "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
install -m 0644 "$here/debian/conffiles" "$stage/DEBIAN/"
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@MAINTAINER@/$maintainer/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
    "$here/debian/control.in" > "$stage/DEBIAN/control"
(cd "$stage" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"

deb="$out/duet-server_${version}_all.deb"
# The jar is already compressed: gzip packs it as small as xz, in a fraction of the time.
fakeroot -- sh -c "chown -R 0:0 '$stage' && dpkg-deb -Zgzip --build '$stage' '$deb' >/dev/null"
echo "$deb"
