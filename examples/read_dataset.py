#!/usr/bin/env python3
"""Read a whosaid dataset (a single run or a merged, partitioned one) in DuckDB and pandas.

    python examples/read_dataset.py out/

The lines to copy are the ones below: DuckDB's read_parquet takes a glob over the part
files; pandas.read_parquet takes the list of part files (the folder alone would also
pick up the .csv parts that sit next to them).
"""

import glob
import sys
from pathlib import Path

import duckdb
import pandas as pd

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
partitioned = (out / "quotes").is_dir()
quotes_glob = f"{out}/quotes/*.parquet" if partitioned else f"{out}/quotes.parquet"
articles_glob = f"{out}/articles/*.parquet" if partitioned else f"{out}/articles.parquet"

# DuckDB: who is quoted most, and with which reporting verbs.
print(duckdb.sql(f"""
    SELECT speaker, count(*) AS quotes, list(DISTINCT cue_lemma) AS cues
    FROM read_parquet('{quotes_glob}')
    WHERE speaker IS NOT NULL
    GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT 10
"""))

# DuckDB: quotes joined to their articles (title, date).
print(duckdb.sql(f"""
    SELECT a.title, q.kind, q.text
    FROM read_parquet('{quotes_glob}') q
    JOIN read_parquet('{articles_glob}') a USING (article_id)
    ORDER BY q.article_id, q.quote_index LIMIT 5
"""))

# pandas: the whole table as one DataFrame (part files in name order = input order).
quotes = pd.read_parquet(sorted(glob.glob(quotes_glob)))
articles = pd.read_parquet(sorted(glob.glob(articles_glob)))
print(quotes.groupby("kind").size())
print(f"{len(quotes)} quotes from {len(articles)} articles "
      f"({(articles.status == 'ok').sum()} read ok)")
