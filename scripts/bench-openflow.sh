#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Benchmark of the OpenFlow pipeline (issue 7): N logical ports on 4 hosts (needs root).
#
# Uses the running ODL, or starts the built distribution (WIRING_KARAF, default karaf-distribution/target/assembly
# of this tree; never builds) and stops it again at the end. Starts lab hosts bench-of-1..4 (OVS in the network
# namespaces wl-bench-of-<i>, state in lab/bench/bench-of-<i>, connected to ODL's OVSDB listener, br-int reaching
# ODL's OpenFlow port through the link WL_OF_LINK=199+i), declares them provider hosts (datapath netdev) with VXLAN
# tunnel endpoints 10.95.0.<i> (no underlay: the tunnel ports only need their ofports) and the overlay networks
# bench-net-<j> (j = 1..BENCH_NETWORKS, default 4; VNI 4000+j). A logical port bench-of-NNNNN (index k) is bound to
# bench-of-<k % 4 + 1> and is in bench-net-<(k / 4) % BENCH_NETWORKS + 1> (several networks: with one, 10000 ports
# make a flood group of 2500 buckets per host, beyond OpenFlow's 64 KiB message); its "VM
# interface" is the patch port bof-NNNNN on br-int (external_ids:iface-id=bench-of-NNNNN) whose peer bov-NNNNN sits on
# the scratch bridge br-vms: no kernel device, an ofport at once. Every patch pair is created up front (one OVSDB
# transaction per host) and ODL's ovsdb-state must list them all before the first clock starts. For each N:
#   converge   one RESTCONF PATCH adds N ports (10.96.0.0/16, unique MACs); time from just before it until the flows
#              of ours (cookie 0x0d1c...) on the 4 br-int reach their final count (flows_s), and until every one of
#              the N ports' status is "programmed" (programmed_s; the renderer reports programmed only when the
#              switch's statistics show exactly the wanted set). The final count is the one at "programmed".
#   baseline   each host's converged flows and groups (dump-flows/dump-groups) loaded into a fresh scratch bridge
#              br-ofb of the same ovs-vswitchd (netdev, fail_mode=secure, no controller) with ovs-ofctl add-groups
#              and --bundle add-flows, the 4 hosts in parallel; the wall time, and a count check
#   one port   (at the largest N, also when it did not reach programmed) one more PATCH with one port (bench-of-<N>,
#              on bench-of-1): until its MAC's flows are on its host, on all 4 hosts, and its status is programmed
#   withdraw   one RESTCONF PUT of the tunneling intents without the bench ports: until every br-int is back to the
#              flows it had before
# Nothing is created in the root namespace but the OpenFlow links lab-host.sh manages. At the end (and on error) the
# tunneling intents are put back as they were, the provider hosts deleted and the lab hosts stopped.
#
#   scripts/bench-openflow.sh [N ...]      default: 100 1000 10000
#   BENCH_TIMEOUT (seconds, default 600) bounds every wait; BENCH_ONE_PORT=0 skips the one-port measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${WIRING_URL:-http://127.0.0.1:8181}
AUTH=${WIRING_AUTH:-admin:admin}
KARAF=${WIRING_KARAF:-$ROOT/karaf-distribution/target/assembly}
LABSH=$ROOT/scripts/lab-host.sh
BENCH=$ROOT/lab/bench
WORK=$BENCH/bench-of
HOSTS=4
NETS=${BENCH_NETWORKS:-4}
OF_LINK_BASE=199            # bench-of-<i> uses WL_OF_LINK=199+i (run.sh's lab 1..99, the it/ tests 100..199)
COOKIE=0x0d1c000000000000/0xffffffff00000000
TIMEOUT=${BENCH_TIMEOUT:-600}
ONE_PORT=${BENCH_ONE_PORT:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1000 10000)

