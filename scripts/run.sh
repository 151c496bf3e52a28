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
#                            host, connected to ODL's OVSDB listener (tcp:127.0.0.1:6640)
#   scripts/run.sh stop      stop the lab hosts and Karaf
#   scripts/run.sh show      print intents' status, the plan and the lab switches again
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
KARAF=$ROOT/karaf-distribution/target/assembly
URL=${WIRING_URL:-http://127.0.0.1:8181}
AUTH=${WIRING_AUTH:-admin:admin}
LAB=$ROOT/lab
LAB_HOSTS=(rack-1-host-1 rack-1-host-2 rack-2-host-1)

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

build_needed() {
    # the assembly keeps the archive's timestamps, so compare against the zip the build writes
    local stamp
    stamp=$(ls karaf-distribution/target/wiring-karaf-*.zip 2>/dev/null | head -n 1)
    [ -x "$KARAF/bin/karaf" ] && [ -n "$stamp" ] || return 0
    [ -n "$(find pom.xml api ovsdb impl renderer-ovsdb features karaf-distribution/pom.xml -type f -newer "$stamp" \
        -not -path '*/target/*' -print -quit 2>/dev/null)" ]
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
    for host in "${LAB_HOSTS[@]}"; do
        "$ROOT/scripts/lab-host.sh" start "$host" "$LAB/$host" tcp:127.0.0.1:6640 >/dev/null
        echo "  lab host $host: ovs-vswitchd in netns wl-$host, manager tcp:127.0.0.1:6640"
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

stop_lab() {
    lab_possible || return 0
    for host in "${LAB_HOSTS[@]}"; do
        [ -d "$LAB/$host" ] && "$ROOT/scripts/lab-host.sh" stop "$host" "$LAB/$host" >/dev/null || true
    done
}

case "${1:-start}" in
    stop)
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
    if ! wait_restconf 120 && [ "$(restconf_code)" = 401 ]; then
        # AAA 0.18.6 can miss its password service configuration on a first boot (RESTCONF then refuses
        # admin/admin for good); a restart with the same data recovers
        echo "RESTCONF refuses admin/admin: the AAA password service did not start; restarting Karaf once"
        "$KARAF/bin/stop"
        for _ in $(seq 1 60); do pgrep -f "karaf.base=$KARAF" >/dev/null || break; sleep 1; done
        "$KARAF/bin/start"
    fi
    running || wait_restconf 180 || { echo "RESTCONF did not come up; see $KARAF/data/log/karaf.log" >&2; exit 1; }
fi

echo "Loading the example intents (docs/examples/*.json) with RESTCONF PUT"
for pair in provider-networks:wiring-provider:provider-networks tunneling:wiring-tunnel:tunneling \
        bgp-redirect:wiring-bgp:bgp-redirect; do
    file=${pair%%:*}
    path=${pair#*:}
    code=$(curl -s -o /tmp/wiring-put.out -w '%{http_code}' -u "$AUTH" -X PUT \
        -H 'Content-Type: application/json' --data-binary "@docs/examples/$file.json" "$URL/rests/data/$path")
    echo "  PUT /rests/data/$path -> HTTP $code"
    case "$code" in 200|201|204) ;; *) cat /tmp/wiring-put.out; exit 1 ;; esac
done
if [ -z "${WIRING_NO_LAB:-}" ]; then
    echo "Starting the lab hosts"
    start_lab
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
  Stop:             scripts/run.sh stop
MSG
