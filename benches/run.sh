#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md on a fresh clone, with public tools only:
# cargo, /usr/bin/time -v (GNU time) for wall time and peak RSS, cat as the physical
# limit, and hyperfine when it is installed (the script works without it).
#
#   bash benches/run.sh            # everything (about 6 GB of disk in bench-data/)
#   QUICK=1 bash benches/run.sh    # 20 MB / 100 MB corpora, no divan, no 1M-article
#                                  # .jsonl.zst: a smoke run
#
# Every figure is one run on a warm page cache (cat reads the input first). On a busy
# machine, compare the CPU s column too: wall time includes waiting for the cores.
#
# Environment: WHOSAID_BENCH_DATA (default bench-data, git-ignored), CORPUS (the pinned
# source set of the generated corpora, v1: see benches/corpus/README.md), SEED (42),
# MAIN_MB (500), SMALL_MB (100), BIG_MB (1000), WHOSAID_BENCH_REAL (the Reuters-21578
# JSONL, default ../shared/corpus/reuters21578.jsonl; skipped when absent),
# SKIP_DIVAN=1 to skip the divan benches. With zstd installed it also builds
# articles-100000.jsonl.zst and articles-1000000.jsonl.zst (issue 6: peak RSS of a
# streamed 1M-article file against 100k; in those rows MB and MB/s count the
# decompressed JSONL, the bytes the tool reads and extracts from, as in every other row;
# `cat` reads the compressed file).
# Results: printed, and written to $WHOSAID_BENCH_DATA/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${WHOSAID_BENCH_DATA:-bench-data}
SEED=${SEED:-42}
CORPUS=${CORPUS:-v1}
if [ -n "${QUICK:-}" ]; then
  MAIN_MB=${MAIN_MB:-20}; SMALL_MB=${SMALL_MB:-20}; BIG_MB=${BIG_MB:-100}; SKIP_DIVAN=1
fi
MAIN_MB=${MAIN_MB:-500}
SMALL_MB=${SMALL_MB:-100}
BIG_MB=${BIG_MB:-1000}
# The Reuters corpus sits beside the clone (../shared), or beside a worktree folder.
REAL=${WHOSAID_BENCH_REAL:-../shared/corpus/reuters21578.jsonl}
if [ ! -f "$REAL" ] && [ -z "${WHOSAID_BENCH_REAL:-}" ] && [ -f ../../shared/corpus/reuters21578.jsonl ]; then
  REAL=../../shared/corpus/reuters21578.jsonl
fi
BIN=target/release/whosaid
mkdir -p "$DATA"
RESULTS="$DATA/results.md"
: >"$RESULTS"

say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }

say "# whosaid benchmark run"
say ""
say "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
say "- cores (nproc): $(nproc)"
say "- CPU: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
say "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
say "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
say "- $(rustc -V)"
say "- generated corpora: pinned source set $CORPUS, seed $SEED"
say "- hyperfine: $(command -v hyperfine >/dev/null && hyperfine --version || echo 'not installed')"
say ""

echo "== cargo build --release" >&2
cargo build --release --locked --quiet

# generate MB: a corpus folder with txt/ and corpus.jsonl from the pinned source set
# $CORPUS, reused when already built with the same corpus, seed and size. (Folders
# built before the corpus was pinned have no "corpus" in generate.json and are rebuilt:
# for v1 the bytes come out the same.)
generate() {
  local mb=$1 dir="$DATA/gen-$1"
  local want=$(awk -v m="$mb" 'BEGIN { printf "%.0f", m * 1000000 }')
  if [ -f "$dir/generate.json" ] && grep -q "\"corpus\": \"$CORPUS\"," "$dir/generate.json" \
     && grep -q "\"seed\": $SEED," "$dir/generate.json" \
     && grep -q "\"target_bytes\": $want," "$dir/generate.json"; then
    return
  fi
  echo "== generate-corpus --corpus $CORPUS --mb $mb --seed $SEED" >&2
  "$BIN" generate-corpus --corpus "$CORPUS" --mb "$mb" --seed "$SEED" --out "$dir" --overwrite
}

