#!/usr/bin/env bash
# Builds the seed corpora fuzz/corpus/<target>/ from the committed test fixtures
# (tests/fixtures/{hostile,inputs,gold}) and, when present, the first 200 Reuters
# articles of ../shared/corpus. Idempotent: every seed is named by its content hash.
# Usage: bash fuzz/seed_corpora.sh   (then `cargo +nightly fuzz run <target>` in fuzz/)
set -euo pipefail
cd "$(dirname "$0")"
fx=../tests/fixtures
reuters=../../shared/corpus/reuters21578.jsonl
[ -f "$reuters" ] || reuters=/work/shared/corpus/reuters21578.jsonl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# add TARGET FILE: copies FILE into corpus/TARGET under its content hash.
add() {
    mkdir -p "corpus/$1"
    cp "$2" "corpus/$1/seed-$(sha1sum "$2" | cut -c1-16)"
}

# The reader fixtures (hidden ones too: they are bytes like any other).
while IFS= read -r -d '' f; do
    case "$f" in
        *.gz) add read_gz "$f" ;;
        *.zst) add read_zst "$f" ;;
        *.jsonl) add read_jsonl "$f"; add read_json "$f"
                 gzip -9nc "$f" > "$tmp/g"; add read_gz "$tmp/g"
                 zstd -q -19 -c "$f" > "$tmp/z"; add read_zst "$tmp/z" ;;
        *.json) add read_json "$f"; add read_jsonl "$f" ;;
        *.html) add read_html "$f"; add read_txt "$f" ;;
        *) add read_txt "$f"; add read_html "$f"
           zstd -q -19 -c "$f" > "$tmp/z"; add read_zst "$tmp/z" ;;
    esac
done < <(find "$fx/hostile" "$fx/inputs" -type f -print0)

# Gold files: JSONL articles for the JSONL readers, each article's text for the
# extractor and the plain-text reader.
n=0
for f in "$fx"/gold/*.jsonl; do
    add read_jsonl "$f"
    while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" | jq -j '.text' > "$tmp/t$n"
        add extract "$tmp/t$n"
        add read_txt "$tmp/t$n"
        printf '%s' "$line" > "$tmp/j$n"
        add read_json "$tmp/j$n"
    done < "$f"
done

# Real wire text for the extractor (skipped when the shared corpus is absent).
if [ -f "$reuters" ]; then
    head -n 200 "$reuters" | while IFS= read -r line; do
        printf '%s' "$line" | jq -j '.text' > "$tmp/r"
        add extract "$tmp/r"
    done
fi
for t in corpus/*; do
    echo "$t: $(ls "$t" | wc -l) seeds"
done
