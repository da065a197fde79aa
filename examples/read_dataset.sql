-- Read a whosaid dataset in the DuckDB CLI:  duckdb -f examples/read_dataset.sql
-- Partitioned / sharded runs: a glob over the part files is one table.
SELECT count(*) AS quotes FROM read_parquet('out/quotes/*.parquet');
SELECT speaker, count(*) AS n FROM read_parquet('out/quotes/*.parquet')
  GROUP BY speaker ORDER BY n DESC LIMIT 20;
SELECT status, count(*) FROM read_parquet('out/articles/*.parquet') GROUP BY status;
-- A single run (whosaid extract seeds/ --out out/):
--   SELECT * FROM 'out/quotes.parquet';
-- The CSV files read the same way:
--   SELECT * FROM read_csv('out/quotes/*.csv', header = true);
