#!/usr/bin/env bash
# Issue 5, pathological inputs: does `whosaid extract` stay roughly linear in size on
# (a) one article with a straight quote mark every 100 bytes (2.5 / 5 / 10 MB, up to
# 100,000 marks) and (b) one article that is a single line with no line break
# (1.25 / 2.5 / 5 MB), (c) thousands of short paragraphs whose "She said" has no
# compatible earlier speaker (1.25 / 2.5 / 5 MB)? Writes the inputs with `examples/pathological.rs` (the same
# generator functions as the divan bench in benches/extract.rs), runs the whole CLI once
# per file on one thread and prints user CPU s, system s and peak RSS (GNU time).
#
#   bash benches/pathological.sh                        # release build
#   PROFILE=profiling bash benches/pathological.sh      # quicker build, same code
#
# Environment: PROFILE (release), WHOSAID_BENCH_DATA (bench-data), SHAPES ("marks
# line pronouns"), MARKS_SIZES and LINE_SIZES (bytes, space-separated).
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=${PROFILE:-release}
DATA=${WHOSAID_BENCH_DATA:-bench-data}/pathological
SHAPES=${SHAPES:-marks line pronouns}
MARKS_SIZES=${MARKS_SIZES:-2500000 5000000 10000000}
LINE_SIZES=${LINE_SIZES:-1250000 2500000 5000000}
mkdir -p "$DATA"

cargo build --profile "$PROFILE" --quiet --bin whosaid --example pathological
BIN=target/$PROFILE/whosaid
GEN=target/$PROFILE/examples/pathological

printf '| shape | bytes | quotes | user CPU s | sys s | peak RSS MB | user s per MB |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for shape in $SHAPES; do
  if [ "$shape" = marks ]; then sizes=$MARKS_SIZES; else sizes=$LINE_SIZES; fi  # line, pronouns
  for bytes in $sizes; do
    input="$DATA/$shape-$bytes.txt"
    [ -f "$input" ] || "$GEN" "$shape" "$bytes" "$input"
    out="$DATA/out-$shape-$bytes"
    read -r user sys rss < <(/usr/bin/time -f "%U %S %M" "$BIN" extract --quiet --threads 1 \
      --format csv --overwrite --out "$out" "$input" 2>&1 >/dev/null | tail -1)
    quotes=$(($(wc -l <"$out/quotes.csv") - 1))
    awk -v s="$shape" -v b="$bytes" -v q="$quotes" -v u="$user" -v y="$sys" -v r="$rss" \
      'BEGIN { printf "| %s | %d | %d | %.2f | %.2f | %.0f | %.3f |\n", s, b, q, u, y, r / 1024, u / (b / 1e6) }'
  done
done
