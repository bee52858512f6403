#!/usr/bin/env bash
# Duet's benchmarks (issue 7). Never part of `./duet test`: nothing here is a timed assertion.
#   scripts/bench.sh [--quick] [relay|calls|all] [-- extra duet-bench options]
#     relay   relay latency and sustained rate of the signaling server at 1k/5k/10k sockets, next to
#             PeerServer (npm package `peer`, installed here under bench/target/peerserver)
#     calls   call set-up, glass-to-glass latency and client cost with real libwebrtc peers
#     all     both (default)
#   --quick   small sizes and short runs (a couple of minutes in all)
# Prints each benchmark's method and numbers as Markdown and appends them to bench/target/bench-results.md.
# All traffic stays on 127.0.0.1; every run is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."

PEER_VERSION=1.0.2          # the PeerServer release compared against
PEER_DIR=bench/target/peerserver
RESULTS=bench/target/bench-results.md
MVN=(mvn -B -ntp -q)

quick=()
what=all
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    relay|calls|all) what=$1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: scripts/bench.sh [--quick] [relay|calls|all] [-- duet-bench options]" >&2; exit 2 ;;
  esac
  shift
done

# 10k driver sockets plus the server's 10k in another process: each process needs ~10.5k descriptors.
need_fds=24000
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
  ulimit -n "$need_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
echo "File descriptor limit for this run: $(ulimit -n)" >&2

modules=bench,signaling-server
[ "$what" != relay ] && modules=$modules,desktop-client
echo "Building $modules ..." >&2
"${MVN[@]}" -Pbench-jar -pl "$modules" -am install -DskipTests

if [ "$what" != calls ]; then
  installed=$(node -p "require('./$PEER_DIR/node_modules/peer/package.json').version" 2>/dev/null || true)
  if [ "$installed" != "$PEER_VERSION" ]; then
    echo "Installing PeerServer (peer@$PEER_VERSION) into $PEER_DIR ..." >&2
    mkdir -p "$PEER_DIR"
    npm install --prefix "$PEER_DIR" --no-audit --no-fund --loglevel=error "peer@$PEER_VERSION" >&2
  fi
  cp bench/src/main/node/peerserver.mjs "$PEER_DIR/"
fi

# The common pool's parallelism is 1 on 2 cores, which makes CompletableFuture start a thread per
# async task during WebSocket handshakes; 2 keeps the driver's thread count flat.
JAVA=(java -Xms1g -Xmx2g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2)
run() {
  "${JAVA[@]}" -jar bench/target/duet-bench.jar "$@" "${quick[@]}" --report "$RESULTS" "${extra[@]}"
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
case "$what" in
  relay) run relay ;;
  calls) run calls ;;
  all) run relay; run calls ;;
esac
echo "Results appended to $RESULTS" >&2
