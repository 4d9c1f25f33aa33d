#!/bin/sh
# Runs the mutation tests longer: scripts/fuzz.sh [ITERATIONS] [SEED]
# The input being tried is kept in a temporary folder; after a crash it is copied into
# fixtures/fuzz/, which the test suite reads on every run (FuzzTests).
set -u
cd "$(dirname "$0")/.."
last=$(mktemp -d)
SOCHIBO_FUZZ_ITERATIONS=${1:-2000} SOCHIBO_FUZZ_SEED=${2:-$(date +%s)} SOCHIBO_FUZZ_LAST=$last \
    swift test --filter FuzzTests
status=$?
if [ $status -ne 0 ]; then
    stamp=$(date +%Y%m%d-%H%M%S)
    [ -f "$last/last.xml" ] && cp "$last/last.xml" "fixtures/fuzz/crash-$stamp.xml"
    [ -f "$last/last.txt" ] && cp "$last/last.txt" "fixtures/fuzz/crash-$stamp.txt"
    echo "fuzz: failed (status $status); the last inputs are in fixtures/fuzz/crash-$stamp.*" >&2
fi
rm -rf "$last"
exit $status
