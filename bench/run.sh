#!/usr/bin/env bash
# Whole-program throughput: rung code over a generated war-reporting corpus, on 1 and 2
# threads, against gzip -6 on the same bytes; peak memory from /usr/bin/time.
#
# usage: bench/run.sh [MB]    (default 20 MB of JSON Lines)
# Prints a Markdown table to paste into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
corpus=target/bench/war2-${mb}mb.jsonl  # war2: the varied generator (session 3)
mkdir -p target/bench
[ -f "$corpus" ] || python3 bench/gen_corpus.py "$corpus" --bytes $((mb * 1000000))
cargo build --release -q -p rung
rung=${CARGO_TARGET_DIR:-target}/release/rung
bytes=$(stat -c %s "$corpus")

secs() { # command... -> wall seconds and max RSS (KiB), via /usr/bin/time
  /usr/bin/time -f "%e %M" -o target/bench/time.txt "$@" >/dev/null 2>target/bench/stderr.txt
  cat target/bench/time.txt
}

read -r gz_s gz_rss < <(secs gzip -6 -c "$corpus")
read -r t1 rss1 < <(secs "$rung" code --stats --threads 1 "$corpus")
sents=$(grep -oE '[0-9]+ sentences' target/bench/stderr.txt | head -1 | cut -d' ' -f1)
events=$(grep -oE '[0-9]+ events' target/bench/stderr.txt | head -1 | cut -d' ' -f1)
read -r t2 rss2 < <(secs "$rung" code --stats --threads 2 "$corpus")

zbytes=$(gzip -6 -c "$corpus" | wc -c)
python3 - "$bytes" "$sents" "$events" "$gz_s" "$t1" "$t2" "$rss1" "$rss2" "$zbytes" <<'PY'
import sys
b, s, e, gz, t1, t2, r1, r2, zb = sys.argv[1:]
ratio = int(b) / max(int(zb), 1)
b, s, e = int(b), int(s or 0), int(e or 0)
gz, t1, t2 = float(gz), float(t1), float(t2)
print(f"| corpus | {b/1e6:.1f} MB, {s} sentences, {e} events, gzip -6 ratio {ratio:.1f}x |")
print(f"|---|---|")
print(f"| gzip -6 | {gz:.2f} s |")
print(f"| rung code, 1 thread | {t1:.2f} s, {s/t1:,.0f} sentences/s, {b/t1/1e6:.2f} MB/s, {t1/gz:.1f}x gzip -6, peak RSS {int(r1)/1024:.0f} MiB |")
print(f"| rung code, 2 threads | {t2:.2f} s, {s/t2:,.0f} sentences/s, speed-up {t1/t2:.2f}x, peak RSS {int(r2)/1024:.0f} MiB |")
PY
