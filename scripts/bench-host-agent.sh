#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Benchmark of the host agent: N addresses exposed on one host (needs root).
#
# Starts ODL if needed (scripts/run.sh, without the example's lab), starts lab host "bench-agent" (OVS in the
# network namespace wl-bench-agent, connected to ODL) and its host agent (BRIDGE exposure, no announcements; ODL
# user wiring-bench-agent, set up by scripts/host-agent-access.sh), maps
# the provider network "bench-public" to its br-ex and, for each N:
#   converge   one RESTCONF PATCH adds N provider ports (10.77.0.0/16, bound to bench-agent); time from just
#              before it until the namespace holds N rules, N table routes and N addresses on the expose device
#              (and no local route for them); then until the ports' status is "programmed"
#   resync     the agent stopped, one full pass (AgentMain --once: read, reconcile, report) with nothing to do,
#              then one after flushing the agent's rules and routes (protocol 216) and the expose device's
#              addresses; the pass's own time (the JVM start is not counted)
#   ip_batch   the same rules, routes, addresses and local-route deletions with one "ip -batch" in a fresh
#              scratch namespace (wl-bench-batch; its devices are created before the clock starts), and
#              whether the result equals the agent's namespace
#   withdraw   the agent restarted, one RESTCONF PUT restores the example's logical ports; time until the
#              namespace holds none of the N
# Every address and route the benchmark makes lives in the two namespaces; nothing in the root namespace.
#
#   scripts/bench-host-agent.sh [N ...]      default: 100 1000 10000
#   BENCH_TIMEOUT (seconds, default 600) bounds every wait.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${WIRING_URL:-http://127.0.0.1:8181}
AUTH=${WIRING_AUTH:-admin:admin}
LABSH=$ROOT/scripts/lab-host.sh
H=bench-agent
DIR=$ROOT/lab/bench/$H
NS=wl-$H
SCRATCH=wl-bench-batch
PROTO=216
PRIORITY=32000
EXPOSE=bgp-nic
BRIDGE=br-ex
AGENT_HOME=$ROOT/host-agent/target
CONF=$DIR/agent.properties
AGENT_USER=wiring-bench-agent   # its own ODL user (scripts/host-agent-access.sh)
RT_TABLES=/etc/iproute2/rt_tables.d/$NS.conf
RT_PROTOS=/etc/iproute2/rt_protos.d/$NS.conf
TIMEOUT=${BENCH_TIMEOUT:-600}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 10000)

[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 65000 ] || { echo "N must be 1..65000: $n" >&2; exit 2; }
done
WIRING_NO_LAB=1 "$ROOT/scripts/run.sh" start >/dev/null
ls "$AGENT_HOME"/wiring-host-agent-*.jar >/dev/null 2>&1 || { echo "no host agent in $AGENT_HOME" >&2; exit 1; }

REST_OUT=$DIR/rest.out
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"

# what the agent applied for the bench ports in namespace $1: "rules routes addresses local-routes"
counts() {
    local rules routes addrs locals
    rules=$(ip -n "$1" -4 rule 2>/dev/null | grep -c "^$PRIORITY:.* to 10\.77\." || true)
    routes=$(ip -n "$1" -4 route show table all proto "$PROTO" 2>/dev/null | grep -c '^10\.77\.' || true)
    addrs=$(ip -n "$1" -4 -o addr show dev "$EXPOSE" 2>/dev/null | grep -c ' 10\.77\.' || true)
    locals=$(ip -n "$1" -4 route show table local 2>/dev/null | grep -c '^local 10\.77\.' || true)
    echo "$rules $routes $addrs $locals"
}
wait_counts() {   # expected "rules routes addresses locals"; returns 1 after TIMEOUT
    local deadline
    deadline=$(($(date +%s) + TIMEOUT))
    while [ "$(counts "$NS")" != "$1" ]; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}
status_of() {   # logical port id: its state
    curl -s -u "$AUTH" "$URL/rests/data/wiring-tunnel:tunneling/logical-port=$1/status?content=nonconfig" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(list(d.values())[0].get("state",""))' \
        2>/dev/null || true
}
port_id() { printf 'bench-%05d' "$1"; }

