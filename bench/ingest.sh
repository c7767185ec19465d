#!/usr/bin/env bash
# Ingest benchmark: N generated documents (default 100000) into a fresh store, through the
# store's pipeline (coding threads + one writer, batches of 256, reconciliation on).
# The coder is synthetic and cheap (2 events per document), so the numbers measure the
# store, not rung's coder; see bench/RESULTS.md. Prints docs/s, bytes/doc and peak RSS.
set -euo pipefail
N=${1:-100000}
DB=${2:-/tmp/rung-ingest-bench.db}
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p rung-store --example ingest_bench
BIN="$CARGO_TARGET_DIR/release/examples/ingest_bench"
/usr/bin/time -v "$BIN" "$N" "$DB" 2> /tmp/rung-ingest-bench.time
grep -E "Maximum resident set size|Elapsed \(wall clock\)" /tmp/rung-ingest-bench.time