[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
MAX=0
for n in "${SIZES[@]}"; do
    [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge "$HOSTS" ] && [ "$n" -le 60000 ] \
        || { echo "N must be $HOSTS..60000: $n" >&2; exit 2; }
    [ "$n" -le "$MAX" ] || MAX=$n
done

REST_OUT=$WORK/rest.out
REST_MAX_TIME=300
# shellcheck source=scripts/bench-lib.sh
. "$ROOT/scripts/bench-lib.sh"
host() { echo "bench-of-$1"; }
hdir() { echo "$BENCH/bench-of-$1"; }
vsctl() { ovs-vsctl --db="unix:$(hdir "$1")/run/db.sock" --timeout=60 "${@:2}"; }
ofctl() { OVS_RUNDIR=$(hdir "$1")/run ovs-ofctl -O OpenFlow13 "${@:2}"; }
get() {   # path: the body (empty on failure)
    curl -s --max-time 120 -u "$AUTH" "$URL/rests/data/$1" || true
}
running() {
    case "$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -u "$AUTH" \
        "$URL/rests/data/wiring-provider:provider-networks" || true)" in 200|409) return 0 ;; *) return 1 ;; esac
}
wait_for() {   # description command...: runs the command until it succeeds; fails after TIMEOUT
    local what=$1 deadline
    shift
    deadline=$(($(date +%s) + TIMEOUT))
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out after $TIMEOUT s waiting for $what" >&2; return 1; }
        sleep 0.5
    done
}

# ODL: the running one, else the built distribution (started here, stopped at the end; never built here)
KARAF_PID=
start_odl() {
    running && return 0
    [ -x "$KARAF/bin/start" ] || { echo "ODL is not running and there is no distribution at $KARAF" \
        "(set WIRING_KARAF)" >&2; exit 1; }
    pgrep -f "karaf.base=$KARAF" >/dev/null && { echo "a Karaf of $KARAF runs but RESTCONF does not answer" >&2; exit 1; }
    echo "Starting Karaf from $KARAF" >&2
    "$KARAF/bin/start"
    for _ in $(seq 30); do KARAF_PID=$(pgrep -f "karaf.base=$KARAF" | head -n 1 || true); [ -z "$KARAF_PID" ] || break
        sleep 1; done
    local deadline=$((SECONDS + 120)) restarted=0
    until running; do
        if [ $SECONDS -ge $deadline ] && [ $restarted = 0 ]; then
            # as run.sh: AAA 0.18.6 can miss its password service on a first boot; one restart recovers
            echo "RESTCONF does not answer: restarting Karaf once" >&2
            timeout 60 "$KARAF/bin/stop" >/dev/null 2>&1 || true
            for _ in $(seq 60); do [ -d "/proc/$KARAF_PID" ] || break; sleep 1; done
            "$KARAF/bin/start"
            sleep 5
            KARAF_PID=$(pgrep -f "karaf.base=$KARAF" | head -n 1 || true)
            restarted=1
            deadline=$((SECONDS + 180))
        fi
        [ $SECONDS -lt $deadline ] || { echo "RESTCONF did not come up; see $KARAF/data/log/karaf.log" >&2; exit 1; }
        sleep 2
    done
}
stop_odl() {
    [ -n "$KARAF_PID" ] || return 0
    timeout 60 "$KARAF/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 30); do [ -d "/proc/$KARAF_PID" ] || break; sleep 1; done
    [ -d "/proc/$KARAF_PID" ] && kill -9 "$KARAF_PID" 2>/dev/null || true
    KARAF_PID=
}

