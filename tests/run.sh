#!/usr/bin/env bash
# The project's whole test suite, from a fresh clone: fetches crates, builds, runs the
# Rust tests, then loads the datasets in pandas, pyarrow and DuckDB from a virtualenv
# that this script creates (.venv, from PyPI). The README's test command and .ci/run
# both call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fetch"
cargo fetch --locked

echo "== format and lint"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

echo "== python virtualenv (.venv: pandas, pyarrow, duckdb)"
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import pandas, pyarrow, duckdb" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
fi
export WHOSAID_PYTHON="$PWD/.venv/bin/python"

echo "== cargo test"
cargo test --locked
