#!/usr/bin/env bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Gives the host agents their own ODL user, which can read the plan and report
# realization and nothing else (docs/host-agent.md, "Access"):
#   - an AAA role `wiring-agent` and a user holding only that role, on every member
#     given (AAA's user store is per member, not replicated);
#   - MD-SAL dynamic authorization policies (aaa:http-authorization, config datastore,
#     replicated): the plan (GET), report-realization (POST), the data-change
#     subscription and its stream (POST/GET) for `wiring-agent`; admin and user keep
#     every method everywhere; a request of the agent's user anywhere else is refused.
#   The policies are enforced by the `dynamicAuthorization` filter, which this
#   distribution's aaa-app-config.xml puts on every URL.
#
#   scripts/host-agent-access.sh [--user NAME] --password-file FILE URL...
#
# URL: each cluster member's base URL (http://10.0.0.1:8181). WIRING_AUTH (admin:admin)
# is the administrator's user:password. Idempotent: an existing user gets the password
# again, existing policies of ours are rewritten, an operator's policy is left alone.
set -euo pipefail

AUTH=${WIRING_AUTH:-admin:admin}
ROLE=wiring-agent
USER_NAME=wiring-agent
PASSWORD_FILE=
DOMAIN=sdn
while [ $# -gt 0 ]; do
    case $1 in
        --user) USER_NAME=$2; shift 2 ;;
        --password-file) PASSWORD_FILE=$2; shift 2 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
