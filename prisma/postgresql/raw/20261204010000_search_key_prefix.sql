-- Names starting with what was typed (the typeahead, every search's second
-- look-up) as a range of a B-tree on the folded key: the scan stops after the
-- names it needs, where the trigram index first collects every name containing
-- the prefix's trigrams (tens of thousands for "pha" or "cor" at 1M customers).
-- text_pattern_ops compares characters, so `key LIKE 'prefix%'` uses it whatever
-- the database's collation. Building it locks writes to the table for about a
-- minute per million customers (docs/benchmarks.md).
CREATE INDEX "CustomerSearchName_key_prefix_idx" ON "CustomerSearchName" ("key" text_pattern_ops);

-- The planner's sample of the folded key: 300 instead of 1000
-- (20261203030000_search_pairs_postgresql). It estimates every `key LIKE '%abc%'`
-- of a statement by matching the pattern against the whole sample, and a typo
-- search sends up to 16 look-ups of 2 or 3 such patterns: 7 ms of planning per
-- statement at 1000, 2-4 ms at 300, and a common trigram under LIMIT still gets
-- the trigram index (0.8 ms, where the sequential scan chosen at 100 took 81 ms).
ALTER TABLE "CustomerSearchName" ALTER COLUMN "key" SET STATISTICS 300;
ANALYZE "CustomerSearchName";
