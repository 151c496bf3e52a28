#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Runs every test: installs what the tests need (Open vSwitch, iproute2, FRR, curl, ping,
# arping, ipv6toolkit from Debian's packages) when missing, then builds and verifies the whole reactor:
# unit tests, checkstyle/spotbugs, the Single Feature Tests, OVS integration tests
# and the Karaf integration tests, installing the project's artifacts as it goes.
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v ovs-vsctl >/dev/null 2>&1 || missing+=(openvswitch-switch)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v vtysh >/dev/null 2>&1 || missing+=(frr)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v ping >/dev/null 2>&1 || missing+=(iputils-ping)
# host agent: gratuitous ARP with the raw-frame arping (package arping, not iputils-arping: the exposed address
# is not a local address of the sending device), unsolicited NA with na6 (ipv6toolkit)
dpkg-query -W -f='${Status}' arping 2>/dev/null | grep -q 'ok installed' || missing+=(arping)
command -v na6 >/dev/null 2>&1 || missing+=(ipv6toolkit)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The README's first command leaves Karaf (ports 8181, 6640, 6653, 8101) and the lab running; the Karaf tests
# need those ports, so stop them first, and say so.
if pgrep -f "karaf.base=$PWD/karaf-distribution/target/assembly" >/dev/null || [ -d lab ]; then
    echo "Stopping the Karaf and lab left by scripts/run.sh (start them again with scripts/run.sh)"
    scripts/run.sh stop
fi

# install, not verify: the Single Feature Test resolves the project's own bundles from the local Maven
# repository, so they must be installed there by this very build.
exec mvn -B clean install "$@"
