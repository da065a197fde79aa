#!/usr/bin/env python3
"""Checks a whosaid dataset the way its users read it: pandas, pyarrow and DuckDB.

Usage:
    check_dataset.py OUT_DIR [--schemas DIR] [--compare OTHER_DIR]

OUT_DIR is the --out folder of `whosaid extract` (quotes.parquet, ...) or a
partitioned one (quotes/part-*.parquet, ..., after `whosaid merge`). Checks:

- both tables load from Parquet with pyarrow, pandas and DuckDB, and from CSV with
  pandas and DuckDB;
- column names, order and types match schemas/<table>.schema.json, and columns
  declared non-nullable hold no nulls;
- CSV and Parquet agree row for row (nulls are empty CSV fields);
- for every contiguous quote, articles.text[start:end] == quotes.text (Python string
  slicing counts code points, as the dataset does);
- quote ids are unique and every quote's article is in articles;
- the row counts equal those in manifest.json;
- with --compare OTHER_DIR (e.g. an unsharded run of the same inputs), DuckDB's
  read_parquet('OUT_DIR/quotes/*.parquet') holds exactly the rows of OTHER_DIR.

Exits 0 when every check passes, 1 with a message naming the first failure.
"""

import argparse
import json
import math
import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("quotes", "articles")
ARROW_TYPES = {
    "string": (pa.string(), pa.large_string(), pa.string_view()),
    "int32": (pa.int32(),),
    "int64": (pa.int64(),),
    "float32": (pa.float32(),),
}
DUCKDB_TYPES = {"string": "VARCHAR", "int32": "INTEGER", "int64": "BIGINT", "float32": "FLOAT"}


class CheckFailed(Exception):
    pass


def check(cond, message):
    if not cond:
        raise CheckFailed(message)


def files(out: Path, table: str, ext: str):
    """The files of a table: the single file, or the part files in name order."""
    single = out / f"{table}.{ext}"
    if single.exists():
        return [single]
    parts = sorted((out / table).glob(f"part-*.{ext}"))
    check(parts, f"{out}: no {table}.{ext} and no {table}/part-*.{ext}")
    return parts


def glob_of(out: Path, table: str, ext: str) -> str:
    single = out / f"{table}.{ext}"
    return str(single) if single.exists() else str(out / table / f"*.{ext}")


def load_schema(schemas: Path, table: str):
    doc = json.loads((schemas / f"{table}.schema.json").read_text(encoding="utf-8"))
    check(doc["table"] == table, f"{table}.schema.json names table {doc['table']}")
    return doc["columns"]


def check_arrow(table: pa.Table, columns, what: str):
    names = [c["name"] for c in columns]
    check(table.column_names == names, f"{what}: columns {table.column_names} != schema {names}")
    for c in columns:
        field = table.schema.field(c["name"])
        check(
            field.type in ARROW_TYPES[c["type"]],
            f"{what}: column {c['name']} is {field.type}, schema says {c['type']}",
        )
        if not c["nullable"]:
            check(table.column(c["name"]).null_count == 0, f"{what}: nulls in non-nullable {c['name']}")


def check_duckdb_types(con, source: str, columns, what: str):
    described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    got = [(r[0], r[1]) for r in described]
    want = [(c["name"], DUCKDB_TYPES[c["type"]]) for c in columns]
    check(got == want, f"{what}: DuckDB sees {got}, schema says {want}")


def csv_equal(csv_value: str, value, kind: str) -> bool:
    if value is None:
        return csv_value == ""
    if kind == "string":
        return csv_value == value
    if kind in ("int32", "int64"):
        return csv_value != "" and int(csv_value) == value
    if csv_value == "":
        return False
    a, b = np.float32(float(csv_value)), np.float32(value)
    return a == b or (math.isnan(a) and math.isnan(b))


def check_csv_matches_parquet(csv_df: pd.DataFrame, table: pa.Table, columns, what: str):
    check(list(csv_df.columns) == table.column_names, f"{what}: CSV header {list(csv_df.columns)}")
    check(len(csv_df) == table.num_rows, f"{what}: CSV has {len(csv_df)} rows, Parquet {table.num_rows}")
    for c in columns:
        name, kind = c["name"], c["type"]
        csv_col = csv_df[name].tolist()
        pq_col = table.column(name).to_pylist()
        for i, (a, b) in enumerate(zip(csv_col, pq_col)):
            check(csv_equal(a, b, kind), f"{what}: row {i} column {name}: CSV {a!r} != Parquet {b!r}")