if [ -z "$PASSWORD_FILE" ] || [ ! -r "$PASSWORD_FILE" ] || [ $# -eq 0 ]; then
    echo "usage: $0 [--user NAME] --password-file FILE URL..." >&2
    exit 2
fi
PASSWORD=$(head -n1 "$PASSWORD_FILE")
if [ -z "$PASSWORD" ]; then
    echo "$PASSWORD_FILE: empty password" >&2
    exit 2
fi

# curl with the admin's credentials from a file descriptor, not the command line (ps shows arguments)
admin() {   # <method> <url> [json]
    local out code
    out=$(mktemp)
    code=$(curl -s -o "$out" -w '%{http_code}' -X "$1" -K <(printf 'user = "%s"\n' "$AUTH") \
        -H 'Content-Type: application/json' -H 'Accept: application/json' ${3:+--data-binary "$3"} "$2") || code=000
    cat "$out"
    rm -f "$out"
    echo
    echo "$code"
}

check() {   # <what> <answer> <accepted codes...>
    local what=$1 answer=$2 code
    shift 2
    code=$(tail -n1 <<<"$answer")
    for ok in "$@"; do
        [ "$code" = "$ok" ] && return 0
    done
    echo "$what: HTTP $code: $(head -n -1 <<<"$answer" | head -c 400)" >&2
    exit 1
}

json_string() {
    python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"
}

# the id of the entry named <name> in $DOMAIN of an AAA list (roles, users), empty when there is none; a failed
# listing ends the script through check (in the command substitution, whose status the caller's set -e sees)
id_of() {   # <url> <list> <id field> <name>
    local answer
    answer=$(admin GET "$1/auth/v1/$2")
    check "$1: list $2" "$answer" 200
    head -n -1 <<<"$answer" | python3 -c '
import json, sys
for entry in json.load(sys.stdin).get(sys.argv[1], []):
    if entry.get("name") == sys.argv[3] and entry.get("domainid") == sys.argv[4]:
        print(entry[sys.argv[2]])' "$2" "$3" "$4" "$DOMAIN"
}

for url in "$@"; do
    url=${url%/}
    role_id=$(id_of "$url" roles roleid "$ROLE")
    if [ -z "$role_id" ]; then
        answer=$(admin POST "$url/auth/v1/roles" \
            "{\"name\":\"$ROLE\",\"domainid\":\"$DOMAIN\",\"description\":\"ODL Wiring host agents: read the plan, report realization\"}")
        check "$url: create role $ROLE" "$answer" 201
        role_id=$(head -n -1 <<<"$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["roleid"])')
    fi

    user_id=$(id_of "$url" users userid "$USER_NAME")
    body="{\"name\":$(json_string "$USER_NAME"),\"domainid\":\"$DOMAIN\",\"enabled\":1,\"password\":$(json_string "$PASSWORD"),\"description\":\"ODL Wiring host agent\"}"
    if [ -z "$user_id" ]; then
        answer=$(admin POST "$url/auth/v1/users" "$body")
        check "$url: create user $USER_NAME" "$answer" 201
        user_id=$(head -n -1 <<<"$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["userid"])')
    else
        answer=$(admin PUT "$url/auth/v1/users/$user_id" "$body")
        check "$url: update user $USER_NAME" "$answer" 200
    fi

    # exactly one role: a grant of admin or user (e.g. from an earlier set-up by hand) would defeat the point
    answer=$(admin GET "$url/auth/v1/domains/$DOMAIN/users/$user_id/roles")
    check "$url: roles of $USER_NAME" "$answer" 200
    others=$(head -n -1 <<<"$answer" | python3 -c '
import json, sys
print(" ".join(r["name"] for r in json.load(sys.stdin).get("roles", []) if r.get("name") != sys.argv[1]))' "$ROLE")
    if [ -n "$others" ]; then
        echo "$url: user $USER_NAME also holds the roles: $others; remove them (the agent needs only $ROLE)" >&2
        exit 1
    fi
    if ! head -n -1 <<<"$answer" | python3 -c '
import json, sys
sys.exit(0 if any(r.get("name") == sys.argv[1] for r in json.load(sys.stdin).get("roles", [])) else 1)' "$ROLE"; then
        answer=$(admin POST "$url/auth/v1/domains/$DOMAIN/users/$user_id/roles" "{\"roleid\":\"$role_id\"}")
        check "$url: grant $ROLE to $USER_NAME" "$answer" 201
    fi
    echo "$url: user $USER_NAME ($user_id) has role $ROLE only"
done

# The policies: the first policy (by index) whose resource matches the request decides; a request no policy
# matches would be allowed, hence the closing /** policy. Our indexes: 100-105 and 10000.
base=${1%/}
all='"get","put","post","patch","delete"'
everyone="{\"role\":\"admin\",\"actions\":[$all]},{\"role\":\"user\",\"actions\":[$all]}"
policy() {   # <index> <resource> <agent actions> <description>
    printf '{"resource":"%s","index":%s,"description":"%s","permissions":[{"role":"%s","actions":[%s]},%s]}' \
        "$2" "$1" "$4" "$ROLE" "$3" "$everyone"
}
policies="$(policy 100 '/rests/data/wiring-plan:plan/**' '"get"' 'ODL Wiring: host agents read the plan'),\
$(policy 101 '/rests/operations/wiring-plan:report-realization' '"post"' 'ODL Wiring: host agents report'),\
$(policy 102 '/rests/operations/sal-remote:create-data-change-event-subscription' '"post"' 'ODL Wiring: host agents subscribe to plan changes'),\
$(policy 103 '/rests/data/ietf-restconf-monitoring:restconf-state/streams/**' '"get"' 'ODL Wiring: host agents find their stream'),\
$(policy 104 '/rests/notif/data-change-event-subscription/wiring-plan:plan/**' '"get"' 'ODL Wiring: host agents read their stream')"
answer=$(admin GET "$base/rests/data/aaa:http-authorization/policies?content=config")
check "read aaa:http-authorization" "$answer" 200 404 409
catch_all=$(head -n -1 <<<"$answer" | python3 -c '
import json, sys
try:
    data = json.load(sys.stdin)
except ValueError:
    data = {}
for p in data.get("aaa:policies", {}).get("policies", []):
    if p.get("resource") == "/**":
        print(p.get("description", ""))' 2>/dev/null || true)
if [ -z "$catch_all" ] || [ "${catch_all#ODL Wiring}" != "$catch_all" ]; then
    policies="$policies,{\"resource\":\"/**\",\"index\":10000,\"description\":\"ODL Wiring: everything else, for admin and user only\",\"permissions\":[$everyone]}"
else
    echo "An operator's /** policy exists ($catch_all): left as it is; it must not grant $ROLE anything" >&2
fi
answer=$(admin PATCH "$base/rests/data/aaa:http-authorization/policies" "{\"aaa:policies\":{\"policies\":[$policies]}}")
check "write aaa:http-authorization policies" "$answer" 200 204
echo "policies for role $ROLE written (aaa:http-authorization, indexes 100-104 and 10000)"
