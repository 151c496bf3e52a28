#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# lab-host.sh: run one simulated Open vSwitch "host" (chassis) on this machine.
#
# Usage:
#   lab-host.sh start <host-id> <dir> [manager-target]
#   lab-host.sh stop <host-id> <dir>
#   lab-host.sh restart-ovsdb <host-id> <dir>
#   lab-host.sh restart-vswitchd <host-id> <dir>
#   lab-host.sh status <host-id> <dir>
#   lab-host.sh vsctl <host-id> <dir> [ovs-vsctl args...]
#   lab-host.sh ofctl <host-id> <dir> [ovs-ofctl args...]
#   lab-host.sh appctl <host-id> <dir> [ovs-appctl args for ovs-vswitchd...]
#   lab-host.sh exec <host-id> <dir> command [args...]     (runs inside the host's netns)
#
# Layout (why the processes live where they live):
#   * Network namespace "wl-<host-id>" holds the host's datapath: ovs-vswitchd runs INSIDE it (userspace
#     datapath, bridges must use datapath_type=netdev), so every tap device it creates for internal ports,
#     and every kernel interface it attaches, belongs to that host only. Two lab hosts can both have
#     "br-int" without clashing.
#   * ovsdb-server runs in the ROOT namespace. It has no datapath; running it in the root namespace lets
#     it reach an ODL manager listening on 127.0.0.1 (set-manager tcp:127.0.0.1:6640) and lets a ptcp:
#     listener on 127.0.0.1 be reached from the ODL/test JVM, using loopback only. A process inside the
#     netns could not reach the root namespace's loopback.
#   * ovs-vswitchd talks to ovsdb-server over the unix socket <dir>/run/db.sock; unix sockets are file
#     system objects, so this works across network namespaces.
#   * ovs-ofctl reaches the bridges through <dir>/run/<bridge>.mgmt (unix sockets too).
#
# State: <dir>/{db,run,log,etc}; OVS_RUNDIR/OVS_DBDIR/OVS_LOGDIR/OVS_SYSCONFDIR point there, so nothing
# touches the system's own Open vSwitch. Extra ovsdb-server remotes (for instance "ptcp:16640:127.0.0.1")
# can be given at start in WL_OVSDB_REMOTES (space separated); they are remembered for restart-ovsdb.
#
# OpenFlow link (WL_OF_LINK=<n> at start, n an integer 1..16000, unique per lab host on the machine): ovs-vswitchd
# in the namespace cannot reach ODL's OpenFlow port on the root namespace's 127.0.0.1, so start makes a veth pair,
# "wl-of<n>" in the root namespace and "of0" in wl-<host-id>, with the /30 169.254.A.B/30 where
# A.B = 256 + 4*n as a 16-bit number (A = (256+4n) >> 8, B = (256+4n) & 255): the root side gets .B+1, the
# namespace side .B+2 (n=1: 169.254.1.5 and .6; n=16000: 169.254.251.1 and .2). Every n has its own /30 and none
# touches 169.254.0.0/24 or 169.254.255.0/24 (reserved by RFC 3927). Only the /30 is reachable over it (no
# default route, no forwarding; IPv6 is off on both sides). start then sets the host's
# external_ids:odl-wiring-controller=tcp:<root side>:6653, so the OVSDB renderer points br-int at ODL's OpenFlow
# listener (which binds every address) through the link. n is remembered in <dir>/of-link: a later start without
# WL_OF_LINK re-applies it, WL_OF_LINK=off removes link and key, stop removes the link. A root side "wl-of<n>"
# that is paired with another namespace belongs to another lab host: start refuses to take it.
#
# Every command is idempotent: start on a running host only applies the manager target (and the OpenFlow link),
# stop on a stopped host does nothing. Processes are stopped by the pid in their own pidfile only.
set -euo pipefail

SCHEMA=${WL_OVS_SCHEMA:-/usr/share/openvswitch/vswitch.ovsschema}

die() {
    echo "lab-host.sh: $*" >&2
    exit 1
}

