#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Runs the product: builds the Karaf distribution if needed, starts ODL with the
# ODL Wiring plugin in the background, waits until RESTCONF answers, loads the
# seed scenario (docs/examples/*.json) and shows the resulting status and plan.
#
#   scripts/run.sh [start]   build if needed, start, load the example; as root also start
#                            one lab host (Open vSwitch in a network namespace) per example
#                            host, connected to ODL's OVSDB listener (tcp:127.0.0.1:6640),
#                            one host agent per lab host (applying the plan's kernel state and
#                            provider-bridge flows in that namespace) and, with FRR installed,
#                            FRR on every lab host peered with one BGP peer namespace
#   scripts/run.sh stop      stop the FRR peer, the agents, the lab hosts and Karaf
#   scripts/run.sh show      print intents' status, the plan, the lab switches, the agents'
#                            kernel state and the routes the BGP peer learned again
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
KARAF=$ROOT/karaf-distribution/target/assembly
URL=${WIRING_URL:-http://127.0.0.1:8181}
AUTH=${WIRING_AUTH:-admin:admin}
LAB=$ROOT/lab
LAB_HOSTS=(rack-1-host-1 rack-1-host-2 rack-2-host-1)
AGENT_HOME=$ROOT/host-agent/target
AGENT_PROTO=216             # the agents' ownership mark on routes, rules, neighbours (rt_protos.d)
AGENT_COOKIE=0x3e7          # ... and on provider-bridge flows (the plan's flow-cookie of the example)
AGENT_USER=wiring-agent     # the agents' ODL user (scripts/host-agent-access.sh)
RT_TABLES_D=/etc/iproute2/rt_tables.d
RT_PROTOS_D=/etc/iproute2/rt_protos.d
PEER=bgp-peer               # the BGP peer: namespace wl-bgp-peer, state in lab/bgp-peer
PEER_NS=wl-$PEER
HOST_AS=64999
PEER_AS=65000

restconf_code() {
    curl -s -o /dev/null -w '%{http_code}' -u "$AUTH" "$URL/rests/data/wiring-provider:provider-networks" || true
}

wait_restconf() {   # seconds
    echo -n "Waiting for RESTCONF at $URL "
    local deadline=$((SECONDS + $1))
    while [ $SECONDS -lt $deadline ]; do
        if running; then
            echo
            return 0
        fi
        echo -n "."
        sleep 2
    done
    echo
    return 1
}

running() {
    case "$(restconf_code)" in 200|409) return 0 ;; *) return 1 ;; esac
}

agent_jar() {
    ls "$AGENT_HOME"/wiring-host-agent-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '-tests' \
        | head -n 1 || true
}