agent_pid() {
    local pid
    pid=$(cat "$DIR/agent.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && grep -qa -- "$CONF" "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}
agent() {   # [--once] <config>: the start script, which execs java; ovs-vsctl/ovs-ofctl reach the lab OVS
    OVS_RUNDIR=$DIR/run OVS_DBDIR=$DIR/db OVS_LOGDIR=$DIR/log OVS_SYSCONFDIR=$DIR/etc AGENT_HOME=$AGENT_HOME \
        JAVA_OPTS=${AGENT_JAVA_OPTS:--Xmx256m} exec "$ROOT/host-agent/src/main/scripts/wiring-host-agent" "$@"
}
start_agent() {
    agent_pid >/dev/null && return 0
    local lines
    lines=$(wc -l <"$DIR/agent.log" 2>/dev/null || echo 0)
    # a subshell that execs the agent: $! is the agent's pid
    (agent "$CONF" >>"$DIR/agent.log" 2>&1 </dev/null) &
    echo $! >"$DIR/agent.pid"
    # its first pass done and its change stream open
    for _ in $(seq $((TIMEOUT * 10))); do
        grep -qa . "/proc/$(cat "$DIR/agent.pid")/cmdline" 2>/dev/null || break   # exited (or a zombie)
        tail -n +"$((lines + 1))" "$DIR/agent.log" | grep -q 'Following plan changes' \
            && tail -n +"$((lines + 1))" "$DIR/agent.log" | grep -q " INFO .* - Host $H: pass " && return 0
        sleep 0.1
    done
    echo "the agent did not start; see $DIR/agent.log" >&2
    exit 1
}
stop_agent() {
    local pid
    pid=$(agent_pid) || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
    [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$DIR/agent.pid"
}
once() {   # one pass of a fresh agent process: prints its pass line
    (agent --once "$CONF" 2>>"$DIR/agent.log") | grep '^pass '
}
pass_ms() { sed -n 's/^pass \([0-9]*\) ms.*/\1/p'; }
seconds() { python3 -c "print(f'{$1 / 1000:.2f}')"; }

cleanup() {
    stop_agent
    ip netns del "$SCRATCH" 2>/dev/null || true
    "$LABSH" stop "$H" "$DIR" >/dev/null 2>&1 || true
    rm -f "$RT_TABLES" "$RT_PROTOS"
    rest PUT wiring-tunnel:tunneling "$ROOT/docs/examples/tunneling.json" >/dev/null
    rest DELETE "wiring-provider:provider-networks/provider-network=bench-public" >/dev/null
    rest DELETE "wiring-provider:provider-networks/host=$H" >/dev/null
}
trap cleanup EXIT
trap "exit 143" TERM INT

mkdir -p "$DIR"
: >"$DIR/agent.log"
# the intents: the bench provider network mapped to the lab host's br-ex, BGP redirect on, none of the N ports
cat >"$DIR/provider.json" <<JSON
{"wiring-provider:provider-networks":{
  "provider-network":[{"name":"bench-public","type":"flat","physical-network":"bench-phys"}],
  "host":[{"host-id":"$H","datapath-type":"netdev",
           "bridge-mapping":[{"physical-network":"bench-phys","bridge":"$BRIDGE"}]}]}}
JSON
echo '{"wiring-bgp:bgp-redirect":{"enabled":true}}' >"$DIR/bgp.json"
must 200 204 -- PUT wiring-tunnel:tunneling "$ROOT/docs/examples/tunneling.json"
must 200 204 -- PATCH wiring-provider:provider-networks "$DIR/provider.json"
must 200 204 -- PATCH wiring-bgp:bgp-redirect "$DIR/bgp.json"
"$LABSH" start "$H" "$DIR" tcp:127.0.0.1:6640 >/dev/null
for _ in $(seq 60); do ip -n "$NS" link show "$BRIDGE" >/dev/null 2>&1 && break; sleep 1; done
ip -n "$NS" link set "$BRIDGE" up   # what the host's network configuration does
# the agent logs in as its own user, which can read the plan and report and nothing else (as run.sh's agents)
[ -s "$DIR/agent-password" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DIR/agent-password")
WIRING_AUTH=$AUTH "$ROOT/scripts/host-agent-access.sh" --user "$AGENT_USER" --password-file "$DIR/agent-password" \
    "$URL" >/dev/null
(
    umask 077
    cat >"$CONF" <<PROPS
host-id=$H
netns=$NS
restconf.urls=$URL/rests
restconf.user=$AGENT_USER
restconf.password-file=$DIR/agent-password
expose.mode=BRIDGE
protocol=$PROTO
flow.cookie=0x3e7
iproute2.tables-file=$RT_TABLES
iproute2.protos-file=$RT_PROTOS
state-file=$DIR/agent-state.json
resync.seconds=3600
poll.seconds=2
http.timeout.seconds=60
announce=false
PROPS
)
start_agent

# the scratch namespace's batch: the agent namespace's rules, routes (protocol 216) and expose-device addresses
# (each with the removal of its local route, as the agent does under BRIDGE exposure)
batch_from_agent() {
    {
        ip -n "$NS" -N -4 route show table all proto "$PROTO" | sed 's/^/route add /; s/ *$/ proto '"$PROTO"'/'
        # without -6 a batch line "route add default" would be IPv4
        ip -n "$NS" -N -6 route show table all proto "$PROTO" | sed 's|^default |::/0 |; s/^/route add /; s/ *$/ proto '"$PROTO"'/'
        ip -n "$NS" -N -4 rule | sed -n 's/^\([0-9]*\):\tfrom all to \([^ ]*\) lookup \([0-9]*\) proto .*/rule add to \2 priority \1 table \3 protocol '"$PROTO"'/p'
        ip -n "$NS" -4 -o addr show dev "$EXPOSE" | awk -v d="$EXPOSE" '{
            split($4, a, "/"); print "address add " $4 " dev " d; print "route del local " a[1] " dev " d " table local" }'
    }
}
snapshot() {   # the state compared between the agent's namespace and the scratch one
    ip -n "$1" -N -4 rule | sed 's/ proto [^ ]*$//'
    ip -n "$1" -N -4 route show table all proto "$PROTO"
    ip -n "$1" -N -6 route show table all proto "$PROTO"
    ip -n "$1" -4 -o addr show dev "$EXPOSE" | awk '{print $4}'
    ip -n "$1" -4 route show table local | grep "dev $EXPOSE" || true
}
baseline() {   # prints "seconds same|differs|failed lines"
    batch_from_agent >"$DIR/batch.txt"
    ip netns del "$SCRATCH" 2>/dev/null || true
    ip netns add "$SCRATCH"
    ip -n "$SCRATCH" link add "$BRIDGE" type bridge
    ip -n "$SCRATCH" link set "$BRIDGE" up
    ip -n "$SCRATCH" link add "$EXPOSE" type bridge
    ip -n "$SCRATCH" link set dev "$EXPOSE" addrgenmode none
    ip -n "$SCRATCH" link set "$EXPOSE" up
    local t0 t1 same=same
    t0=$(now)
    ip -n "$SCRATCH" -batch "$DIR/batch.txt" >&2 || same=failed
    t1=$(now)
    [ "$same" = failed ] || cmp -s <(snapshot "$NS" | sort) <(snapshot "$SCRATCH" | sort) || same=differs
    ip netns del "$SCRATCH"
    echo "$(elapsed "$t0" "$t1") $same $(wc -l <"$DIR/batch.txt")"
}

ports_json() {   # n
    python3 - "$1" "$H" <<'PY'
import json, sys
n, host = int(sys.argv[1]), sys.argv[2]
ports = [{"id": f"bench-{i:05d}", "provider-network": "bench-public", "mac-address": f"fa:16:3e:77:{i >> 8:02x}:{i & 255:02x}",
          "fixed-ip": [f"10.77.{i // 250}.{i % 250 + 1}"], "host": host} for i in range(n)]
print(json.dumps({"wiring-tunnel:tunneling": {"logical-port": ports}}))
PY
}

printf '%-6s %8s %11s %13s %14s %14s %11s %11s  %s\n' N write_s converge_s programmed_s resync_noop_s \
    resync_redo_s ip_batch_s withdraw_s "verified (rules routes addrs local-routes; baseline)"
details=()
for n in "${SIZES[@]}"; do
    want="$n $n $n 0"
    ports_json "$n" >"$DIR/ports.json"
    lines=$(wc -l <"$DIR/agent.log")
    # 1. converge from the RESTCONF write
    t0=$(now)
    must 200 204 -- PATCH wiring-tunnel:tunneling "$DIR/ports.json"
    tw=$(now)
    converge=">$TIMEOUT" programmed=-
    if wait_counts "$want"; then
        converge=$(elapsed "$t0" "$(now)")
        deadline=$(($(date +%s) + TIMEOUT))
        while [ "$(status_of "$(port_id 0)")" != programmed ] || [ "$(status_of "$(port_id $((n - 1)))")" != programmed ]; do
            [ "$(date +%s)" -lt "$deadline" ] || break
            sleep 0.1
        done
        [ "$(status_of "$(port_id $((n - 1)))")" = programmed ] && programmed=$(elapsed "$t0" "$(now)")
    fi
    got=$(counts "$NS")
    passes=$(tail -n +"$((lines + 1))" "$DIR/agent.log" | sed -n 's/.* INFO .* - Host [^ ]*: \(pass .*\)/\1/p')
    agent_ms=$(echo "$passes" | pass_ms | awk '{s += $1} END {print s + 0}')
    details+=("N=$n converge: RESTCONF PATCH answered after $(elapsed "$t0" "$tw") s; agent passes (sum $(seconds "$agent_ms") s):"
        "$(echo "$passes" | sed 's/^/    /')")
    # 2. full resync, nothing to do, then everything to redo (the agent process stopped: one pass each)
    stop_agent
    noop=$(once) || true
    # one "rule flush" misses some of thousands of rules (it deletes while it dumps): repeat
    for _ in $(seq 20); do
        ip -n "$NS" -4 rule flush protocol "$PROTO"
        ip -n "$NS" -6 rule flush protocol "$PROTO"
        [ "$( (ip -n "$NS" -4 rule; ip -n "$NS" -6 rule) | grep -c ' proto ' || true)" -gt 0 ] || break
    done
    ip -n "$NS" -4 route flush table all proto "$PROTO"
    ip -n "$NS" -6 route flush table all proto "$PROTO"
    ip -n "$NS" addr flush dev "$EXPOSE"
    flushed=$(counts "$NS")
    redo=$(once) || true
    regot=$(counts "$NS")
    details+=("N=$n resync: nothing to do: $noop" "N=$n resync: after the flush ($flushed): $redo")
    # 3. the same state with one ip -batch
    read -r batch_s same batch_lines < <(baseline)
    details+=("N=$n ip -batch: $batch_lines lines, result $same the agent's namespace")
    # 4. withdraw: back to the example's ports
    start_agent
    t1=$(now)
    must 200 204 -- PUT wiring-tunnel:tunneling "$ROOT/docs/examples/tunneling.json"
    withdraw=">$TIMEOUT"
    wait_counts "0 0 0 0" && withdraw=$(elapsed "$t1" "$(now)")
    printf '%-6s %8s %11s %13s %14s %14s %11s %11s  %s\n' "$n" "$(elapsed "$t0" "$tw")" "$converge" "$programmed" \
        "$(seconds "$(echo "$noop" | pass_ms)")" "$(seconds "$(echo "$redo" | pass_ms)")" "$batch_s" "$withdraw" \
        "$(tr ' ' / <<<"$got") after converge, $(tr ' ' / <<<"$flushed") flushed, $(tr ' ' / <<<"$regot") redone; $same"
done
echo
printf '%s\n' "${details[@]}"
