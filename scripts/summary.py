#!/usr/bin/env python3
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
"""Prints a RESTCONF JSON reply of ODL Wiring in a few readable lines (stdin)."""
import json
import sys


def status_lines(doc):
    for container in doc.values():
        for kind, entries in container.items():
            if not isinstance(entries, list):
                continue
            for entry in entries:
                status = entry.get("status", {})
                key = entry.get("name") or entry.get("id") or entry.get("address") or entry.get("host-id")
                if "tunnel-type" in entry and "host-id" in entry:
                    key = f"{entry['host-id']},{entry['tunnel-type']}"
                print(f"  {kind}/{key}: {status.get('state', '?')} - {status.get('reason', '')}")


def plan_lines(doc):
    for host in doc.get("wiring-plan:plan", {}).get("host", []):
        print(f"  host {host['host-id']}:")
        for bridge in host.get("bridge", []):
            print(f"    bridge {bridge['name']} ({bridge.get('role')})")
        for port in host.get("port", []):
            extra = port.get("peer") or port.get("remote-ip") or port.get("vlan-tag") or ""
            print(f"    port {port['bridge']}:{port['name']} {port.get('type')} {extra}")
        kernel = host.get("kernel", {})
        for rule in kernel.get("rule", []):
            print(f"    ip rule {rule['priority']}: from all to {rule['destination']} lookup {rule['table']}")
        for route in kernel.get("route", []):
            via = f" via {route['gateway']}" if "gateway" in route else ""
            print(f"    ip route {route['destination']}{via} dev {route['device']} table {route['table']}")
        for neigh in kernel.get("neighbour", []):
            print(f"    ip neigh {neigh['address']} dev {neigh['device']} lladdr {neigh['mac-address']} PERMANENT")
        for proxy in kernel.get("proxy-ndp", []):
            print(f"    ip -6 neigh proxy {proxy['address']} dev {proxy['device']}")
        for exposed in kernel.get("exposed", []):
            print(f"    expose {exposed['prefix']}")


def main():
    text = sys.stdin.read()
    try:
        doc = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        print("  " + text.strip())
        return
    if "errors" in doc or "ietf-restconf:errors" in doc:
        return
    (status_lines if sys.argv[1] == "status" else plan_lines)(doc)


if __name__ == "__main__":
    main()
