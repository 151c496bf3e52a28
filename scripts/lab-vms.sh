#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# lab-vms.sh: the wires and "VMs" of the lab, so that the OpenFlow pipeline has something to carry.
#
# Usage:
#   lab-vms.sh up <lab-dir>      fabric, underlay, physnet1 uplinks and the demo VMs (idempotent)
#   lab-vms.sh ping <lab-dir>    ping between the demo VMs: over a Geneve tunnel and over VLAN 100 of physnet1
#   lab-vms.sh down <lab-dir>    remove the VM and fabric namespaces (the lab hosts keep running)
#
# What it builds, all inside namespaces of the lab (nothing is routed out of them):
#   * netns wl-fabric: two Linux bridges, "underlay" (the hosts' tunnel endpoints, 192.168.121.0/24 of
#     docs/examples/tunneling.json) and "physnet1" (the wire of the VLAN provider network ext-vlan100);
#   * per lab host an operator bridge br-phy (datapath netdev) holding the tunnel endpoint address, its uplink
#     ul0 to the fabric's underlay bridge (OVS's userspace tunnels route and resolve the remote endpoint through
#     an OVS bridge, as with OVS-DPDK); a host with a br-vlan also gets pn1, br-vlan's uplink to physnet1;
#   * per logical port of the examples (docs/examples/tunneling.json, docs/examples/pipeline-demo/tunneling.json) a
#     namespace wl-vm-<port> whose eth0 carries the port's MAC and addresses; the veth's other end t-<port> (cut
#     to 15 characters) is on the host's br-int with external_ids:iface-id=<port>, as Nova/os-vif would plug it.
# br-phy, ul0, pn1 and the t-<port> ports are the operator's: ODL Wiring leaves them alone.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FABRIC=wl-fabric
declare -A UNDERLAY=([rack-1-host-1]=192.168.121.78 [rack-1-host-2]=192.168.121.79 [rack-2-host-1]=192.168.121.135)
HOSTS=(rack-1-host-1 rack-1-host-2 rack-2-host-1)
# port host mac addresses/prefix (comma separated): the example's ports (docs/examples/tunneling.json) and the demo's
VMS=(
    "vm1-port rack-1-host-2 fa:16:3e:6a:2e:01 172.24.4.92/24,2001:db8::21c/64"
    "c46f95fa-6070-4364-bad7-d7ef8e95dd06 rack-2-host-1 fa:16:3e:0b:99:2b 10.0.0.95/26"
    "vip-parent-1 rack-1-host-1 fa:16:00:00:00:11 192.168.0.11/24"
    "demo-tun-1 rack-1-host-1 fa:16:3e:d0:00:01 192.168.0.21/24"
    "demo-tun-2 rack-1-host-2 fa:16:3e:d0:00:02 192.168.0.22/24"
    "demo-vlan-1 rack-1-host-1 fa:16:3e:d0:01:01 10.100.0.11/24"
    "demo-vlan-2 rack-2-host-1 fa:16:3e:d0:01:02 10.100.0.12/24"
)