build_needed() {
    # the assembly keeps the archive's timestamps, so compare against the zip the build writes
    local stamp
    stamp=$(ls karaf-distribution/target/wiring-karaf-*.zip 2>/dev/null | head -n 1)
    [ -x "$KARAF/bin/karaf" ] && [ -n "$stamp" ] || return 0
    [ -n "$(agent_jar)" ] || return 0
    [ -n "$(find pom.xml api ovsdb impl renderer-ovsdb host-agent features karaf-distribution/pom.xml -type f \
        -newer "$stamp" -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

show() {
    echo
    echo "== Intent status (GET $URL/rests/data/<module>:<container>?content=nonconfig)"
    for path in wiring-provider:provider-networks wiring-tunnel:tunneling wiring-bgp:bgp-redirect; do
        curl -s -u "$AUTH" "$URL/rests/data/$path?content=nonconfig" | python3 "$ROOT/scripts/summary.py" status
    done
    echo
    echo "== Plan per host (GET $URL/rests/data/wiring-plan:plan?content=nonconfig)"
    curl -s -u "$AUTH" "$URL/rests/data/wiring-plan:plan?content=nonconfig" | python3 "$ROOT/scripts/summary.py" plan
    if lab_possible; then
        for host in "${LAB_HOSTS[@]}"; do
            [ -d "$LAB/$host" ] || continue
            echo
            echo "== ovs-vsctl show on lab host $host"
            "$ROOT/scripts/lab-host.sh" vsctl "$host" "$LAB/$host" show
        done
        show_agents
        show_bgp
        show_pipeline
    fi
}

lab_possible() {
    [ "$(id -u)" -eq 0 ] && command -v ovs-vswitchd >/dev/null 2>&1 && command -v ip >/dev/null 2>&1
}

start_lab() {
    if ! lab_possible; then
        echo "No lab hosts: they need root and Open vSwitch (apt-get install openvswitch-switch)."
        return 0
    fi
    # OpenFlow link per host (lab-host.sh WL_OF_LINK): host i (from 0) gets link i+1, run.sh's lab uses 1..99 and
    # the it/ tests 100..199, so the two never take each other's wl-of<n>
    local i host
    for i in "${!LAB_HOSTS[@]}"; do
        host=${LAB_HOSTS[$i]}
        WL_OF_LINK=$((i + 1)) "$ROOT/scripts/lab-host.sh" start "$host" "$LAB/$host" tcp:127.0.0.1:6640 >/dev/null
        echo "  lab host $host: ovs-vswitchd in netns wl-$host, manager tcp:127.0.0.1:6640," \
            "OpenFlow through wl-of$((i + 1))"
    done
    echo -n "Waiting for the lab switches to get their bridges "
    for _ in $(seq 1 60); do
        local done=1
        for host in "${LAB_HOSTS[@]}"; do
            "$ROOT/scripts/lab-host.sh" vsctl "$host" "$LAB/$host" br-exists br-ex 2>/dev/null || done=0
        done
        [ $done -eq 1 ] && break
        echo -n "."
        sleep 1
    done
    echo
}

# load_payloads <PUT|PATCH> <dir>: the three intent containers from <dir>/<container>.json
load_payloads() {
    local method=$1 dir=$2 pair file path code
    for pair in provider-networks:wiring-provider:provider-networks tunneling:wiring-tunnel:tunneling \
            bgp-redirect:wiring-bgp:bgp-redirect; do
        file=${pair%%:*}
        path=${pair#*:}
        code=$(curl -s -o /tmp/wiring-put.out -w '%{http_code}' -u "$AUTH" -X "$method" \
            -H 'Content-Type: application/json' --data-binary "@$dir/$file.json" "$URL/rests/data/$path")
        echo "  $method /rests/data/$path -> HTTP $code"
        case "$code" in 200|201|204) ;; *) cat /tmp/wiring-put.out; exit 1 ;; esac
    done
}

start_vms() {
    lab_possible || return 0
    "$ROOT/scripts/lab-vms.sh" up "$LAB"
    echo -n "Waiting for the demo ports to be programmed "
    local port state
    for _ in $(seq 1 60); do
        state=programmed
        for port in demo-tun-1 demo-tun-2 demo-vlan-1 demo-vlan-2; do
            curl -s -u "$AUTH" "$URL/rests/data/wiring-tunnel:tunneling/logical-port=$port/status" \
                | python3 -c 'import json, sys; s = json.load(sys.stdin); s = next(iter(s.values()))
sys.exit(0 if s.get("state") == "programmed" else 1)' 2>/dev/null || state=waiting
        done
        [ "$state" = programmed ] && break
        echo -n "."
        sleep 1
    done
    echo " $state"
}

show_pipeline() {
    lab_possible && ip netns list | grep -q '^wl-vm-demo' || return 0
    echo
    echo "== OpenFlow pipeline on br-int (ovs-ofctl -O OpenFlow13 dump-flows/dump-groups, our cookie 0x0d1c...)"
    local host
    for host in "${LAB_HOSTS[@]}"; do
        [ -d "$LAB/$host" ] || continue
        echo "  $host: $("$ROOT/scripts/lab-host.sh" ofctl "$host" "$LAB/$host" -O OpenFlow13 dump-flows br-int \
            | grep -c 'cookie=0xd1c') flows, $("$ROOT/scripts/lab-host.sh" ofctl "$host" "$LAB/$host" \
            -O OpenFlow13 dump-groups br-int | grep -c group_id) groups," \
            "controller $("$ROOT/scripts/lab-host.sh" vsctl "$host" "$LAB/$host" get-controller br-int)" \
            "connected: $("$ROOT/scripts/lab-host.sh" vsctl "$host" "$LAB/$host" --columns=is_connected \
            --bare list controller)"
    done
    echo
    echo "== Pings between the demo VMs, through the pipeline"
    "$ROOT/scripts/lab-vms.sh" ping "$LAB" || echo "  (a ping failed)"
}

stop_lab() {
    lab_possible || return 0
    for host in "${LAB_HOSTS[@]}"; do
        [ -d "$LAB/$host" ] && "$ROOT/scripts/lab-host.sh" stop "$host" "$LAB/$host" >/dev/null || true
    done
}

# plan_host <host> <field>: from the plan of <host> (GET .../plan/host=<host>), "expose-device", "bridges"
# (one a line) or "host-routes" (the exposed /32 and /128 prefixes, one a line, sorted)
plan_host() {
    { curl -s -u "$AUTH" "$URL/rests/data/wiring-plan:plan/host=$1?content=nonconfig" || true; } | python3 -c '
import json, sys
text = sys.stdin.read()
try:
    hosts = json.loads(text).get("wiring-plan:host", []) if text.strip() else []
except json.JSONDecodeError:
    hosts = []
kernel = hosts[0].get("kernel", {}) if hosts else {}
if sys.argv[1] == "expose-device":
    print(kernel.get("expose", {}).get("device", ""))
elif sys.argv[1] == "bridges":
    print("\n".join(b["name"] for b in (hosts[0].get("bridge", []) if hosts else [])))
else:
    prefixes = [e["prefix"] for e in kernel.get("exposed", [])
                if e["prefix"].endswith("/32") and "." in e["prefix"] or e["prefix"].endswith("/128")]
    print("\n".join(sorted(prefixes)))
' "$2"
}

agent_pid() {   # the pid of the lab agent of <host>, if it runs
    local pidfile=$LAB/$1/agent.pid pid
    [ -f "$pidfile" ] || return 1
    pid=$(cat "$pidfile")
    [ -n "$pid" ] && grep -qa -- "$LAB/$1/agent.properties" "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

start_agents() {
    lab_possible || return 0
    if [ -z "$(agent_jar)" ] || [ ! -d "$AGENT_HOME/lib" ]; then
        echo "No host agents: no wiring-host-agent-*.jar and lib/ in $AGENT_HOME (build host-agent)"
        return 0
    fi
    local host dir br announce=false
    # the agents log in as their own user, which can read the plan and report and nothing else
    if [ ! -s "$LAB/agent-password" ]; then
        (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$LAB/agent-password")
    fi
    if ! WIRING_AUTH=$AUTH "$ROOT/scripts/host-agent-access.sh" --user "$AGENT_USER" \
            --password-file "$LAB/agent-password" "$URL" | sed 's/^/  /'; then
        echo "No host agents: could not set up their ODL user (scripts/host-agent-access.sh)"
        return 0
    fi
    # gratuitous ARP / unsolicited NA need arping and na6 (ipv6toolkit); without them the agent would report
    # every announcement as failed
    command -v arping >/dev/null 2>&1 && command -v na6 >/dev/null 2>&1 && announce=true
    for host in "${LAB_HOSTS[@]}"; do
        dir=$LAB/$host
        [ -d "$dir" ] || continue
        # what a host's network configuration does: the devices of its OVS bridges are up (the agent's routes
        # need them up); the renderer may still be creating some
        for br in $(plan_host "$host" bridges); do
            for _ in $(seq 30); do ip -n "wl-$host" link show "$br" >/dev/null 2>&1 && break; sleep 1; done
            ip -n "wl-$host" link set "$br" up 2>/dev/null || echo "  lab host $host: no device $br yet"
        done
        if agent_pid "$host" >/dev/null; then
            echo "  host agent $host: already running"
            continue
        fi
        # one agent per lab host on this machine: each works in its lab host's namespace, with its own
        # iproute2 name files and state file; BRIDGE exposure since this kernel has no dummy/vrf links
        (
            umask 077
            cat >"$dir/agent.properties" <<PROPS
host-id=$host
netns=wl-$host
restconf.urls=$URL/rests
restconf.user=$AGENT_USER
restconf.password-file=$LAB/agent-password
expose.mode=BRIDGE
protocol=$AGENT_PROTO
flow.cookie=$AGENT_COOKIE
iproute2.tables-file=$RT_TABLES_D/wl-$host.conf
iproute2.protos-file=$RT_PROTOS_D/wl-$host.conf
state-file=$dir/agent-state.json
poll.seconds=2
announce=$announce
PROPS
        )
        chmod 600 "$dir/agent.properties"
        # ovs-vsctl and ovs-ofctl of the agent reach the lab host's OVS through these
        OVS_RUNDIR=$dir/run OVS_DBDIR=$dir/db OVS_LOGDIR=$dir/log OVS_SYSCONFDIR=$dir/etc AGENT_HOME=$AGENT_HOME \
            JAVA_OPTS=${AGENT_JAVA_OPTS:--Xmx96m} nohup "$ROOT/host-agent/src/main/scripts/wiring-host-agent" \
            "$dir/agent.properties" >>"$dir/agent.log" 2>&1 </dev/null &
        echo $! >"$dir/agent.pid"
        echo "  host agent $host: pid $!, netns wl-$host, log lab/$host/agent.log"
    done
}

stop_agents() {
    lab_possible || return 0
    local host pid
    for host in "${LAB_HOSTS[@]}"; do
        if pid=$(agent_pid "$host"); then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
            [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
            echo "host agent $host stopped"
        fi
        rm -f "$LAB/$host/agent.pid" "$RT_TABLES_D/wl-$host.conf" "$RT_PROTOS_D/wl-$host.conf"
    done
}

# waits until no intent waits for a lab host's agent any more
wait_agents() {   # seconds
    local deadline=$((SECONDS + $1)) path status
    echo -n "Waiting for the host agents' reports "
    while [ $SECONDS -lt $deadline ]; do
        status=""
        for path in wiring-provider:provider-networks wiring-tunnel:tunneling wiring-bgp:bgp-redirect; do
            status+=$({ curl -s -u "$AUTH" "$URL/rests/data/$path?content=nonconfig" || true; } \
                | python3 "$ROOT/scripts/summary.py" status)
        done
        if [ -n "$status" ] && ! grep -q '(host-agent)' <<<"$status"; then
            echo
            return 0
        fi
        echo -n "."
        sleep 2
    done
    echo " (some intents still wait for an agent; see lab/<host>/agent.log)"
}

show_agents() {
    local host ns dev
    for host in "${LAB_HOSTS[@]}"; do
        [ -f "$LAB/$host/agent.properties" ] || continue
        ns=wl-$host
        ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$ns" || continue
        echo
        if agent_pid "$host" >/dev/null; then
            echo "== Kernel state the host agent applied on lab host $host (netns $ns, proto $AGENT_PROTO)"
        else
            echo "== Kernel state on lab host $host (netns $ns): its agent is NOT running, see lab/$host/agent.log"
        fi
        echo "-- ip rule; ip -6 rule"
        ip -n "$ns" rule | sed 's/^/  /'
        ip -n "$ns" -6 rule | sed 's/^/  /'
        echo "-- ip -4 route show table all proto $AGENT_PROTO; ip -6 route show table all proto $AGENT_PROTO"
        ip -n "$ns" -4 route show table all proto "$AGENT_PROTO" | sed -e 's/^/  /' -e 's/ *$//'
        ip -n "$ns" -6 route show table all proto "$AGENT_PROTO" | sed -e 's/^/  /' -e 's/ *$//'
        echo "-- ip neigh show nud permanent; ip -6 neigh show proxy"
        ip -n "$ns" neigh show nud permanent | sed -e 's/^/  /' -e 's/ *$//'
        ip -n "$ns" -6 neigh show proxy | sed -e 's/^/  /' -e 's/ *$//'
        dev=$(plan_host "$host" expose-device)
        if [ -n "$dev" ]; then
            echo "-- ip addr show dev $dev (the exposure device)"
            ip -n "$ns" -o addr show dev "$dev" 2>&1 | awk '{print "  " $3, $4}' || true
        fi
        echo "-- ovs-ofctl dump-flows cookie=$AGENT_COOKIE/-1, per bridge"
        for br in $("$ROOT/scripts/lab-host.sh" vsctl "$host" "$LAB/$host" list-br); do
            OVS_RUNDIR=$LAB/$host/run ovs-ofctl -O OpenFlow13 dump-flows "$br" "cookie=$AGENT_COOKIE/-1" 2>/dev/null \
                | grep -v 'reply' | sed -e "s/^ */  $br: /" -e 's/duration=[^,]*, //' -e 's/n_packets=[^,]*, //' \
                    -e 's/n_bytes=[^,]*, //' || true
        done
    done
}

frr_possible() {
    [ -x /usr/lib/frr/zebra ] && [ -x /usr/lib/frr/bgpd ] && command -v vtysh >/dev/null 2>&1 && id frr >/dev/null 2>&1
}

# frr_start <netns> <dir> <bgpd.conf text>: zebra and bgpd in <netns> with private config, pid and socket paths
frr_start() {
    local ns=$1 dir=$2 daemon
    mkdir -p "$dir"
    echo "hostname ${ns#wl-}" >"$dir/zebra.conf"
    echo "$3" >"$dir/bgpd.conf"
    # the daemons drop to user frr
    chown -R frr:frr "$dir"
    for daemon in zebra bgpd; do
        frr_running "$dir" "$daemon" && continue
        ip netns exec "$ns" "/usr/lib/frr/$daemon" -d -f "$dir/$daemon.conf" -i "$dir/$daemon.pid" \
            -z "$dir/zserv.api" --vty_socket "$dir" -u frr -g frr --log "file:$dir/$daemon.log" \
            >>"$dir/$daemon.out" 2>&1
    done
}

frr_running() {   # <dir> <daemon>
    local pid
    pid=$(cat "$1/$2.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && grep -qa -- "$1/$2.conf" "/proc/$pid/cmdline" 2>/dev/null
}

frr_stop() {   # <dir>
    local daemon pid
    for daemon in bgpd zebra; do
        frr_running "$1" "$daemon" || continue
        pid=$(cat "$1/$daemon.pid")
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
        [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    done
}

# FRR on every lab host (redistribute connected, only the expose device's host routes) and one peer namespace
# with a veth to each of them: the peer's kernel shows the routes it learned (proto bgp)
start_bgp() {
    lab_possible || return 0
    if ! frr_possible; then
        echo "No BGP peer: it needs FRR (apt-get install frr)"
        return 0
    fi
    local i=0 host dev peer_if peer_conf neighbours="" families4="" families6=""
    ip netns list | awk '{print $1}' | grep -qx -- "$PEER_NS" || ip netns add "$PEER_NS"
    ip -n "$PEER_NS" link set lo up
    for host in "${LAB_HOSTS[@]}"; do
        i=$((i + 1))
        [ -d "$LAB/$host" ] || continue
        # the veth: "$PEER" in the lab host, named after the lab host in the peer (if the name fits)
        peer_if=$host
        [ ${#peer_if} -le 15 ] || peer_if=h$i
        if ! ip -n "wl-$host" link show "$PEER" >/dev/null 2>&1; then
            ip -n "wl-$host" link add "$PEER" type veth peer name "$peer_if" netns "$PEER_NS"
            ip -n "wl-$host" addr add "10.255.$i.1/30" dev "$PEER"
            ip -n "wl-$host" addr add "fd00:ff:$i::1/64" dev "$PEER" nodad
            ip -n "wl-$host" link set "$PEER" up
            ip -n "$PEER_NS" addr add "10.255.$i.2/30" dev "$peer_if"
            ip -n "$PEER_NS" addr add "fd00:ff:$i::2/64" dev "$peer_if" nodad
            ip -n "$PEER_NS" link set "$peer_if" up
        fi
        dev=$(plan_host "$host" expose-device)
        frr_start "wl-$host" "$LAB/$host/frr" "hostname $host
ip prefix-list host-routes seq 5 permit 0.0.0.0/0 ge 32
ipv6 prefix-list host-routes6 seq 5 permit ::/0 ge 128
route-map expose permit 10
 match interface ${dev:-bgp-nic}
exit
router bgp $HOST_AS
 bgp router-id 10.255.$i.1
 no bgp ebgp-requires-policy
 no bgp default ipv4-unicast
 neighbor 10.255.$i.2 remote-as $PEER_AS
 neighbor 10.255.$i.2 timers connect 1
 neighbor 10.255.$i.2 advertisement-interval 0
 neighbor fd00:ff:$i::2 remote-as $PEER_AS
 neighbor fd00:ff:$i::2 timers connect 1
 neighbor fd00:ff:$i::2 advertisement-interval 0
 address-family ipv4 unicast
  redistribute connected route-map expose
  neighbor 10.255.$i.2 activate
  neighbor 10.255.$i.2 prefix-list host-routes out
 exit-address-family
 address-family ipv6 unicast
  redistribute connected route-map expose
  neighbor fd00:ff:$i::2 activate
  neighbor fd00:ff:$i::2 prefix-list host-routes6 out
 exit-address-family
exit"
        neighbours+=" neighbor 10.255.$i.1 remote-as $HOST_AS
 neighbor 10.255.$i.1 timers connect 1
 neighbor fd00:ff:$i::1 remote-as $HOST_AS
 neighbor fd00:ff:$i::1 timers connect 1
"
        families4+="  neighbor 10.255.$i.1 activate
"
        families6+="  neighbor fd00:ff:$i::1 activate
"
        echo "  FRR on lab host $host: AS $HOST_AS, 10.255.$i.1 and fd00:ff:$i::1 on $PEER, advertises $dev's host routes"
    done
    peer_conf="hostname $PEER
router bgp $PEER_AS
 bgp router-id 10.255.255.1
 no bgp ebgp-requires-policy
 no bgp default ipv4-unicast
${neighbours} address-family ipv4 unicast
${families4} exit-address-family
 address-family ipv6 unicast
${families6} exit-address-family
exit"
    frr_start "$PEER_NS" "$LAB/$PEER/frr" "$peer_conf"
    echo "  BGP peer: AS $PEER_AS in netns $PEER_NS"
}

stop_bgp() {
    lab_possible || return 0
    local host
    for host in "${LAB_HOSTS[@]}" "$PEER"; do
        [ -d "$LAB/$host/frr" ] && frr_stop "$LAB/$host/frr"
    done
    if ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$PEER_NS"; then
        ip netns del "$PEER_NS"
        echo "BGP peer stopped"
    fi
}

peer_routes() {   # the host routes the peer's kernel has from BGP, one a line, sorted
    { ip -n "$PEER_NS" route show proto bgp; ip -n "$PEER_NS" -6 route show proto bgp; } 2>/dev/null \
        | awk '{print $1}' | sed -e '/\//!{/:/s/$/\/128/;/:/!s/$/\/32/}' | sort
}

expected_routes() {   # the /32 and /128 the plan exposes on the lab hosts, sorted
    local host
    for host in "${LAB_HOSTS[@]}"; do
        [ -d "$LAB/$host/frr" ] && plan_host "$host" host-routes
    done | sed '/^$/d' | sort
}

wait_bgp() {   # seconds
    [ -d "$LAB/$PEER/frr" ] || return 0
    local deadline=$((SECONDS + $1))
    echo -n "Waiting for the BGP peer to learn the exposed host routes "
    while [ $SECONDS -lt $deadline ]; do
        [ "$(peer_routes)" = "$(expected_routes)" ] && { echo; return 0; }
        echo -n "."
        sleep 2
    done
    echo " (not all yet)"
}

show_bgp() {
    [ -d "$LAB/$PEER/frr" ] && ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$PEER_NS" || return 0
    echo
    echo "== BGP peer (netns $PEER_NS, AS $PEER_AS): sessions and the routes it learned"
    vtysh --vty_socket "$LAB/$PEER/frr" -c 'show bgp summary' 2>&1 | grep -E '^(Neighbor|[0-9a-f]+[.:])' \
        | sed 's/^/  /' || true
    echo "-- ip route show proto bgp; ip -6 route show proto bgp"
    ip -n "$PEER_NS" route show proto bgp | sed -e 's/^/  /' -e 's/ *$//'
    ip -n "$PEER_NS" -6 route show proto bgp | sed -e 's/^/  /' -e 's/ *$//'
    if [ "$(peer_routes)" = "$(expected_routes)" ]; then
        echo "-- the peer learned exactly the host routes the plan exposes on the lab hosts"
    else
        echo "-- the peer's routes differ from the host routes the plan exposes on the lab hosts:"
        diff <(expected_routes) <(peer_routes) | sed -n 's/^[<>]/  &/p' || true
        echo "   (< only in the plan, > only learned)"
    fi
}

case "${1:-start}" in
    stop)
        stop_bgp
        stop_agents
        lab_possible && "$ROOT/scripts/lab-vms.sh" down "$LAB" || true
        stop_lab
        if pgrep -f "karaf.base=$KARAF" >/dev/null; then
            # bin/stop can hang in openflowplugin's shutdown; the datastore is journalled, so a kill is safe
            [ -x "$KARAF/bin/stop" ] && timeout 60 "$KARAF/bin/stop" >/dev/null 2>&1 || true
            for _ in $(seq 30); do pgrep -f "karaf.base=$KARAF" >/dev/null || break; sleep 1; done
            pkill -9 -f "karaf.base=$KARAF" || true
            echo "Karaf stopped"
        else
            echo "Karaf is not running"
        fi
        exit 0
        ;;
    show)
        show
        exit 0
        ;;
    start)
        ;;
    *)
        echo "usage: $0 [start|stop|show]" >&2
        exit 2
        ;;
esac

if running; then
    echo "ODL is already running at $URL"
else
    if build_needed; then
        echo "Building (mvn -B -DskipTests clean install; a first build downloads about 600 MiB) ..."
        # always clean: a stale target/assembly boots a broken Karaf
        mvn -B -q -DskipTests clean install
    fi
    echo "Starting Karaf from $KARAF"
    "$KARAF/bin/start"
    if ! wait_restconf 120; then
        # AAA 0.18.6 can miss its password service configuration on a first boot (RESTCONF then refuses
        # admin/admin for good with 401, or never registers at all: 404); a restart with the same data recovers
        echo "RESTCONF answers $(restconf_code): the AAA password service did not start; restarting Karaf once"
        "$KARAF/bin/stop"
        for _ in $(seq 1 60); do pgrep -f "karaf.base=$KARAF" >/dev/null || break; sleep 1; done
        "$KARAF/bin/start"
    fi
    running || wait_restconf 180 || { echo "RESTCONF did not come up; see $KARAF/data/log/karaf.log" >&2; exit 1; }
fi

echo "Loading the example intents (docs/examples/*.json) with RESTCONF PUT"
load_payloads PUT docs/examples
echo "Adding the pipeline demo (docs/examples/pipeline-demo/*.json) with RESTCONF PATCH (merge)"
load_payloads PATCH docs/examples/pipeline-demo
if [ -z "${WIRING_NO_LAB:-}" ]; then
    echo "Starting the lab hosts"
    start_lab
    echo "Starting a host agent per lab host"
    start_agents
    wait_agents 90
    echo "Starting FRR on the lab hosts and a BGP peer"
    start_bgp
    wait_bgp 60
    echo "Plugging the demo VMs (scripts/lab-vms.sh: fabric, tunnel underlay, physnet1 wire, VM namespaces)"
    start_vms
fi
sleep 2
show

cat <<MSG

ODL Wiring is running.
  RESTCONF:         $URL/rests/data/wiring-provider:provider-networks   (user admin, password admin)
  OpenAPI explorer: echo 'feature:install odl-wiring-openapi' | $KARAF/bin/client -b
                    then $URL/openapi/explorer/index.html
  Karaf console:    $KARAF/bin/client        log: $KARAF/data/log/karaf.log
  OVSDB:            ODL listens on tcp:6640 (ovs-vsctl set-manager tcp:<odl>:6640); state at
                    $URL/rests/data/wiring-ovsdb:ovsdb-state?content=nonconfig
  Lab hosts:        scripts/lab-host.sh vsctl rack-1-host-1 lab/rack-1-host-1 show
  Host agents:      lab/<host>/agent.properties, lab/<host>/agent.log; ip -n wl-<host> rule
  BGP peer:         vtysh --vty_socket lab/$PEER/frr -c 'show bgp summary'; ip -n $PEER_NS route
  Stop:             scripts/run.sh stop
MSG
