#!/usr/bin/env bash
# C-STORE benchmark: 200 distinct 512 KiB CT instances (Explicit VR Little Endian) sent in one
# association by dicom-net's StoreScu and by DCMTK's storescu, side by side, into DCMTK storescp
# --ignore at 16 KiB and 128 KiB maximum PDU length (storescp's maximum governs the fragments of
# both senders, and both receive with the same maximum); then into receivers that keep the files:
# storescp writing them, and dicom-net's StorageScp (checking and renaming each file, at -Xmx64m),
# their directory emptied before each pass so that each pass stores new files; then one 2 GiB
# instance, sent and received by JVMs limited to -Xmx64m. Every DCMTK program runs with
# TCP_NODELAY=1.
# Each timed pass of ours is followed by a storescu run, so that both see the same machine load;
# figures are medians of PASSES pairs after 10 warm-up pairs, the ratio is the median of the
# per-pair ratios. A storescu run is a process, so its time includes the process start, as a user
# sees it; the "net" figure subtracts the median time of an echoscu run (process start,
# association, one C-ECHO, release).
# Run by hand, not by the tests:
#   benchmarks/store.sh            (PASSES=15, LARGE_MIB=2048; LARGE_MIB=0 skips the large instance)
set -euo pipefail
cd "$(dirname "$0")/.."
PASSES="${PASSES:-15}"
LARGE_MIB="${LARGE_MIB:-2048}"
COUNT=200

for program in storescp storescu echoscu dcmftest; do
	command -v "$program" >/dev/null || { echo "DCMTK's $program is needed (apt-get install dcmtk)" >&2; exit 1; }
done

./mvnw -B -q -pl dicom-net -am test-compile -DskipTests
./mvnw -B -q -pl dicom-net dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
CLASSPATH="dicom-net/target/test-classes:dicom-net/target/classes:$(cat dicom-net/target/benchmark.classpath)"

WORK=$(mktemp -d)
SCP_PID=
cleanup() {
	if [ -n "$SCP_PID" ]; then kill "$SCP_PID" 2>/dev/null || true; wait "$SCP_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

await_port() {
	for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done
	echo "nothing listens on port $1" >&2
	exit 1
}

stop_scp() {
	kill "$SCP_PID"; wait "$SCP_PID" 2>/dev/null || true
	SCP_PID=
}

# the median milliseconds of PASSES runs of a command, after two untimed runs
median_ms() {
	"$@" >/dev/null 2>&1
	"$@" >/dev/null 2>&1
	for _ in $(seq "$PASSES"); do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
		end=$(date +%s%N)
		echo $(( (end - start) / 1000 ))
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1000 }'
}