die() {
    echo "lab-vms.sh: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || { sed -n '11,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
CMD=$1
LAB=$2

vsctl() {
    "$ROOT/scripts/lab-host.sh" vsctl "$1" "$LAB/$1" "${@:2}"
}

ns_exists() {
    ip netns list 2>/dev/null | awk '{print $1}' | grep -qx -- "$1"
}

link_in() {   # <netns> <link>
    ip -n "$1" link show "$2" >/dev/null 2>&1
}

# uplink <host> <index> <ovs-bridge> <host-side> <fabric-bridge>: a veth from the host's bridge to the fabric
uplink() {
    local host=$1 index=$2 bridge=$3 side=$4 fabric_bridge=$5
    local far="${side}-h${index}"
    if ! link_in "wl-$host" "$side"; then
        ip -n "wl-$host" link add "$side" type veth peer name "$far" netns "$FABRIC"
    fi
    ip -n "$FABRIC" link set "$far" master "$fabric_bridge" up
    ip -n "wl-$host" link set "$side" up
    vsctl "$host" --may-exist add-port "$bridge" "$side" >/dev/null
}

cmd_up() {
    local host i
    for host in "${HOSTS[@]}"; do
        ns_exists "wl-$host" || die "lab host $host is not running (scripts/run.sh starts the lab)"
    done
    ns_exists "$FABRIC" || ip netns add "$FABRIC"
    ip -n "$FABRIC" link set lo up
    for br in underlay physnet1; do
        link_in "$FABRIC" "$br" || ip -n "$FABRIC" link add "$br" type bridge
        ip -n "$FABRIC" link set "$br" up
    done
    for i in "${!HOSTS[@]}"; do
        host=${HOSTS[$i]}
        vsctl "$host" --may-exist add-br br-phy -- set bridge br-phy datapath_type=netdev >/dev/null
        uplink "$host" "$i" br-phy ul0 underlay
        ip -n "wl-$host" link set br-phy up
        ip -n "wl-$host" addr replace "${UNDERLAY[$host]}/24" dev br-phy
    done
    # br-vlan is ODL's (provider bridge of physnet1): wait for it, then give it its wire
    local waited=0
    for i in "${!HOSTS[@]}"; do
        host=${HOSTS[$i]}
        if [[ $host == rack-1-host-2 ]]; then
            continue
        fi
        while ! vsctl "$host" br-exists br-vlan 2>/dev/null; do
            ((waited++ < 60)) || die "$host has no br-vlan after 60 s (is physnet1 mapped on it?)"
            sleep 1
        done
        uplink "$host" "$i" br-vlan pn1 physnet1
    done
    local vm port mac cidrs cidr ns tap
    for vm in "${VMS[@]}"; do
        read -r port host mac cidrs <<<"$vm"
        ns="wl-vm-$port"
        tap="t-${port:0:12}"   # interface names have at most 15 characters
        ns_exists "$ns" || ip netns add "$ns"
        ip -n "$ns" link set lo up
        if ! link_in "wl-$host" "$tap"; then
            ip -n "wl-$host" link add "$tap" type veth peer name eth0 netns "$ns"
        fi
        ip -n "$ns" link set eth0 address "$mac"
        for cidr in ${cidrs//,/ }; do
            if [[ $cidr == *:* ]]; then
                ip -n "$ns" addr replace "$cidr" dev eth0 nodad
            else
                ip -n "$ns" addr replace "$cidr" dev eth0
            fi
        done
        ip -n "$ns" link set eth0 up
        ip -n "wl-$host" link set "$tap" up
        vsctl "$host" --may-exist add-port br-int "$tap" -- set interface "$tap" \
            "external_ids:iface-id=$port" >/dev/null
        echo "  VM $port on $host: netns $ns, eth0 $mac $cidrs, br-int port $tap (iface-id $port)"
    done
    # userspace tunnels resolve the remote endpoint's MAC from ARP seen on br-phy: let every host learn the others
    local other
    for host in "${HOSTS[@]}"; do
        for other in "${HOSTS[@]}"; do
            [[ $host == "$other" ]] || ip netns exec "wl-$host" ping -n -c 1 -W 1 "${UNDERLAY[$other]}" >/dev/null \
                || true
        done
    done
}

# vm_ping <from-port> <to-address>: prints ping's summary; retries while the first packets wait for ARP and flows
vm_ping() {
    local from=$1 to=$2 out attempt
    for attempt in $(seq 1 20); do
        if out=$(ip netns exec "wl-vm-$from" ping -n -c 3 -i 0.2 -W 1 "$to" 2>&1) \
                && grep -q ' 0% packet loss' <<<"$out"; then
            grep -E 'packets transmitted|rtt' <<<"$out" | sed "s/^/    /"
            return 0
        fi
        sleep 1
    done
    echo "$out" | tail -3 | sed "s/^/    /"
    return 1
}

cmd_ping() {
    local rc=0
    echo "  demo-tun-1 (rack-1-host-1) -> demo-tun-2 (rack-1-host-2) 192.168.0.22, overlay private over Geneve:"
    vm_ping demo-tun-1 192.168.0.22 || rc=1
    echo "  demo-vlan-1 (rack-1-host-1) -> demo-vlan-2 (rack-2-host-1) 10.100.0.12, provider ext-vlan100 (VLAN 100):"
    vm_ping demo-vlan-1 10.100.0.12 || rc=1
    return $rc
}

cmd_down() {
    local vm port ns
    for vm in "${VMS[@]}"; do
        read -r port _ <<<"$vm"
        ns="wl-vm-$port"
        ! ns_exists "$ns" || ip netns del "$ns"
    done
    ! ns_exists "$FABRIC" || ip netns del "$FABRIC"
}

case "$CMD" in
    up) cmd_up ;;
    ping) cmd_ping ;;
    down) cmd_down ;;
    *) die "unknown command '$CMD' (up, ping, down)" ;;
esac