# our flows on one host's br-int (a flow count from the switch, no dump)
flows_of() {
    ofctl "$1" dump-aggregate br-int "cookie=$COOKIE" 2>/dev/null | sed -n 's/.*flow_count=\([0-9]*\).*/\1/p' || true
}
all_flows() {   # "total f1 f2 f3 f4"
    local i c t=0 out=""
    for i in $(seq "$HOSTS"); do
        c=$(flows_of "$i")
        c=${c:-0}
        t=$((t + c))
        out+=" $c"
    done
    echo "$t$out"
}
status_of() {   # logical port id: its state
    get "wiring-tunnel:tunneling/logical-port=$1/status?content=nonconfig" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(list(d.values())[0].get("state",""))' \
        2>/dev/null || true
}
port_id() { printf 'bench-of-%05d' "$1"; }
mac_of() { printf 'fa:16:3e:95:%02x:%02x' $(($1 >> 8)) $(($1 & 255)); }
# the states of the bench ports among the first n: "programmed=x pending=y ..."
states() {
    get "wiring-tunnel:tunneling?content=nonconfig" | python3 -c '
import collections, json, sys
n = int(sys.argv[1])
want = {f"bench-of-{i:05d}" for i in range(n)}
try:
    ports = json.load(sys.stdin)["wiring-tunnel:tunneling"].get("logical-port", [])
except Exception:
    ports = []
c = collections.Counter(p.get("status", {}).get("state", "none") for p in ports if p.get("id") in want)
c["absent"] = len(want) - sum(c.values())
print(" ".join(f"{k}={v}" for k, v in sorted(c.items()) if v))' "$1"
}
openflow_report() {   # host index: the OpenFlow renderer's state and reason for it
    get "wiring-plan:realization/host=$(host "$1")/renderer=openflow?content=nonconfig" | python3 -c '
import json, sys
try:
    r = list(json.load(sys.stdin).values())[0][0]
    print(r.get("state"), "-", r.get("reason", "")[:300])
except Exception:
    print("no report")' 2>/dev/null || true
}

cleanup() {
    local rc=$?
    trap - EXIT
    if [ -f "$WORK/original.json" ] && running; then
        [[ $(rest PUT wiring-tunnel:tunneling "$WORK/original.json") == 20[14] ]] \
            || [[ $(rest PUT wiring-tunnel:tunneling "$WORK/original.json") == 20[14] ]] \
            || echo "could not restore the tunneling intents (see $WORK/original.json)" >&2
        for i in $(seq "$HOSTS"); do
            rest DELETE "wiring-provider:provider-networks/host=$(host "$i")" >/dev/null
        done
        # openflowplugin's config inventory is persistent: Karaf must not stop before the renderer emptied the
        # bench switches' nodes (a lab host made again gets the same datapath id, and FRM would replay them)
        local node left=()
        for i in $(seq "$HOSTS"); do
            node=$(vsctl "$i" get Bridge br-int datapath_id 2>/dev/null | tr -d '"') || continue
            # datapath ids use all 64 bits: shell arithmetic is signed
            [ -n "$node" ] && left+=("openflow:$(python3 -c "print(int('$node', 16))")")
        done
        config_clean() {
            local n
            for n in "${left[@]}"; do
                get "opendaylight-inventory:nodes/node=$n?content=config" | grep -q '"flow"' && return 1
            done
            return 0
        }
        TIMEOUT=120 wait_for "the renderer to empty the bench switches' config inventory" config_clean \
            || for n in "${left[@]}"; do
                echo "removing the config inventory node $n the renderer left" >&2
                rest DELETE "opendaylight-inventory:nodes/node=$n" >/dev/null
            done
    fi
    for i in $(seq "$HOSTS"); do
        "$LABSH" stop "$(host "$i")" "$(hdir "$i")" >/dev/null 2>&1 || true
    done
    stop_odl
    exit $rc
}

