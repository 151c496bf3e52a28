#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Benchmark of the OVSDB renderer against real Open vSwitch (needs root).
#
# Starts ODL if needed (scripts/run.sh, without the example's lab), starts lab host
# "bench-odl" connected to ODL (tcp:127.0.0.1:6640) and "bench-vsctl" with no manager,
# then for each scenario writes the intents with one RESTCONF PUT and measures the time
# until ovs-vsctl shows the complete state, and the OVSDB transactions ODL issued; then
# creates the same bridges and ports on bench-vsctl with one ovs-vsctl invocation.
#
#   scripts/bench-ovsdb.sh            scenarios: 1, 10, 50 provider bridges; 1000 tunnel ports
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${WIRING_URL:-http://127.0.0.1:8181}
AUTH=${WIRING_AUTH:-admin:admin}
LAB=$ROOT/lab/bench
LABSH=$ROOT/scripts/lab-host.sh
H=bench-odl
V=bench-vsctl

[ "$(id -u)" -eq 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
WIRING_NO_LAB=1 "$ROOT/scripts/run.sh" start >/dev/null
cleanup() {
    "$LABSH" stop "$H" "$LAB/$H" >/dev/null 2>&1 || true
    "$LABSH" stop "$V" "$LAB/$V" >/dev/null 2>&1 || true
}
trap cleanup EXIT

put() {   # path json
    curl -s -o /dev/null -w '%{http_code}' -u "$AUTH" -X PUT -H 'Content-Type: application/json' \
        --data-binary "$2" "$URL/rests/data/$1"
}
del() {
    curl -s -o /dev/null -u "$AUTH" -X DELETE "$URL/rests/data/$1" || true
}
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.3f}')"; }
vs() { "$LABSH" vsctl "$H" "$LAB/$H" "$@"; }
count_ports() { vs list-ports "$1" 2>/dev/null | grep -c . || true; }
transactions() {
    curl -s -u "$AUTH" "$URL/rests/data/wiring-ovsdb:ovsdb-state/host=$H/connection?content=nonconfig" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print(list(d.values())[0].get("transactions",0))' \
        2>/dev/null || echo 0
}
wait_for() {   # description, command that succeeds when done
    local what=$1; shift
    for _ in $(seq 1 1200); do
        "$@" && return 0
        sleep 0.05
    done
    echo "timed out waiting for $what" >&2
    return 1
}

reset() {
    del wiring-bgp:bgp-redirect
    del wiring-tunnel:tunneling
    del wiring-provider:provider-networks
    wait_for "empty switch" bash -c "! $LABSH vsctl $H $LAB/$H br-exists br-int"
}

provider_json() {   # bridges
    python3 - "$1" "$H" <<'PY'
import json, sys
n, host = int(sys.argv[1]), sys.argv[2]
entry = {"host-id": host, "datapath-type": "netdev"}
if n:
    entry["bridge-mapping"] = [{"physical-network": f"phys{i}", "bridge": f"br-p{i}"} for i in range(n)]
doc = {"host": [entry]}
if n:
    doc["provider-network"] = [{"name": f"net{i}", "type": "flat", "physical-network": f"phys{i}"} for i in range(n)]
print(json.dumps({"wiring-provider:provider-networks": doc}))
PY
}

tunnel_json() {   # remote endpoints
    python3 - "$1" "$H" <<'PY'
import json, sys
n, host = int(sys.argv[1]), sys.argv[2]
eps = [{"host-id": host, "tunnel-type": "vxlan", "local-ip": "10.255.0.1"}]
eps += [{"host-id": f"remote-{i:04d}", "tunnel-type": "vxlan", "local-ip": f"10.{1 + i // 250}.{i % 250}.2"}
        for i in range(n)]
print(json.dumps({"wiring-tunnel:tunneling": {"tunnel-endpoint": eps}}))
PY
}

vsctl_batch() {   # kind n: the same objects with one ovs-vsctl call on the host without manager
    python3 - "$1" "$2" <<'PY' > "$LAB/batch.args"
import sys
kind, n = sys.argv[1], int(sys.argv[2])
args = ["--", "add-br", "br-int", "--", "set", "bridge", "br-int", "datapath_type=netdev", "fail_mode=secure"]
if kind == "bridges":
    for i in range(n):
        b = f"br-p{i}"
        args += ["--", "add-br", b, "--", "set", "bridge", b, "datapath_type=netdev", "fail_mode=secure",
                 "--", "add-port", "br-int", f"int-{b}", "--", "set", "interface", f"int-{b}", "type=patch",
                 f"options:peer=phy-{b}",
                 "--", "add-port", b, f"phy-{b}", "--", "set", "interface", f"phy-{b}", "type=patch",
                 f"options:peer=int-{b}"]
else:
    for i in range(n):
        p = f"vx{i}"
        args += ["--", "add-port", "br-int", p, "--", "set", "interface", p, "type=vxlan",
                 "options:local_ip=10.255.0.1", f"options:remote_ip=10.{1 + i // 250}.{i % 250}.2",
                 "options:key=flow"]
print("\n".join(args))
PY
    "$LABSH" vsctl "$V" "$LAB/$V" --if-exists del-br br-int >/dev/null
    for b in $("$LABSH" vsctl "$V" "$LAB/$V" list-br); do "$LABSH" vsctl "$V" "$LAB/$V" del-br "$b"; done
    local t0 t1
    t0=$(now)
    mapfile -t batch < "$LAB/batch.args"
    "$LABSH" vsctl "$V" "$LAB/$V" "${batch[@]}" >/dev/null
    t1=$(now)
    elapsed "$t0" "$t1"
}

mkdir -p "$LAB"
"$LABSH" start "$H" "$LAB/$H" tcp:127.0.0.1:6640 >/dev/null
"$LABSH" start "$V" "$LAB/$V" >/dev/null
wait_for "OVSDB session of $H" bash -c "curl -s -u $AUTH '$URL/rests/data/wiring-ovsdb:ovsdb-state/host=$H?content=nonconfig' | grep -q connected"
reset

printf '%-22s %12s %14s %16s\n' scenario "odl_seconds" "transactions" "vsctl_batch_s"
for n in 1 10 50; do
    reset
    tx0=$(transactions)
    t0=$(now)
    code=$(put wiring-provider:provider-networks "$(provider_json "$n")")
    [ "$code" = 201 ] || [ "$code" = 204 ] || { echo "PUT failed: $code" >&2; exit 1; }
    # n provider bridges + br-int, each provider bridge patched: br-int has n patch ports
    wait_for "$n bridges" bash -c "[ \$($LABSH vsctl $H $LAB/$H list-ports br-int 2>/dev/null | grep -c .) -ge $n ]"
    t1=$(now)
    sleep 1
    tx1=$(transactions)
    printf '%-22s %12.2f %14s %16.2f\n' "$n provider bridges" "$(elapsed "$t0" "$t1")" "$((tx1 - tx0))" \
        "$(vsctl_batch bridges "$n")"
done

reset
put wiring-provider:provider-networks "$(provider_json 0)" >/dev/null
tx0=$(transactions)
t0=$(now)
code=$(put wiring-tunnel:tunneling "$(tunnel_json 1000)")
[ "$code" = 201 ] || [ "$code" = 204 ] || { echo "PUT failed: $code" >&2; exit 1; }
wait_for "1000 tunnel ports" bash -c "[ \$($LABSH vsctl $H $LAB/$H list-ports br-int 2>/dev/null | grep -c .) -ge 1000 ]"
t1=$(now)
sleep 1
tx1=$(transactions)
printf '%-22s %12.2f %14s %16.2f\n' "1000 tunnel ports" "$(elapsed "$t0" "$t1")" "$((tx1 - tx0))" \
    "$(vsctl_batch tunnels 1000)"
reset
