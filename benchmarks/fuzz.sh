#!/usr/bin/env bash
# Long-running fuzzer over the decoders that read bytes from peers and files: PDUs, DIMSE
# command sets, data sets in Implicit/Explicit VR Little Endian, Explicit VR Big Endian,
# Encapsulated Uncompressed and Deflated, and Part 10 files (io.github.dicomscu.fuzz.DecoderFuzz,
# the same targets as DecoderPropertyTests). Prints executions, executions/s and each distinct
# failure with the hex of an input that reproduces it; exits 1 if anything failed.
# Run by hand, not by the tests:
#   benchmarks/fuzz.sh [MINUTES] [SEED]     (default 10 minutes, a random seed)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"

./mvnw -B -q -o -pl dicom-net -am test-compile -DskipTests
./mvnw -B -q -o -pl dicom-net dependency:build-classpath -Dmdep.outputFile=target/fuzz.classpath -Dmdep.includeScope=test
CLASSPATH="dicom-net/target/test-classes:dicom-net/target/classes:$(cat dicom-net/target/fuzz.classpath)"

exec java -Xmx512m -Xss1m -cp "$CLASSPATH" io.github.dicomscu.fuzz.DecoderFuzz "$MINUTES" ${2:+"$2"}