mkdir -p "$WORK"
rm -f "$WORK"/*.json
trap cleanup EXIT
trap "exit 143" TERM INT
start_odl

# 1. the intents: the tunneling as it was (bench leftovers of an aborted run removed), then with the bench's
#    endpoints and network (base.json: what the withdraw puts back), the provider hosts
code=$(rest GET "wiring-tunnel:tunneling?content=config")
case "$code" in 200) cp "$WORK/rest.out" "$WORK/original-raw.json" ;; 404|409) echo '{}' >"$WORK/original-raw.json" ;;
    *) echo "GET tunneling -> HTTP $code" >&2; exit 1 ;; esac
python3 - "$WORK" "$HOSTS" "$NETS" <<'PY'
import json, sys
work, hosts, nets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
raw = json.load(open(f"{work}/original-raw.json"))
t = raw.get("wiring-tunnel:tunneling", {})
t["logical-port"] = [p for p in t.get("logical-port", []) if not p["id"].startswith("bench-of-")]
t["tunnel-endpoint"] = [e for e in t.get("tunnel-endpoint", []) if not e["host-id"].startswith("bench-of-")]
t["overlay-network"] = [o for o in t.get("overlay-network", []) if not o["name"].startswith("bench-net")]
t = {k: v for k, v in t.items() if v != []}
json.dump({"wiring-tunnel:tunneling": t}, open(f"{work}/original.json", "w"))
b = json.loads(json.dumps(t))
b.setdefault("tunnel-endpoint", []).extend({"host-id": f"bench-of-{i}", "tunnel-type": "vxlan",
                                            "local-ip": f"10.95.0.{i}"} for i in range(1, hosts + 1))
b.setdefault("overlay-network", []).extend({"name": f"bench-net-{j}", "tunnel-type": "vxlan", "segmentation-id": 4000 + j}
                                           for j in range(1, nets + 1))
json.dump({"wiring-tunnel:tunneling": b}, open(f"{work}/base.json", "w"))
json.dump({"wiring-provider:provider-networks": {"host": [{"host-id": f"bench-of-{i}", "datapath-type": "netdev"}
                                                          for i in range(1, hosts + 1)]}},
          open(f"{work}/provider.json", "w"))
PY
must 200 201 204 -- PUT wiring-tunnel:tunneling "$WORK/base.json"
must 200 201 204 -- PATCH wiring-provider:provider-networks "$WORK/provider.json"

echo "intents in place; starting the lab hosts" >&2
# 2. the lab hosts, fresh; br-int (made by the OVSDB renderer) connected to ODL, its 3 tunnel ports with ofports
for i in $(seq "$HOSTS"); do
    "$LABSH" stop "$(host "$i")" "$(hdir "$i")" >/dev/null 2>&1 || true
    rm -rf "$(hdir "$i")"
    WL_OF_LINK=$((OF_LINK_BASE + i)) "$LABSH" start "$(host "$i")" "$(hdir "$i")" tcp:127.0.0.1:6640 >/dev/null
done
ready() {   # host index: br-int connected to the controller, its tunnel ports with ofports
    vsctl "$1" br-exists br-int 2>/dev/null || return 1
    vsctl "$1" --bare --columns=is_connected list Controller 2>/dev/null | grep -q true || return 1
    [ "$(vsctl "$1" --bare --columns=ofport find Interface type=vxlan 2>/dev/null | awk '$1 > 0' | wc -l)" \
        -eq $((HOSTS - 1)) ]
}
for i in $(seq "$HOSTS"); do wait_for "br-int of $(host "$i")" ready "$i"; done

# 3. the VM interfaces: patch pairs bof-NNNNN (br-int, iface-id) <-> bov-NNNNN (br-vms), one transaction per host,
#    for every port index 0..MAX (MAX: the one-port measurement's port)
make_ports() {   # host index
    vsctl "$1" --may-exist add-br br-vms -- set Bridge br-vms datapath_type=netdev fail_mode=secure
    python3 - "$(hdir "$1")/run/db.sock" "$1" "$HOSTS" "$MAX" <<'PY'
import json, socket, sys
sock, h, hosts, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ops, a, v = ["Open_vSwitch"], [], []
for k in range(h - 1, last + 1, hosts):
    p, q = f"bof-{k:05d}", f"bov-{k:05d}"
    ops += [{"op": "insert", "table": "Interface", "uuid-name": f"ia{k}", "row": {"name": p, "type": "patch",
             "options": ["map", [["peer", q]]], "external_ids": ["map", [["iface-id", f"bench-of-{k:05d}"]]]}},
            {"op": "insert", "table": "Port", "uuid-name": f"pa{k}", "row": {"name": p,
             "interfaces": ["named-uuid", f"ia{k}"]}},
            {"op": "insert", "table": "Interface", "uuid-name": f"iv{k}", "row": {"name": q, "type": "patch",
             "options": ["map", [["peer", p]]]}},
            {"op": "insert", "table": "Port", "uuid-name": f"pv{k}", "row": {"name": q,
             "interfaces": ["named-uuid", f"iv{k}"]}}]
    a.append(["named-uuid", f"pa{k}"])
    v.append(["named-uuid", f"pv{k}"])
for bridge, ports in (("br-int", a), ("br-vms", v)):
    ops.append({"op": "mutate", "table": "Bridge", "where": [["name", "==", bridge]],
                "mutations": [["ports", "insert", ["set", ports]]]})
s = socket.socket(socket.AF_UNIX)
s.connect(sock)
s.sendall(json.dumps({"method": "transact", "params": ops, "id": 1}).encode())
buf, dec = "", json.JSONDecoder()
while True:
    chunk = s.recv(1 << 20)
    if not chunk:
        sys.exit("ovsdb-server closed the connection")
    buf += chunk.decode()
    try:
        reply, _ = dec.raw_decode(buf.lstrip())
        break
    except ValueError:
        pass
errors = [r for r in reply.get("result") or [] if r and "error" in r]
if reply.get("error") or errors:
    sys.exit(f"transaction failed: {reply.get('error')} {errors[:3]}")
PY
}
expected_ports() { echo $(((MAX + 1 - $1) / HOSTS + 1)); }   # the patch pairs of host $1 (indices $1-1, +4, ..)
ports_up() {   # host index: every bof- port with an ofport > 0 and no error
    [ "$(vsctl "$1" --format=csv --data=bare --no-headings --columns=name,ofport list Interface \
        | awk -F, '$1 ~ /^bof-/ && $2 > 0' | wc -l)" -eq "$(expected_ports "$1")" ] \
        && [ -z "$(vsctl "$1" --bare --columns=name find Interface 'error!=[]')" ]
}
odl_sees_ports() {   # host index: ODL's ovsdb-state lists them all with ofports
    [ "$(get "wiring-ovsdb:ovsdb-state/host=$(host "$1")?content=nonconfig" | python3 -c '
import json, sys
try:
    h = list(json.load(sys.stdin).values())[0][0]
except Exception:
    h = {}
print(sum(1 for p in h.get("port", []) if p.get("bridge") == "br-int" and str(p.get("iface-id", "")).startswith(
    "bench-of-") and int(p.get("ofport", 0)) > 0))')" -eq "$(expected_ports "$1")" ]
}
echo "lab hosts connected; creating $((MAX + 1)) patch pairs" >&2
t_ports=$(now)
for i in $(seq "$HOSTS"); do make_ports "$i"; done
for i in $(seq "$HOSTS"); do wait_for "the patch ports of $(host "$i")" ports_up "$i"; done
t_ovs=$(now)
for i in $(seq "$HOSTS"); do wait_for "ODL's ovsdb-state of $(host "$i")" odl_sees_ports "$i"; done
details=("setup: $((MAX + 1)) patch pairs in 4 OVSDB transactions, ofports after $(elapsed "$t_ports" "$t_ovs") s,\
 in ODL's ovsdb-state after $(elapsed "$t_ports" "$(now)") s")

# 4. the flows of ours without bench ports (table-miss and pass-through flows), stable
stable_flows() {   # waits until the count holds for 3 s; prints it
    local last="" cur same=0 deadline=$(($(date +%s) + TIMEOUT))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        cur=$(all_flows)
        if [ "$cur" = "$last" ]; then same=$((same + 1)); else same=0; last=$cur; fi
        [ $same -lt 6 ] || { echo "$cur"; return 0; }
        sleep 0.5
    done
    echo "$cur"
}
echo "ports seen by ODL; waiting for a stable flow count" >&2
BASE=$(stable_flows)
BASE_TOTAL=${BASE%% *}
for c in ${BASE#* }; do
    # every br-int holds the pipeline's fixed flows before any port: none means the switches are not programmed at all
    [ "$c" -gt 0 ] || { echo "a br-int holds no flow of ours before the ports (per host:${BASE#* }): is it connected" \
        "to ODL? (openflow renderer: $(openflow_report 1))" >&2; exit 1; }
done
details+=("before the ports: flows of ours per host:${BASE#* } (total $BASE_TOTAL)")

ports_json() {   # from count [first]: ports first..first+count-1
    python3 - "$1" "${2:-0}" "$HOSTS" "$NETS" <<'PY'
import json, sys
n, first, hosts, nets = (int(a) for a in sys.argv[1:5])
ports = [{"id": f"bench-of-{i:05d}", "overlay-network": f"bench-net-{(i // hosts) % nets + 1}", "mac-address": f"fa:16:3e:95:{i >> 8:02x}:{i & 255:02x}",
          "fixed-ip": [f"10.96.{i // 250}.{i % 250 + 1}"], "host": f"bench-of-{i % hosts + 1}"}
         for i in range(first, first + n)]
print(json.dumps({"wiring-tunnel:tunneling": {"logical-port": ports}}))
PY
}

# the scratch-bridge baseline: each host's flows and groups of ours into br-ofb, the 4 hosts in parallel
baseline() {   # prints "seconds loaded-total"
    local i t0 t1 total=0 c
    for i in $(seq "$HOSTS"); do
        ofctl "$i" --no-stats dump-flows br-int "cookie=$COOKIE" | grep -v 'reply' >"$WORK/flows-$i.txt" || true
        ofctl "$i" dump-groups br-int | grep -v 'reply' >"$WORK/groups-$i.txt" || true
        vsctl "$i" --if-exists del-br br-ofb -- add-br br-ofb -- set Bridge br-ofb datapath_type=netdev \
            fail_mode=secure protocols=OpenFlow13
    done
    t0=$(now)
    for i in $(seq "$HOSTS"); do
        (ofctl "$i" add-groups br-ofb "$WORK/groups-$i.txt" && ofctl "$i" --bundle add-flows br-ofb "$WORK/flows-$i.txt") &
    done
    wait
    t1=$(now)
    for i in $(seq "$HOSTS"); do
        c=$(ofctl "$i" dump-aggregate br-ofb "cookie=$COOKIE" | sed -n 's/.*flow_count=\([0-9]*\).*/\1/p')
        total=$((total + ${c:-0}))
        vsctl "$i" --if-exists del-br br-ofb
    done
    echo "$(elapsed "$t0" "$t1") $total"
}

