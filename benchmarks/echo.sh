#!/usr/bin/env bash
# C-ECHO benchmark: dicom-net beside DCMTK's echoscu, both against the same DCMTK storescp
# (started with TCP_NODELAY=1 on a free loopback port; echoscu runs with TCP_NODELAY=1 too).
# Run by hand, not by the tests:
#   benchmarks/echo.sh [N]        (default N = 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"

for program in storescp echoscu; do
	command -v "$program" >/dev/null || { echo "DCMTK's $program is needed (apt-get install dcmtk)" >&2; exit 1; }
done

./mvnw -B -q -pl dicom-net -am test-compile -DskipTests
./mvnw -B -q -pl dicom-net dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
CLASSPATH="dicom-net/target/test-classes:dicom-net/target/classes:$(cat dicom-net/target/benchmark.classpath)"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OUT=$(mktemp -d)
TCP_NODELAY=1 storescp --aetitle STORESCP --output-directory "$OUT" "$PORT" >/dev/null 2>&1 &
SCP_PID=$!
trap 'kill $SCP_PID 2>/dev/null; wait $SCP_PID 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null && break; sleep 0.05; done

echo "C-ECHO against DCMTK storescp on 127.0.0.1:$PORT, N=$N"
java -Xmx256m -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.EchoBenchmark 127.0.0.1 "$PORT" STORESCP "$N"

start=$(date +%s%N)
TCP_NODELAY=1 echoscu -aec STORESCP --repeat "$N" 127.0.0.1 "$PORT"
end=$(date +%s%N)
awk -v ns="$((end - start))" -v n="$N" 'BEGIN { printf "%-10s %-26s total %8.1f ms for %d echoes incl. association setup (%.3f ms each)\n", "DCMTK", "one association", ns / 1e6, n, ns / 1e6 / n }'

LOOPS=$(( N < 200 ? N : 200 ))
start=$(date +%s%N)
for _ in $(seq "$LOOPS"); do TCP_NODELAY=1 echoscu -aec STORESCP 127.0.0.1 "$PORT"; done
end=$(date +%s%N)
awk -v ns="$((end - start))" -v n="$LOOPS" 'BEGIN { printf "%-10s %-26s mean %7.3f ms  (n=%d, a new echoscu process each time)\n", "DCMTK", "connect+echo+release", ns / 1e6 / n, n }'
