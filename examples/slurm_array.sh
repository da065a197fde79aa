#!/usr/bin/env bash
# Extract a large corpus as a Slurm array job: 16 independent shards, then one merge
# job that validates them and writes out/manifest.json. Every shard writes its own
# part files into the shared folder out/ (out/quotes/part-000KK-of-00016.parquet), so
# after the merge `read_parquet('out/quotes/*.parquet')` is the whole dataset.
#
# Submit:   sbatch examples/slurm_array.sh
# (CORPUS and OUT may be overridden: CORPUS=/data/news OUT=/scratch/whosaid sbatch ...)
#
#SBATCH --job-name=whosaid
#SBATCH --array=0-15
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=logs/whosaid-%A_%a.out
set -euo pipefail

CORPUS=${CORPUS:-/shared/corpus}
OUT=${OUT:-/shared/whosaid-out}
SHARDS=16   # keep equal to the size of --array above

# Each task handles the articles whose id hashes to its index; every task reads the
# same inputs, in any order, and none of them needs the others.
whosaid extract "$CORPUS" --out "$OUT" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet

# The last task to be submitted queues the merge, run once every task succeeded.
if [ "${SLURM_ARRAY_TASK_ID}" = "0" ]; then
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=whosaid-merge \
    --output=logs/whosaid-merge-%j.out --wrap "whosaid merge '$OUT'"
fi
