#!/usr/bin/env bash
# https remotes: nginx serves a certificate for 127.0.0.1 signed by a CA made here.
# With ca-file= naming that CA, a result crosses machines; without it, the certificate is
# not trusted: one warning, and the function runs.
set -euo pipefail
machine=$1
cd "$2"
source "$(dirname "$0")/servers.sh"
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
key ca.key
openssl req -x509 -key ca.key -subj /CN=cachepy-test-ca -days 2 -out ca.pem 2>/dev/null
key server.key
openssl req -new -key server.key -subj /CN=127.0.0.1 -out server.csr 2>/dev/null
echo "subjectAltName=IP:127.0.0.1" > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile server.ext -out server.pem 2>/dev/null
start_nginx "$PWD/server.pem" "$PWD/server.key"
export EXECUTIONS=$PWD/executions.log VALUE_BYTES=1000

# The path, percent-decoded when read, is encoded again in the requests. A loaded test
# machine can take longer than the default 100 ms for a TLS handshake.
patient="connect-timeout=10000|operation-timeout=20000"
trusted="$http_url/team%20one|ca-file=$PWD/ca.pem|$patient"
CACHEPY_CACHE_DIR=a CACHEPY_REMOTE_STORAGE=$trusted "$machine" 2> a.err
CACHEPY_CACHE_DIR=b CACHEPY_REMOTE_STORAGE=$trusted "$machine" 2> b.err
echo "trusted: executions $(wc -l < "$EXECUTIONS"), warnings $(cat a.err b.err | grep -c warning || true)"
echo "values on the server $(find "$http_root/cache/team one" -type f | wc -l)"

rm -f "$EXECUTIONS"
CACHEPY_CACHE_DIR=c CACHEPY_REMOTE_STORAGE="$http_url|$patient" "$machine" 2> c.err
echo "untrusted: executions $(wc -l < "$EXECUTIONS"), warnings $(grep -c warning c.err || true)"
grep warning c.err