# compare RECEIVER PDU PORT CALLED_AE RECEIVED_DIR|- [NET]: our passes paired with storescu runs, two table rows
compare() {
	local receiver=$1 pdu=$2 port=$3 called=$4 received=$5 net=${6:-}
	local line ours_ms other_ms ratio
	line=$(java -Xmx256m -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.StoreBenchmark 127.0.0.1 "$port" "$called" \
		"$pdu" 10 "$PASSES" "$WORK/in" "$received" storescu -aec "$called" -pdu "$pdu" 127.0.0.1 "$port" "$WORK"/in/*.dcm)
	ours_ms=$(echo "$line" | sed -E 's/.*ours_ms=([0-9.]+).*/\1/')
	other_ms=$(echo "$line" | sed -E 's/.*other_ms=([0-9.]+).*/\1/')
	ratio=$(echo "$line" | sed -E 's/.*ratio=([0-9.]+).*/\1/')
	printf '%-22s %7s  %-24s %8s\n' "$receiver" "$pdu" "dicom-net StoreScu" "$(mib_per_s "$ours_ms")"
	if [ -n "$net" ]; then
		printf '%-22s %7s  %-24s %8s  (%s net of %s ms for an echoscu run)\n' "$receiver" "$pdu" "DCMTK storescu" \
			"$(mib_per_s "$other_ms")" "$(mib_per_s "$(awk -v a="$other_ms" -v b="$net" 'BEGIN { print a - b }')")" "$net"
		printf '%-22s %7s  %-24s %8s  (%s against the net figure)\n' "" "" "ratio dicom-net / DCMTK" "${ratio}x" \
			"$(awk -v o="$ours_ms" -v d="$other_ms" -v n="$net" 'BEGIN { printf "%.2fx", (d - n) / o }')"
	else
		printf '%-22s %7s  %-24s %8s\n' "$receiver" "$pdu" "DCMTK storescu" "$(mib_per_s "$other_ms")"
		printf '%-22s %7s  %-24s %8s\n' "" "" "ratio dicom-net / DCMTK" "${ratio}x"
	fi
}

mib_per_s() {
	awk -v b="$BYTES" -v ms="$1" 'BEGIN { printf "%.1f", b / 1048576 / (ms / 1000) }'
}

echo "Generating $COUNT CT instances of 512 KiB pixel data (Explicit VR Little Endian)..."
java -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.CtInstanceGenerator instances "$WORK/in" "$COUNT"
BYTES=$(cat "$WORK"/in/*.dcm | wc -c)
mkdir -p "$WORK/received"
echo "$COUNT files, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MiB in one association;" \
	"medians of $PASSES pairs of passes; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
echo
printf '%-22s %7s  %-24s %8s\n' "receiver" "max PDU" "sender" "MiB/s"

for PDU in 16384 131072; do
	PORT=$(free_port)
	TCP_NODELAY=1 storescp --aetitle STORESCP --ignore -pdu "$PDU" "$PORT" >/dev/null 2>&1 &
	SCP_PID=$!
	await_port "$PORT"
	ECHO_MS=$(median_ms env TCP_NODELAY=1 echoscu -aec STORESCP 127.0.0.1 "$PORT")
	compare "storescp --ignore" "$PDU" "$PORT" STORESCP - "$ECHO_MS"
	stop_scp
done

for PDU in 16384 131072; do
	PORT=$(free_port)
	TCP_NODELAY=1 storescp --aetitle STORESCP --output-directory "$WORK/received" -pdu "$PDU" "$PORT" >/dev/null 2>&1 &
	SCP_PID=$!
	await_port "$PORT"
	compare "storescp (files)" "$PDU" "$PORT" STORESCP "$WORK/received"
	stop_scp

	PORT=$(free_port)
	java -Xmx64m -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.StorageScpServer OURSCP "$PORT" "$PDU" \
		"$WORK/received" >/dev/null &
	SCP_PID=$!
	await_port "$PORT"
	compare "dicom-net StorageScp" "$PDU" "$PORT" OURSCP "$WORK/received"
	stop_scp
done

if [ "$LARGE_MIB" -gt 0 ]; then
	echo
	echo "One instance of $LARGE_MIB MiB pixel data (Explicit VR Little Endian), max PDU 131072, all JVMs at -Xmx64m:"
	rm -rf "$WORK/in" "$WORK/received"
	java -Xmx64m -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.CtInstanceGenerator large "$WORK/large/large.dcm" \
		"$LARGE_MIB"
	LARGE="$WORK/large/large.dcm"
	BYTES=$(stat -c %s "$LARGE")

	PORT=$(free_port)
	TCP_NODELAY=1 storescp --aetitle STORESCP --ignore -pdu 131072 "$PORT" >/dev/null 2>&1 &
	SCP_PID=$!
	await_port "$PORT"
	LINE=$(/usr/bin/time -f "peak RSS %M KiB" -o "$WORK/rss" java -Xmx64m -cp "$CLASSPATH" \
		io.github.dicomscu.net.benchmark.StoreBenchmark 127.0.0.1 "$PORT" STORESCP 131072 0 1 "$WORK/large" -)
	stop_scp
	printf '  %-44s %8s MiB/s, sender %s\n' "dicom-net StoreScu -> storescp --ignore" \
		"$(mib_per_s "$(echo "$LINE" | sed -E 's/.*ours_ms=([0-9.]+).*/\1/')")" "$(cat "$WORK/rss")"

	PORT=$(free_port)
	java -Xmx64m -cp "$CLASSPATH" io.github.dicomscu.net.benchmark.StorageScpServer OURSCP "$PORT" 131072 \
		"$WORK/received" >/dev/null &
	SCP_PID=$!
	await_port "$PORT"
	LINE=$(/usr/bin/time -f "peak RSS %M KiB" -o "$WORK/rss" java -Xmx64m -cp "$CLASSPATH" \
		io.github.dicomscu.net.benchmark.StoreBenchmark 127.0.0.1 "$PORT" OURSCP 131072 0 1 "$WORK/large" -)
	SCP_RSS=$(awk '/VmHWM/ { print $2 }' /proc/"$SCP_PID"/status)
	stop_scp
	printf '  %-44s %8s MiB/s, sender %s, SCP peak RSS %s KiB\n' "dicom-net StoreScu -> dicom-net StorageScp" \
		"$(mib_per_s "$(echo "$LINE" | sed -E 's/.*ours_ms=([0-9.]+).*/\1/')")" "$(cat "$WORK/rss")" "$SCP_RSS"

	RECEIVED=$(find "$WORK/received" -name '*.dcm')
	# a data set starts after the preamble, the prefix and the file meta group, whose length is at byte 140
	offset() { python3 -c 'import struct,sys; f=open(sys.argv[1],"rb"); f.seek(140); print(144 + struct.unpack("<I", f.read(4))[0])' "$1"; }
	SENT_LENGTH=$(( BYTES - $(offset "$LARGE") ))
	RECEIVED_LENGTH=$(( $(stat -c %s "$RECEIVED") - $(offset "$RECEIVED") ))
	if [ "$SENT_LENGTH" -eq "$RECEIVED_LENGTH" ] \
		&& cmp -s <(tail -c "$SENT_LENGTH" "$LARGE") <(tail -c "$RECEIVED_LENGTH" "$RECEIVED"); then
		echo "  received data set identical to the one sent ($RECEIVED_LENGTH bytes); dcmftest: $(dcmftest "$RECEIVED" | cut -d: -f1)"
	else
		echo "  received data set differs: $RECEIVED_LENGTH bytes received, $SENT_LENGTH sent" >&2
		exit 1
	fi
fi