def read_csv(paths):
    frames = [
        pd.read_csv(p, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
        for p in paths
    ]
    return pd.concat(frames, ignore_index=True)


def check_dataset(out: Path, schemas: Path):
    con = duckdb.connect()
    tables = {}
    for name in TABLES:
        columns = load_schema(schemas, name)
        pq_files = files(out, name, "parquet")
        csv_files = files(out, name, "csv")
        # pyarrow, one file after another in name order (= the dataset's row order).
        arrow = pa.concat_tables([pq.read_table(p) for p in pq_files])
        check_arrow(arrow, columns, f"{name} (pyarrow)")
        # pandas over Parquet.
        pdf = pd.concat([pd.read_parquet(p) for p in pq_files], ignore_index=True)
        check(list(pdf.columns) == [c["name"] for c in columns], f"{name} (pandas): columns")
        check(len(pdf) == arrow.num_rows, f"{name} (pandas): {len(pdf)} rows")
        # DuckDB over Parquet and CSV.
        source = f"read_parquet('{glob_of(out, name, 'parquet')}')"
        check_duckdb_types(con, source, columns, f"{name} (DuckDB Parquet)")
        n = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
        check(n == arrow.num_rows, f"{name} (DuckDB Parquet): {n} rows, pyarrow {arrow.num_rows}")
        csv_source = f"read_csv('{glob_of(out, name, 'csv')}', header=true, all_varchar=true)"
        n = con.execute(f"SELECT count(*) FROM {csv_source}").fetchone()[0]
        check(n == arrow.num_rows, f"{name} (DuckDB CSV): {n} rows, Parquet {arrow.num_rows}")
        # CSV (pandas) against Parquet (pyarrow), row for row.
        check_csv_matches_parquet(read_csv(csv_files), arrow, columns, name)
        tables[name] = arrow

    quotes = tables["quotes"].to_pylist()
    articles = {a["article_id"]: a for a in tables["articles"].to_pylist()}
    ids = [q["quote_id"] for q in quotes]
    check(len(ids) == len(set(ids)), "quote_id values are not unique")
    contiguous = 0
    for q in quotes:
        a = articles.get(q["article_id"])
        check(a is not None, f"quote {q['quote_id']}: article {q['article_id']} not in articles")
        text = a["text"]
        check(0 <= q["start"] < q["end"] <= len(text), f"quote {q['quote_id']}: bad span")
        span = text[q["start"]:q["end"]]
        if q["end"] - q["start"] == len(q["text"]):
            check(span == q["text"], f"quote {q['quote_id']}: text[start:end] = {span!r} != {q['text']!r}")
            contiguous += 1
        else:
            words = q["text"].split()
            check(words and span.startswith(words[0]), f"quote {q['quote_id']}: span does not start with the quote")
    per_article = {}
    for q in quotes:
        per_article[q["article_id"]] = per_article.get(q["article_id"], 0) + 1
    for aid, a in articles.items():
        check(a["n_quotes"] == per_article.get(aid, 0), f"article {aid}: n_quotes {a['n_quotes']}")
        check(a["n_chars"] == len(a["text"]), f"article {aid}: n_chars {a['n_chars']} != len(text)")

    manifest_path = out / "manifest.json"
    check(manifest_path.exists(), f"{manifest_path} missing (run `whosaid merge` on a sharded run)")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    check(manifest["rows"]["quotes"] == len(quotes), "manifest quote count")
    check(manifest["rows"]["articles"] == len(articles), "manifest article count")
    return {"quotes": len(quotes), "articles": len(articles), "contiguous_checked": contiguous}


def check_same_rows(out: Path, other: Path):
    """DuckDB: OUT's Parquet files (a glob over the parts) hold exactly OTHER's rows."""
    con = duckdb.connect()
    for name, key in (("quotes", "quote_id"), ("articles", "article_id")):
        a = f"read_parquet('{glob_of(out, name, 'parquet')}')"
        b = f"read_parquet('{glob_of(other, name, 'parquet')}')"
        na = con.execute(f"SELECT count(*) FROM {a}").fetchone()[0]
        nb = con.execute(f"SELECT count(*) FROM {b}").fetchone()[0]
        check(na == nb, f"{name}: {out} has {na} rows, {other} has {nb}")
        ka = con.execute(f"SELECT {key} FROM {a} ORDER BY {key}").fetchall()
        kb = con.execute(f"SELECT {key} FROM {b} ORDER BY {key}").fetchall()
        check(ka == kb, f"{name}: the {key} values differ between {out} and {other}")
        for x, y in ((a, b), (b, a)):
            extra = con.execute(f"SELECT count(*) FROM (SELECT * FROM {x} EXCEPT ALL SELECT * FROM {y})").fetchone()[0]
            check(extra == 0, f"{name}: {extra} rows of {x} are not in {y}")


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--schemas", type=Path, default=here.parent.parent / "schemas")
    ap.add_argument("--compare", type=Path, help="a dataset that must hold the same rows")
    args = ap.parse_args()
    try:
        stats = check_dataset(args.out, args.schemas)
        if args.compare:
            check_same_rows(args.out, args.compare)
            stats["same_rows_as"] = str(args.compare)
    except CheckFailed as e:
        print(f"check_dataset: FAILED: {e}", file=sys.stderr)
        return 1
    print(f"check_dataset: ok: {args.out}: {json.dumps(stats)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