has_mac() {   # host index mac: a flow of ours with dl_dst=mac on its br-int
    [ -n "$(ofctl "$1" --no-stats dump-flows br-int "dl_dst=$2" 2>/dev/null | grep 'cookie=0xd1c' || true)" ]
}

printf '%-6s %5s %8s %8s %13s %7s %11s %15s %17s %10s\n' N hosts write_s flows_s programmed_s flows flows_per_s \
    ofctl_bundle_s ofctl_flows_per_s withdraw_s
one_line=""
for n in "${SIZES[@]}"; do
    ports_json "$n" >"$WORK/ports.json"
    echo "N=$n: converge" >&2
    # 1. converge
    t0=$(now)
    must 200 201 204 -- PATCH wiring-tunnel:tunneling "$WORK/ports.json"
    tw=$(now)
    deadline=$(($(date +%s) + TIMEOUT))
    last="" t_last="" programmed=">$TIMEOUT" result=timeout
    samples=()
    while :; do
        cur=$(all_flows)
        tc=$(now)
        if [ "$cur" != "$last" ]; then last=$cur; t_last=$tc; samples+=("$(elapsed "$t0" "$tc"):${cur%% *}"); fi
        # the last port of each host first (cheap), then all N
        st=""
        for k in $(seq $((n - HOSTS)) $((n - 1))); do st+=" $(status_of "$(port_id "$k")")"; done
        if [[ $st == *failed* ]]; then result=failed; break; fi
        if [ "$(tr -s ' ' <<<"$st")" = "$(printf ' programmed%.0s' $(seq "$HOSTS"))" ] \
                && [ "$(states "$n")" = "programmed=$n" ]; then
            programmed=$(elapsed "$t0" "$(now)")
            result=programmed
            break
        fi
        [ "$(date +%s)" -lt "$deadline" ] || break
        sleep 0.5
    done
    final=$(all_flows)
    if [ "$final" != "$last" ]; then t_last=$(now); fi
    total=${final%% *}
    # the flows' convergence: when the count reached its final value (it only grows while ports are added)
    flows_s=$(elapsed "$t0" "$t_last")
    added=$((total - BASE_TOTAL))
    fps=$(python3 -c "print(f'{$added / max($flows_s, 0.01):.0f}')")
    first=$((${#samples[@]} > 12 ? ${#samples[@]} - 12 : 0))
    details+=("N=$n: PATCH answered after $(elapsed "$t0" "$tw") s; $result; flows per host:${final#* };\
 states: $(states "$n"); count samples (s:total): ${samples[*]:$first}")
    if [ "$result" != programmed ]; then
        for i in $(seq "$HOSTS"); do details+=("    $(host "$i") openflow renderer: $(openflow_report "$i")"); done
    fi
    sleep 2
    again=$(all_flows)
    [ "$again" = "$final" ] || details+=("N=$n: the count moved after the end: $final -> $again")
    # 2. baseline
    echo "N=$n: baseline" >&2
    read -r ofctl_s loaded < <(baseline)
    ofps=$(python3 -c "print(f'{$loaded / max($ofctl_s, 0.001):.0f}')")
    [ "$loaded" -eq "$total" ] || details+=("N=$n: the scratch bridges hold $loaded flows, br-int $total")
    # 3. one more port while n exist
    if [ "$n" -eq "$MAX" ] && [ "$ONE_PORT" = 1 ]; then
        mac=$(mac_of "$MAX")
        oh=$((MAX % HOSTS + 1))
        ports_json 1 "$MAX" >"$WORK/one.json"
        t1=$(now)
        must 200 201 204 -- PATCH wiring-tunnel:tunneling "$WORK/one.json"
        t1w=$(now)
        local_s=">$TIMEOUT" all_s=">$TIMEOUT" prog1=">$TIMEOUT"
        deadline=$(($(date +%s) + TIMEOUT))
        while [ "$(date +%s)" -lt "$deadline" ]; do
            if [[ $local_s == \>* ]] && has_mac "$oh" "$mac"; then local_s=$(elapsed "$t1" "$(now)"); fi
            if [[ $local_s != \>* ]]; then
                ok=1
                for i in $(seq "$HOSTS"); do [ "$i" = "$oh" ] || has_mac "$i" "$mac" || { ok=0; break; }; done
                [ $ok = 0 ] || { all_s=$(elapsed "$t1" "$(now)"); break; }
            fi
            sleep 0.1
        done
        while [ "$(date +%s)" -lt "$deadline" ]; do
            s1=$(status_of "$(port_id "$MAX")")
            [ "$s1" != programmed ] || { prog1=$(elapsed "$t1" "$(now)"); break; }
            [ "$s1" != failed ] || { prog1=failed; break; }
            sleep 0.2
        done
        after=$(all_flows)
        [ "$prog1" != failed ] || details+=("one port: $(port_id "$MAX") $(get "wiring-tunnel:tunneling/logical-port=$(port_id \
"$MAX")/status?content=nonconfig" | head -c 600); $(host "$oh") openflow renderer: $(openflow_report "$oh")")
        one_line="one port added while $n exist: PATCH $(elapsed "$t1" "$t1w") s, its flows on its host $local_s s, on all $HOSTS hosts $all_s s, programmed $prog1 s, +$((${after%% *} - total)) flows"
    fi
    # 4. withdraw
    echo "N=$n: withdraw" >&2
    t2=$(now)
    must 200 201 204 -- PUT wiring-tunnel:tunneling "$WORK/base.json"
    withdraw=">$TIMEOUT"
    back() { [ "$(all_flows)" = "$BASE" ]; }
    wait_for "the flows of N=$n to go" back && withdraw=$(elapsed "$t2" "$(now)")
    printf '%-6s %5s %8s %8s %13s %7s %11s %15s %17s %10s\n' "$n" "$HOSTS" "$(elapsed "$t0" "$tw")" "$flows_s" \
        "$programmed" "$total" "$fps" "$ofctl_s" "$ofps" "$withdraw"
done
[ -z "$one_line" ] || echo "$one_line"
echo
printf '%s\n' "${details[@]}"
