#!/usr/bin/env bash
# Duet's benchmarks (issue 7). Never part of `./duet test`: nothing here is a timed assertion.
#   scripts/bench.sh [--quick] [relay|calls|app-cost|all] [-- extra duet-bench options]
#   scripts/bench.sh soak [--minutes N] [--sockets N] [other duet-bench soak options]
#     relay   relay latency and sustained rate of the signaling server at 1k/5k/10k sockets, next to
#             PeerServer (npm package `peer`, installed here under bench/target/peerserver)
#     calls   call set-up, glass-to-glass latency and client cost with real libwebrtc peers, each with the
#             synthetic pattern and with a camera-like picture (whole-frame motion and noise; -- --look to choose);
#             the set-up next to two headless Chromium pages calling through the same server (Debian's chromium,
#             driven by npm package `playwright-core`, installed here under bench/target/chromium)
#     app-cost  the real Duet window in a 1280x720@30 call (under Xvfb: JavaFX's software pipeline), CPU per
#             thread and RSS next to the engine-only client (-- --seconds N for a shorter run)
#     all     relay, calls and app-cost (default)
#     metrics what the server's metrics cost per relayed message (JMH, in-process, about a minute; not in `all`)
#     frame-path  the relay's own work on one frame (offer with a 4 KB SDP, candidate) without sockets: unmask,
#             check, text, pass-through codec, event frame, framing (JMH, in-process, about a minute; not in `all`)
#     relay-nodes  relay latency with each pair split over two nodes (a private Redis and PostgreSQL) next to one
#             server, same driver, same run (issue 17; not in `all`)
#     failover  a node holding a call's users SIGKILLed again and again behind HAProxy (the shipped
#             duet-haproxy.cfg): how long its clients take to be back in their call (issue 17; not in `all`)
#     soak    10k sockets in continuous call signaling for 30 minutes (issue 16): losses, latency per minute,
#             the server's RSS, descriptors and threads with their slope; never part of `all`
#   scripts/bench.sh signin [duet-bench signin options]
#     signin  sign-ups, logins and resumes on the SQLite file and on a private PostgreSQL (Debian's
#             postgresql package, default settings, in a temp directory, stopped afterwards)
#   --quick   small sizes and short runs (a couple of minutes in all)
#   --mix M   the relay's message mix: call-setup (default, 1 offer/answer in 8), sdp-heavy (1 in 2) or
#             burst (only offers/answers; with `-- --rate <sockets> --seconds 1` every pair renegotiates in one second)
# Prints one summary table first (each figure next to its anchor and target), then each benchmark's method and
# numbers, as Markdown; appends them to bench/target/bench-results.md.
# All traffic stays on 127.0.0.1; every run is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/.."

PEER_VERSION=1.0.2          # the PeerServer release compared against
PEER_DIR=bench/target/peerserver
PLAYWRIGHT_VERSION=1.65.2   # drives Debian's chromium, the call set-up's anchor (no browser download)
CHROMIUM_DIR=bench/target/chromium
RESULTS=bench/target/bench-results.md
MVN=(mvn -B -ntp -q)

quick=()
mix=()
what=all
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=(--quick) ;;
    --mix) mix=(--mix "$2"); shift ;;
    relay|calls|app-cost|all|metrics|frame-path|relay-nodes|failover) what=$1 ;;
    soak) what=soak; shift; extra=("$@"); break ;;
    signin) what=signin; shift; extra=("$@"); break ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: scripts/bench.sh [--quick] [--mix call-setup|sdp-heavy|burst] [relay|calls|app-cost|all|metrics|frame-path|relay-nodes|failover] [-- duet-bench options]" >&2
       echo "       scripts/bench.sh soak [--minutes N] [--sockets N]" >&2; exit 2 ;;
  esac
  shift
done

# 10k driver sockets plus the server's 10k in another process: each process needs ~10.5k descriptors.
need_fds=24000
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_fds" ]; then
  ulimit -n "$need_fds" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 12000 ]; then
  echo "Warning: only $(ulimit -n) file descriptors per process; the 10k-socket step may fail." >&2
fi
echo "File descriptor limit for this run: $(ulimit -n)" >&2

modules=bench,signaling-server   # bench pulls in shared-protocol, client-core and desktop-client (duet-client.jar) itself
echo "Building $modules ..." >&2
"${MVN[@]}" -Pbench-jar -pl "$modules" -am package -DskipTests

