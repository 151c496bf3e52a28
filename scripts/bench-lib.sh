# shellcheck shell=bash
#
# Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
#
# This program and the accompanying materials are made available under the
# terms of the Eclipse Public License v1.0 which accompanies this distribution,
# and is available at http://www.eclipse.org/legal/epl-v10.html
#
# Helpers of the benchmark scripts (sourced). Needs URL, AUTH and REST_OUT (the file a reply's body goes to);
# REST_MAX_TIME, if set, bounds one request in seconds.

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
rest() {   # method path [json file]: prints the HTTP code
    local args=(-s -o "$REST_OUT" -w '%{http_code}' -u "$AUTH" -X "$1")
    [ -z "${REST_MAX_TIME:-}" ] || args+=(--max-time "$REST_MAX_TIME")
    [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data-binary "@$3")
    curl "${args[@]}" "$URL/rests/data/$2" || echo 000
}
must() {   # expected codes... -- method path [file]
    local ok=() code
    while [ "$1" != -- ]; do ok+=("$1"); shift; done
    shift
    code=$(rest "$@")
    [[ " ${ok[*]} " == *" $code "* ]] || { echo "$1 $2 -> HTTP $code: $(head -c 600 "$REST_OUT")" >&2; exit 1; }
}
