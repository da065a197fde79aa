#!/usr/bin/env bash
# Extract a large corpus with GNU parallel: 16 shards spread over the machines in
# nodes.txt (one ssh login per line; ':' is the local machine), all writing into a
# folder every machine sees, then one merge. Needs whosaid on every node's PATH.
#
#   CORPUS=/shared/corpus OUT=/shared/whosaid-out bash examples/gnu_parallel.sh
set -euo pipefail

CORPUS=${CORPUS:-/shared/corpus}
OUT=${OUT:-/shared/whosaid-out}
SHARDS=${SHARDS:-16}
THREADS=${THREADS:-8}

# The command line itself (one job per shard, --halt stops at the first failure):
parallel --halt now,fail=1 --sshloginfile nodes.txt \
  whosaid extract "$CORPUS" --out "$OUT" --shard {}/"$SHARDS" --threads "$THREADS" --quiet \
  ::: $(seq 0 $((SHARDS - 1)))

# On one machine without GNU parallel, xargs does the same:
#   seq 0 15 | xargs -P 4 -I{} whosaid extract "$CORPUS" --out "$OUT" --shard {}/16 --threads 2 --quiet

whosaid merge "$OUT"
