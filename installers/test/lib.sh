# Helpers shared by the package install tests. Sourced, not run.

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

require_root() {
    [ "$(id -u)" -eq 0 ] || fail "run as root: the test installs and removes a package"
}

# A TCP port nothing listens on right now.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    fail "no free port found"
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s until it succeeds.
wait_until() {
    local seconds=$1 what=$2; shift 2
    local deadline=$(( $(date +%s) + seconds ))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || fail "$what: not within ${seconds}s"
        sleep 0.2
    done
}

# The newest file matching a glob, or a failure naming the command that builds it.
newest() {
    local pattern=$1 hint=$2 f
    # shellcheck disable=SC2086
    f=$(ls -t $pattern 2>/dev/null | head -1)
    [ -n "$f" ] || fail "no $pattern; build it first: $hint"
    echo "$f"
}