if [ "$what" = relay ] || [ "$what" = all ]; then
  installed=$(node -p "require('./$PEER_DIR/node_modules/peer/package.json').version" 2>/dev/null || true)
  if [ "$installed" != "$PEER_VERSION" ]; then
    echo "Installing PeerServer (peer@$PEER_VERSION) into $PEER_DIR ..." >&2
    mkdir -p "$PEER_DIR"
    npm install --prefix "$PEER_DIR" --no-audit --no-fund --loglevel=error "peer@$PEER_VERSION" >&2
  fi
  cp bench/src/main/node/peerserver.mjs "$PEER_DIR/"
fi
if [ "$what" = calls ] || [ "$what" = all ]; then
  installed=$(node -p "require('./$CHROMIUM_DIR/node_modules/playwright-core/package.json').version" 2>/dev/null || true)
  if [ "$installed" != "$PLAYWRIGHT_VERSION" ]; then
    echo "Installing playwright-core@$PLAYWRIGHT_VERSION into $CHROMIUM_DIR ..." >&2
    mkdir -p "$CHROMIUM_DIR"
    npm install --prefix "$CHROMIUM_DIR" --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >&2
  fi
  cp -r bench/src/main/node/chromium-calls.mjs bench/src/main/node/chromium "$CHROMIUM_DIR/"
fi

# Load driver JVM: ZGC keeps its pauses (G1 paused 35-55 ms with 10k sockets' buffers live) out of the
# measured latency; the common pool's parallelism is 1 on 2 cores, which makes CompletableFuture start a
# thread per async task during WebSocket handshakes, so it is set to 2.
RELAY_JAVA=(java -XX:+UseZGC -Xms2g -Xmx3g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2)
# The call benchmarks run the client's own code; the client processes of the cost runs get the options
# every client start gets (scripts/client-jvm.options).
CALLS_JAVA=(java)
client_jvm=()
while read -r option; do client_jvm+=("--peer-jvm-opt=$option"); done < <(grep -v '^#' scripts/client-jvm.options)
display=()
if [ "$what" != relay ] && [ -z "${DISPLAY:-}" ]; then
  # Screen sharing captures a real X screen: give it a virtual one of 1280x720.
  display=(xvfb-run -a -s "-screen 0 1280x720x24")
fi
# The Duet server runs with the JVM options its package gives it, unless --server-jvm-opt options are
# given: like DUET_SERVER_JAVA_OPTS for the launcher, they then replace them all.
server_jvm=()
if ! printf '%s\n' "${extra[@]}" | grep -q -e '^--server-jvm-opt'; then
  while read -r option; do server_jvm+=("--server-jvm-opt=$option"); done \
    < <(grep -v -e '^#' -e '^$' installers/server/files/java-options)
fi
# relay and calls write their details into this run's folder and a summary row for each figure; the run
# prints (and appends to $RESULTS) the summary table first, then the details.
run_dir=bench/target/runs/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$run_dir"
DETAILS=$run_dir/details.md
ROWS=$run_dir/summary.jsonl
relay() {
  "${RELAY_JAVA[@]}" -jar bench/target/duet-bench.jar relay "${quick[@]}" "${mix[@]}" --report "$DETAILS" \
    --summary "$ROWS" "${server_jvm[@]}" "${extra[@]}" >/dev/null
}
# Audio set-up from a microphone needs a sound server: a private PulseAudio whose default sink is a null
# sink and whose default source carries a 440 Hz sine, for the calls run only. Virtual devices run at the
# block size their streams ask for, 2 s when none asks (module-sine-source always): a capture stream then
# waits up to 2 s for its first samples and a playback stream for its first pull, where real devices take
# milliseconds. So pacat plays the sine with a 10 ms latency into a null sink whose monitor, remapped, is
# the microphone, and silence with a 10 ms latency into the speaker (see bench/.../sound/SineCommand.java).
pulse_dir=""
start_sound_server() {
  command -v pulseaudio >/dev/null || { echo "No pulseaudio: microphone set-up skipped" >&2; return; }
  pulse_dir=$(mktemp -d)
  HOME="$pulse_dir" XDG_RUNTIME_DIR="$pulse_dir" pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    -L "module-native-protocol-unix socket=$pulse_dir/native auth-anonymous=1" \
    -L "module-null-sink sink_name=bench_speaker" \
    -L "module-null-sink sink_name=bench_mic_feed" \
    -L "module-remap-source source_name=bench_mic master=bench_mic_feed.monitor" \
    >"$pulse_dir/pulseaudio.log" 2>&1 &
  pulse_pid=$!
  for _ in $(seq 50); do [ -S "$pulse_dir/native" ] && break; sleep 0.1; done
  export PULSE_SERVER="unix:$pulse_dir/native"
  java -jar bench/target/duet-bench.jar sine \
    | pacat --playback --raw --format=s16le --rate=48000 --channels=1 --latency-msec=10 -d bench_mic_feed &
  sine_pid=$!
  pacat --playback --raw --format=s16le --rate=48000 --channels=1 --latency-msec=10 -d bench_speaker </dev/zero &
  silence_pid=$!
  pactl set-default-source bench_mic >/dev/null && pactl set-default-sink bench_speaker >/dev/null \
    || echo "Could not set the sound server's defaults; see $pulse_dir/pulseaudio.log" >&2
}
# Runs twice on success (after the calls and from the EXIT trap): the second time must find nothing to do, and
# under set -e a kill of a process already gone would turn a good run's exit status into 1.
stop_sound_server() {
  [ -n "$pulse_dir" ] || return 0
  kill "$sine_pid" "$silence_pid" "$pulse_pid" 2>/dev/null || true
  wait "$sine_pid" "$silence_pid" "$pulse_pid" 2>/dev/null || true
  rm -rf "$pulse_dir"
  pulse_dir=""
  unset PULSE_SERVER
}
calls() {
  start_sound_server
  trap stop_sound_server EXIT
  "${display[@]}" "${CALLS_JAVA[@]}" -jar bench/target/duet-bench.jar calls "${quick[@]}" "${client_jvm[@]}" \
    --report "$DETAILS" --summary "$ROWS" "${extra[@]}" >/dev/null
  stop_sound_server
}

