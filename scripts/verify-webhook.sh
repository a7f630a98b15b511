#!/usr/bin/env sh
# Checks a Tradewatch webhook's signature with openssl alone (Standard Webhooks, v1 = HMAC-SHA256):
#
#   scripts/verify-webhook.sh <whsec_… secret> <webhook-id> <webhook-timestamp> <body file> <webhook-signature header>
#
# Prints "valid" and exits 0 when one of the header's signatures matches, else prints the expected one and exits 1.
# The signed content is "<id>.<timestamp>.<body>"; the key is the base64 part of the secret, decoded.
set -eu
[ "$#" -eq 5 ] || { echo "usage: $0 <secret> <webhook-id> <webhook-timestamp> <body file> <webhook-signature>" >&2; exit 2; }
secret=$1 id=$2 timestamp=$3 body=$4 header=$5
key=$(printf '%s' "${secret#whsec_}" | openssl base64 -d -A | od -An -tx1 | tr -d ' \n')
expected=$( { printf '%s.%s.' "$id" "$timestamp"; cat "$body"; } | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | openssl base64 -A)
for signature in $header; do
  if [ "$signature" = "v1,$expected" ]; then echo valid; exit 0; fi
done
echo "invalid: expected v1,$expected" >&2
exit 1