usage() {
    sed -n '11,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ $# -ge 3 ]] || usage
CMD=$1
HOST_ID=$2
DIR_ARG=$3
shift 3

[[ $HOST_ID =~ ^[A-Za-z0-9_.-]{1,40}$ ]] || die "invalid host-id '$HOST_ID' (letters, digits, '_', '.', '-')"
NS="wl-$HOST_ID"

mkdir -p "$DIR_ARG"
DIR=$(cd "$DIR_ARG" && pwd)
export OVS_RUNDIR="$DIR/run"
export OVS_DBDIR="$DIR/db"
export OVS_LOGDIR="$DIR/log"
export OVS_SYSCONFDIR="$DIR/etc"
DB_FILE="$OVS_DBDIR/conf.db"
DB_SOCK="$OVS_RUNDIR/db.sock"
OVSDB_PID="$OVS_RUNDIR/ovsdb-server.pid"
OVSDB_CTL="$OVS_RUNDIR/ovsdb-server.ctl"
VSWITCHD_PID="$OVS_RUNDIR/ovs-vswitchd.pid"
VSWITCHD_CTL="$OVS_RUNDIR/ovs-vswitchd.ctl"
REMOTES_FILE="$DIR/ovsdb-remotes"
OF_LINK_FILE="$DIR/of-link"
OF_NS_IF=of0
OF_PORT=6653
OF_KEY=odl-wiring-controller

need() {
    command -v "$1" > /dev/null 2>&1 || die "'$1' not found (apt-get install -y openvswitch-switch iproute2)"
}

ns_exists() {
    ip netns list 2> /dev/null | awk '{print $1}' | grep -qx -- "$NS"
}

# daemon_running <ctl-socket>: true when the daemon answers on its control socket
daemon_running() {
    [[ -S $1 ]] && ovs-appctl -t "$1" version > /dev/null 2>&1
}

# stop_daemon <name> <ctl-socket> <pidfile>
stop_daemon() {
    local name=$1 ctl=$2 pidfile=$3 pid=""
    [[ -f $pidfile ]] && pid=$(cat "$pidfile" 2> /dev/null || true)
    if daemon_running "$ctl"; then
        ovs-appctl -t "$ctl" exit > /dev/null 2>&1 || true
    fi
    if [[ -n $pid ]] && [[ -d /proc/$pid ]] && grep -qa -- "$name" "/proc/$pid/cmdline" 2> /dev/null; then
        local i
        for i in $(seq 1 50); do
            [[ -d /proc/$pid ]] || break
            [[ $i -eq 20 ]] && kill -TERM "$pid" 2> /dev/null || true
            sleep 0.1
        done
        if [[ -d /proc/$pid ]]; then
            kill -KILL "$pid" 2> /dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "$pidfile" "$ctl"
}

start_ovsdb() {
    if daemon_running "$OVSDB_CTL"; then
        return 0
    fi
    local remotes=()
    if [[ -f $REMOTES_FILE ]]; then
        read -r -a remotes < "$REMOTES_FILE" || true
    fi
    # TLS material comes from the SSL table (ovs-vsctl set-ssl KEY CERT CA), as with the distribution's ovs-ctl.
    local args=("$DB_FILE" "--remote=punix:$DB_SOCK" "--remote=db:Open_vSwitch,Open_vSwitch,manager_options"
        "--private-key=db:Open_vSwitch,SSL,private_key" "--certificate=db:Open_vSwitch,SSL,certificate"
        "--ca-cert=db:Open_vSwitch,SSL,ca_cert")
    local r
    for r in "${remotes[@]+"${remotes[@]}"}"; do
        args+=("--remote=$r")
    done
    rm -f "$DB_SOCK"
    ovsdb-server "${args[@]}" --pidfile="$OVSDB_PID" --unixctl="$OVSDB_CTL" --detach --no-chdir \
        -vconsole:off --log-file="$OVS_LOGDIR/ovsdb-server.log" \
        || die "ovsdb-server failed to start for $HOST_ID (see $OVS_LOGDIR/ovsdb-server.log)"
}

start_vswitchd() {
    if ! daemon_running "$VSWITCHD_CTL"; then
        ip netns exec "$NS" ovs-vswitchd "unix:$DB_SOCK" --pidfile="$VSWITCHD_PID" --unixctl="$VSWITCHD_CTL" \
            --detach --no-chdir -vconsole:off --log-file="$OVS_LOGDIR/ovs-vswitchd.log" \
            || die "ovs-vswitchd failed to start for $HOST_ID (see $OVS_LOGDIR/ovs-vswitchd.log)"
    fi
}

vsctl() {
    ovs-vsctl --db="unix:$DB_SOCK" --timeout=30 "$@"
}

# of_link_n: the OpenFlow link number to apply at start (WL_OF_LINK, else the remembered one), "off", or empty
of_link_n() {
    local n=${WL_OF_LINK:-}
    if [[ -z $n ]] && [[ -f $OF_LINK_FILE ]]; then
        n=$(cat "$OF_LINK_FILE")
    fi
    if [[ -n $n ]] && [[ $n != off ]]; then
        [[ $n =~ ^[1-9][0-9]{0,4}$ ]] && ((n <= 16000)) \
            || die "invalid WL_OF_LINK '$n' (an integer 1..16000, or off)"
    fi
    echo "$n"
}

# of_link_ip <n> <1|2>: the root side (1) or namespace side (2) address of link n
of_link_ip() {
    local base=$((256 + 4 * $1))
    echo "169.254.$((base >> 8)).$(((base & 255) + $2))"
}

# if_index_and_peer <ip link show output line>: "<ifindex> <peer ifindex>" of a veth, empty if not a veth line
if_index_and_peer() {
    sed -n 's/^\([0-9]*\): [^@:]*@if\([0-9]*\):.*/\1 \2/p' <<< "$1"
}

# of_link_paired <root-if>: true when <root-if> and our namespace's of0 are the two ends of one veth pair
of_link_paired() {
    local root ns
    root=$(ip -o link show dev "$1" 2> /dev/null) || return 1
    ns=$(ip -n "$NS" -o link show dev "$OF_NS_IF" 2> /dev/null) || return 1
    if [[ $root =~ link-netns\ ([^ ]+) ]] && [[ ${BASH_REMATCH[1]} != "$NS" ]]; then
        return 1
    fi
    local r n
    r=($(if_index_and_peer "$root"))
    n=($(if_index_and_peer "$ns"))
    [[ ${#r[@]} -eq 2 ]] && [[ ${#n[@]} -eq 2 ]] && [[ ${r[0]} == "${n[1]}" ]] && [[ ${r[1]} == "${n[0]}" ]]
}

# of_link_up <n>: create (or fix) the veth pair of link n and its addresses; idempotent
of_link_up() {
    local n=$1 root_if="wl-of$1" root_ip ns_ip
    root_ip=$(of_link_ip "$n" 1)
    ns_ip=$(of_link_ip "$n" 2)
    if ! of_link_paired "$root_if"; then
        if ip link show dev "$root_if" > /dev/null 2>&1; then
            # its other end lives in another namespace (a deleted namespace takes the pair with it)
            die "$root_if exists and is not paired with $OF_NS_IF in $NS: WL_OF_LINK=$n is taken by another lab host"
        fi
        # our of0 of another (earlier) link number goes, and with it the old pair
        ip -n "$NS" link del "$OF_NS_IF" 2> /dev/null || true
        ip link add "$root_if" type veth peer name "$OF_NS_IF" netns "$NS"
    fi
    # only the /30: no IPv6 (no link-local routes either), no other address
    echo 1 > "/proc/sys/net/ipv6/conf/$root_if/disable_ipv6" 2> /dev/null || true
    ip netns exec "$NS" sh -c "echo 1 > /proc/sys/net/ipv6/conf/$OF_NS_IF/disable_ipv6" 2> /dev/null || true
    if [[ $(ip -o -4 addr show dev "$root_if" | awk '{print $4}') != "$root_ip/30" ]]; then
        ip addr flush dev "$root_if"
        ip addr add "$root_ip/30" dev "$root_if"
    fi
    if [[ $(ip -n "$NS" -o -4 addr show dev "$OF_NS_IF" | awk '{print $4}') != "$ns_ip/30" ]]; then
        ip -n "$NS" addr flush dev "$OF_NS_IF"
        ip -n "$NS" addr add "$ns_ip/30" dev "$OF_NS_IF"
    fi
    ip link set "$root_if" up
    ip -n "$NS" link set "$OF_NS_IF" up
    echo "$n" > "$OF_LINK_FILE"
}

# of_link_down: remove our link (only the root side paired with our of0: never another host's), forget it
of_link_down() {
    local n=""
    [[ -f $OF_LINK_FILE ]] && n=$(cat "$OF_LINK_FILE")
    if [[ $n =~ ^[0-9]+$ ]] && of_link_paired "wl-of$n"; then
        ip link del "wl-of$n"
    fi
    if ns_exists; then
        ip -n "$NS" link del "$OF_NS_IF" 2> /dev/null || true
    fi
}

cmd_start() {
    local manager=${1:-}
    need ovsdb-server
    need ovs-vswitchd
    need ovs-vsctl
    need ip
    [[ $(id -u) -eq 0 ]] || die "must run as root (network namespaces)"
    local of_link
    of_link=$(of_link_n)
    mkdir -p "$OVS_RUNDIR" "$OVS_DBDIR" "$OVS_LOGDIR" "$OVS_SYSCONFDIR/openvswitch"

    if ! ns_exists; then
        ip netns add "$NS"
    fi
    ip netns exec "$NS" ip link set lo up
    if [[ $of_link == off ]]; then
        of_link_down
        rm -f "$OF_LINK_FILE"
    elif [[ -n $of_link ]]; then
        of_link_up "$of_link"
    fi

    if [[ ! -f $DB_FILE ]]; then
        ovsdb-tool create "$DB_FILE" "$SCHEMA"
    fi
    if [[ -n ${WL_OVSDB_REMOTES:-} ]]; then
        echo "$WL_OVSDB_REMOTES" > "$REMOTES_FILE"
    fi
    start_ovsdb

    vsctl --no-wait init
    # What ovs-ctl would record: identity and versions.
    local ovs_version db_version
    ovs_version=$(ovs-vswitchd --version | awk 'NR == 1 {print $NF}')
    db_version=$(ovsdb-tool schema-version "$SCHEMA")
    vsctl --no-wait set Open_vSwitch . "external_ids:system-id=$HOST_ID" "external_ids:hostname=$HOST_ID" \
        "ovs_version=$ovs_version" "db_version=$db_version"
    # before the manager: the renderer's first look at the host already sees its controller target
    if [[ $of_link == off ]]; then
        vsctl --no-wait remove Open_vSwitch . external_ids "$OF_KEY"
    elif [[ -n $of_link ]]; then
        vsctl --no-wait set Open_vSwitch . "external_ids:$OF_KEY=tcp:$(of_link_ip "$of_link" 1):$OF_PORT"
    fi
    if [[ -n $manager ]]; then
        vsctl --no-wait set-manager "$manager"
    fi

    start_vswitchd
    # Without --no-wait, ovs-vsctl returns once ovs-vswitchd has applied the configuration: a readiness check.
    vsctl set Open_vSwitch . "external_ids:wl-lab-ready=true" > /dev/null
    local link=""
    if [[ -n $of_link ]] && [[ $of_link != off ]]; then
        link=", OpenFlow link wl-of$of_link $(of_link_ip "$of_link" 1) <-> $OF_NS_IF $(of_link_ip "$of_link" 2)"
    fi
    echo "lab host $HOST_ID up: netns $NS, db unix:$DB_SOCK, state $DIR$link"
}

cmd_stop() {
    stop_daemon ovs-vswitchd "$VSWITCHD_CTL" "$VSWITCHD_PID"
    stop_daemon ovsdb-server "$OVSDB_CTL" "$OVSDB_PID"
    of_link_down
    if ns_exists; then
        ip netns del "$NS"
    fi
    echo "lab host $HOST_ID stopped"
}

cmd_restart_ovsdb() {
    [[ -f $DB_FILE ]] || die "no database for $HOST_ID in $DIR (start it first)"
    stop_daemon ovsdb-server "$OVSDB_CTL" "$OVSDB_PID"
    start_ovsdb
    echo "ovsdb-server of $HOST_ID restarted"
}

# restart-vswitchd: stop and start ovs-vswitchd (the database and its ofports stay). The flow tables start empty, as
# after a crash: OVS also flushes a bridge's flows when it gets its first controller, so flows restored behind
# other_config:flow-restore-wait would not survive on a bridge with a controller (checked with OVS 3.1).
cmd_restart_vswitchd() {
    daemon_running "$VSWITCHD_CTL" || die "ovs-vswitchd of $HOST_ID is not running"
    stop_daemon ovs-vswitchd "$VSWITCHD_CTL" "$VSWITCHD_PID"
    start_vswitchd
    vsctl set Open_vSwitch . "external_ids:wl-lab-ready=true" >/dev/null
    echo "ovs-vswitchd of $HOST_ID restarted"
}

cmd_status() {
    local rc=0
    if ns_exists; then echo "netns $NS: present"; else echo "netns $NS: absent"; rc=1; fi
    if daemon_running "$OVSDB_CTL"; then echo "ovsdb-server: running"; else echo "ovsdb-server: stopped"; rc=1; fi
    if daemon_running "$VSWITCHD_CTL"; then echo "ovs-vswitchd: running"; else echo "ovs-vswitchd: stopped"; rc=1; fi
    return $rc
}

case $CMD in
    start) cmd_start "$@" ;;
    stop) cmd_stop ;;
    restart-ovsdb) cmd_restart_ovsdb ;;
    restart-vswitchd) cmd_restart_vswitchd ;;
    status) cmd_status ;;
    vsctl) vsctl "$@" ;;
    ofctl) ovs-ofctl "$@" ;;
    appctl) ovs-appctl -t "$VSWITCHD_CTL" "$@" ;;
    exec)
        [[ $# -ge 1 ]] || die "exec needs a command"
        ip netns exec "$NS" "$@"
        ;;
    *) usage ;;
esac