# The window draws on the virtual display and plays its audio on the private sound server, as on a desktop.
app_cost() {
  start_sound_server
  trap stop_sound_server EXIT
  seconds=()
  [ ${#quick[@]} -gt 0 ] && seconds=(--seconds 20)
  # The window's environment as the launchers give it (./duet run, the menu entry): GDK_GL=disable.
  "${display[@]}" "${CALLS_JAVA[@]}" -jar bench/target/duet-bench.jar app-cost "${seconds[@]}" "${client_jvm[@]}" \
    --app-env GDK_GL=disable --report "$DETAILS" --summary "$ROWS" "${extra[@]}" >/dev/null
  stop_sound_server
}

# The soak's driver is the relay driver with more to do, so it gets the same JVM.
soak() {
  "${RELAY_JAVA[@]}" -jar bench/target/duet-bench.jar soak --report "$RESULTS" "${server_jvm[@]}" "${extra[@]}"
}

# The sign-in benchmark's PostgreSQL: its own cluster on a free port with PostgreSQL's default durability
# (fsync and synchronous commit on, as admins run it). As root it runs as the package's postgres user.
pg_dir=""
start_postgres() {
  local bin as_pg=()
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_dir=$(mktemp -d /tmp/duet-bench-pg.XXXXXX)
  pg_port=$(shuf -i 20000-60000 -n 1)
  export DUET_DB_PASSWORD="bench-$RANDOM$RANDOM" PGPASSWORD
  PGPASSWORD=$DUET_DB_PASSWORD
  echo "$DUET_DB_PASSWORD" >"$pg_dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$pg_dir"; as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
  pg_ctl=("${as_pg[@]}" "$bin/pg_ctl" -D "$pg_dir/data")
  "${as_pg[@]}" "$bin/initdb" -D "$pg_dir/data" -U duet --pwfile="$pg_dir/pwfile" --auth=scram-sha-256 \
    --no-locale -E UTF8 >"$pg_dir/initdb.log"
  "${pg_ctl[@]}" -l "$pg_dir/postgres.log" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -w start >/dev/null
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U duet duet
}
stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  "${pg_ctl[@]}" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
# The nodes' Redis for relay-nodes and failover: a private redis-server (Debian's redis-server package) on a free
# port in a temp directory, with its append-only file as the admin guide asks (appendfsync everysec, the default).
redis_dir=""
start_redis() {
  redis_dir=$(mktemp -d /tmp/duet-bench-redis.XXXXXX)
  redis_port=$(shuf -i 20000-60000 -n 1)
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redis_dir" --save "" --appendonly yes \
    --logfile "$redis_dir/redis.log" &
  redis_pid=$!
  for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "Redis did not start; see $redis_dir/redis.log" >&2; exit 1
}
stop_redis() {
  [ -n "$redis_dir" ] || return 0
  kill "${redis_pid:-}" 2>/dev/null || true
  wait "${redis_pid:-}" 2>/dev/null || true
  rm -rf "$redis_dir"
  redis_dir=""
}
# HAProxy with the file Duet ships (installers/server/files/duet-haproxy.cfg), its presetenv values set here: a
# free port, a certificate for 127.0.0.1 made with openssl, the two nodes' ports (the bench starts the nodes on
# them), its stats socket in a temp directory.
haproxy_dir=""
start_haproxy() {
  haproxy_dir=$(mktemp -d /tmp/duet-bench-haproxy.XXXXXX)
  # Below Linux's ephemeral range (32768 and up): a killed node comes back on its ports, which an outgoing
  # connection of the other node could otherwise have taken meanwhile.
  read -r haproxy_port node1_port node1_ops node2_port node2_ops <<<"$(shuf -i 20000-32000 -n 5 | xargs)"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$haproxy_dir/key.pem" \
    -out "$haproxy_dir/cert.pem" -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
  cat "$haproxy_dir/cert.pem" "$haproxy_dir/key.pem" >"$haproxy_dir/duet.pem"
  DUET_LISTEN=127.0.0.1:$haproxy_port DUET_CERT=$haproxy_dir/duet.pem DUET_HAPROXY_RUN=$haproxy_dir \
    DUET_NODE1=127.0.0.1:$node1_port DUET_NODE1_OPS=$node1_ops DUET_NODE2=127.0.0.1:$node2_port DUET_NODE2_OPS=$node2_ops \
    haproxy -db -f installers/server/files/duet-haproxy.cfg >"$haproxy_dir/haproxy.log" 2>&1 &
  haproxy_pid=$!
  for _ in $(seq 100); do [ -S "$haproxy_dir/admin.sock" ] && return; sleep 0.1; done
  echo "HAProxy did not start: $(cat "$haproxy_dir/haproxy.log")" >&2; exit 1
}
stop_haproxy() {
  [ -n "$haproxy_dir" ] || return 0
  kill "${haproxy_pid:-}" 2>/dev/null || true
  wait "${haproxy_pid:-}" 2>/dev/null || true
  rm -rf "$haproxy_dir"
  haproxy_dir=""
}
stop_cluster_parts() {
  stop_haproxy; stop_redis; stop_postgres
}
relay_nodes() {
  trap stop_cluster_parts EXIT
  start_postgres; start_redis
  "${RELAY_JAVA[@]}" -jar bench/target/duet-bench.jar relay-nodes "${quick[@]}" "${mix[@]}" --report "$DETAILS" \
    --summary "$ROWS" --redis-url "redis://127.0.0.1:$redis_port" --redis-pid "$redis_pid" \
    --db-url "jdbc:postgresql://127.0.0.1:$pg_port/duet" "${server_jvm[@]}" "${extra[@]}" >/dev/null
  stop_cluster_parts
}
failover() {
  trap stop_cluster_parts EXIT
  start_postgres; start_redis; start_haproxy
  java -jar bench/target/duet-bench.jar failover "${quick[@]}" --report "$DETAILS" --summary "$ROWS" \
    --balancer "wss://127.0.0.1:$haproxy_port/" --balancer-cert "$haproxy_dir/cert.pem" \
    --balancer-socket "$haproxy_dir/admin.sock" --node-ports "$node1_port:$node1_ops,$node2_port:$node2_ops" \
    --redis-url "redis://127.0.0.1:$redis_port" --db-url "jdbc:postgresql://127.0.0.1:$pg_port/duet" \
    "${server_jvm[@]}" "${extra[@]}" >/dev/null
  stop_cluster_parts
}
signin() {
  start_postgres
  trap stop_postgres EXIT
  java -jar bench/target/duet-bench.jar signin --report "$RESULTS" "${server_jvm[@]}" \
    --db-url "jdbc:postgresql://127.0.0.1:$pg_port/duet" "${extra[@]}"
  stop_postgres
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
case "$what" in
  metrics) java -jar bench/target/duet-bench.jar metrics-cost ;;
  frame-path) java -jar bench/target/duet-bench.jar frame-path ;;
  relay) relay ;;
  relay-nodes) relay_nodes ;;
  failover) failover ;;
  soak) soak ;;
  signin) signin ;;
  calls) calls ;;
  app-cost) app_cost ;;
  all) relay; calls; app_cost ;;
esac
if [ "$what" != soak ] && [ "$what" != signin ]; then
  { java -jar bench/target/duet-bench.jar summary --rows "$ROWS" --title "Benchmarks of $(date -u '+%Y-%m-%d %H:%M') UTC, $(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
    cat "$DETAILS"; } > "$run_dir/report.md"
  cat "$run_dir/report.md"
  cat "$run_dir/report.md" >> "$RESULTS"
fi
echo "Results appended to $RESULTS (this run: $run_dir/report.md)" >&2