# bytes PATH: total size of the files under PATH; for one `.zst` file the size of its
# decompressed content, the bytes the tool reads and extracts from (MB/s over the
# compressed size made articles-100000.jsonl.zst, 99 MB of Reuters JSONL in 30 MB, look
# three times slower per byte than the same articles uncompressed), cached beside the
# file in PATH.bytes.
bytes() {
  if [ -f "$1" ] && [ "${1%.zst}" != "$1" ] && command -v zstd >/dev/null; then
    if [ ! -s "$1.bytes" ] || [ "$1.bytes" -ot "$1" ]; then
      zstd -dc -- "$1" | wc -c | tr -d ' ' > "$1.bytes"
    fi
    cat "$1.bytes"
    return
  fi
  find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }'
}

# steal_ticks: the machine's steal time so far (all CPUs, clock ticks, from /proc/stat):
# time the hypervisor gave this VM's CPUs to other guests.
steal_ticks() { awk '/^cpu / { print $9 + 0 }' /proc/stat 2>/dev/null || echo 0; }

# timed OUTFILE CMD...: runs CMD under GNU time -v; prints "seconds max_rss_kb exit
# cpu_seconds steal_seconds" (wall time from date, to the millisecond; CPU = user +
# system; steal = the whole VM's steal time during the run, a sign that the host was
# busy and that CPU seconds of this row are inflated by contention outside the VM).
timed() {
  local log=$1; shift
  local rc=0 t0 t1 s0 s1
  s0=$(steal_ticks)
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$log" "$@" || rc=$?
  t1=$(date +%s.%N)
  s1=$(steal_ticks)
  awk -v rc="$rc" -v t0="$t0" -v t1="$t1" -v st="$(( s1 - s0 ))" -v hz="$(getconf CLK_TCK)" '
    /User time/ { cpu += $NF }
    /System time/ { cpu += $NF }
    /Maximum resident set size/ { rss = $NF }
    END { printf "%.3f %d %d %.2f %.2f\n", t1 - t0, rss, rc, cpu, st / hz }' "$log"
}

cat_time() { # cat_time PATH: seconds to cat every file under PATH to /dev/null
  timed "$DATA/time-cat.log" sh -c "find '$1' -type f -print0 | sort -z | xargs -0 cat > /dev/null" | cut -d' ' -f1
}

say "| input | form | MB | threads | cores | seconds | MB/s | CPU s | peak RSS MB | cat s | ours/cat | exit | load | steal s |"
say "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

declare -A SPEED
# row LABEL FORM PATH THREADS: one extract run, CSV and Parquet written. With 1 thread
# the process is pinned to one core (taskset, when installed), so the scaling figure
# compares one core with two, not one worker plus idle reader/writer threads on two.
row() {
  local label=$1 form=$2 path=$3 threads=$4
  local pin=() cores=2
  if [ "$threads" = 1 ] && command -v taskset >/dev/null; then pin=(taskset -c 0); cores=1; fi
  local b; b=$(bytes "$path")
  local c; c=$(cat_time "$path")   # also warms the page cache for the run below
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  read -r s rss rc cpu steal < <(timed "$DATA/time-extract.log" "${pin[@]}" "$BIN" extract "$path" \
      --out "$DATA/out" --overwrite --quiet --threads "$threads")
  local mbs; mbs=$(awk -v b="$b" -v s="$s" 'BEGIN { printf "%.1f", (s > 0 ? b / s / 1e6 : 0) }')
  SPEED["$label/$form/$threads"]=$mbs
  say "| $label | $form | $(awk -v b="$b" 'BEGIN { printf "%.0f", b / 1e6 }') | $threads | $cores | $s | $mbs | $cpu | $(( rss / 1024 )) | $c | $(awk -v s="$s" -v c="$c" 'BEGIN { printf "%.1f", (c > 0 ? s / c : 0) }') | $rc | $load | $steal |"
}

generate "$MAIN_MB"
generate "$SMALL_MB"
generate "$BIG_MB"
M="$DATA/gen-$MAIN_MB"; S="$DATA/gen-$SMALL_MB"; B="$DATA/gen-$BIG_MB"

