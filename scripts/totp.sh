#!/usr/bin/env bash
# Prints the code an authenticator app shows now for a base32 key (RFC 6238: HMAC-SHA1, 30 s, 6 digits): the scripts
# sign in as the IMDi demo users, who must give one after the password (docs/security.md, V2.8).
# Usage: scripts/totp.sh <base32-key>
set -euo pipefail
hexkey=$(printf '%s' "$1" | tr -d ' ' | tr 'a-z' 'A-Z' | base32 -d | od -An -tx1 -v | tr -d ' \n')
step=$(printf '%016x' $(( $(date +%s) / 30 )))
mac=$(printf "$(printf '%s' "$step" | sed 's/../\\x&/g')" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$hexkey" | awk '{print $NF}')
offset=$(( 0x${mac:39:1} * 2 ))
printf '%06d\n' $(( (0x${mac:offset:8} & 0x7fffffff) % 1000000 ))
