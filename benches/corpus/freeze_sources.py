#!/usr/bin/env python3
"""Freezes generator source articles into one pinned file (benches/corpus/README.md).

    python3 benches/corpus/freeze_sources.py FILE... > benches/corpus/vN.jsonl

Each FILE is a .txt/.md (one article: its first line is the title) or a .jsonl of
articles (`text` and optional `title`, the gold fixture format). Writes one JSON line
per article, in the order given: {"source": FILE, "title": ..., "text": ...}, with
exactly the strings `whosaid generate-corpus --from FILE...` would read. A pinned file
is never edited: a new source set is a new version.
"""
import json
import sys

for path in sys.argv[1:]:
    with open(path, "rb") as f:
        body = f.read().decode("utf-8", errors="replace")
    if path.lower().endswith(".jsonl"):
        # Lines as Rust's str::lines() splits them (only at \n), not splitlines().
        for line in body.split("\n"):
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            v = json.loads(line)
            text = v.get("text")
            if not isinstance(text, str):
                continue
            out = {"source": path}
            title = v.get("title")
            if isinstance(title, str):
                out["title"] = title
            out["text"] = text
            print(json.dumps(out, ensure_ascii=False))
    else:
        print(json.dumps({"source": path, "text": body}, ensure_ascii=False))