for t in 1 2; do row "gen-$MAIN_MB" folder "$M/txt" "$t"; done
for t in 1 2; do row "gen-$MAIN_MB" jsonl "$M/corpus.jsonl" "$t"; done
row "gen-$SMALL_MB" folder "$S/txt" 2
row "gen-$BIG_MB" folder "$B/txt" 2
row "gen-$SMALL_MB" jsonl "$S/corpus.jsonl" 2
row "gen-$BIG_MB" jsonl "$B/corpus.jsonl" 2
if [ -f "$REAL" ]; then
  for t in 1 2; do row reuters21578 jsonl "$REAL" "$t"; done
else
  say "| reuters21578 | jsonl | $REAL not found: skipped | | | | | | | | | |"
fi

# Issue 6: a 1-million-article .jsonl.zst read streaming, beside one of 100,000 articles.
# jsonl_zst N: N articles as one .jsonl.zst, cycling the Reuters-21578 articles (real
# wire copy, ~1 KB each) with a cycle prefix on every id so that all ids are unique;
# from the generated corpus when Reuters is absent. Reused when already built.
jsonl_zst() {
  local n=$1 out="$DATA/articles-$1.jsonl.zst" src=$REAL
  [ -f "$out" ] && return
  [ -f "$src" ] || src="$M/corpus.jsonl"
  echo "== building $out from $src" >&2
  # (awk stops by itself after N lines: a `| head -n N` ending the pipe early killed the
  # writer with SIGPIPE, which `set -o pipefail` turned into the end of the whole run)
  awk -v n="$n" '{ line[NR] = $0 }
    END {
      for (c = 0; k < n; c++)
        for (i = 1; i <= NR && k < n; i++) {
          l = line[i]; sub(/^[{]"id": ?"/, "{\"id\": \"c" c "/", l); print l; k++
        }
    }' "$src" | zstd -q -f -T1 -o "$out.part"
  mv "$out.part" "$out"
}
ZST_SIZES="100000 1000000"
[ -n "${QUICK:-}" ] && ZST_SIZES=100000
if command -v zstd >/dev/null; then
  for n in $ZST_SIZES; do
    jsonl_zst "$n"
    row "articles-$n" jsonl.zst "$DATA/articles-$n.jsonl.zst" 2
  done
else
  say "| articles-1000000 | jsonl.zst | zstd not installed: skipped | | | | | | | | | |"
fi

say ""
for form in folder jsonl; do
  one=${SPEED["gen-$MAIN_MB/$form/1"]}; two=${SPEED["gen-$MAIN_MB/$form/2"]}
  say "- scaling, gen-$MAIN_MB $form: 2 threads (2 cores) / 1 thread (1 core) = $(awk -v a="$two" -v b="$one" 'BEGIN { printf "%.2f", a / b }')x"
done
say ""

if command -v hyperfine >/dev/null; then
  echo "== hyperfine" >&2
  PIN1=$(command -v taskset >/dev/null && echo "taskset -c 0" || true)
  hyperfine --warmup 1 --runs 3 --export-markdown "$DATA/hyperfine.md" \
    -n cat "find '$S/txt' -type f -print0 | sort -z | xargs -0 cat > /dev/null" \
    -n "extract -j1, 1 core" "$PIN1 $BIN extract '$S/txt' --out '$DATA/out' --overwrite --quiet -j 1" \
    -n "extract -j2" "$BIN extract '$S/txt' --out '$DATA/out' --overwrite --quiet -j 2" >&2
  say "hyperfine, gen-$SMALL_MB folder (3 runs after 1 warm-up):"
  say ""
  tee -a "$RESULTS" <"$DATA/hyperfine.md"
  say ""
fi

if [ -z "${SKIP_DIVAN:-}" ]; then
  echo "== cargo bench --bench extract (divan, one core)" >&2
  say "divan, extraction alone (one core):"
  say ""
  say '```'
  WHOSAID_BENCH_REAL="$REAL" cargo bench --locked --quiet --bench extract 2>/dev/null | tee -a "$RESULTS"
  say '```'
fi
echo "results: $RESULTS" >&2
