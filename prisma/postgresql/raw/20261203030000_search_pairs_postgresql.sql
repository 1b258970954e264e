-- The CJK-pair function of the customer-search index (20261127143700_customer_search),
-- same results, computed about 15 times faster: the folded text is computed once
-- per name (the first version's subquery was inlined, so sc_search_spaced ran for
-- every character: 3 ms per Latin name), and a name without any wide character
-- (most Latin names and every tax number) answers at once. Stored pairs stay valid.
CREATE OR REPLACE FUNCTION "sc_search_pairs"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  WITH s AS MATERIALIZED (SELECT replace("sc_search_spaced"(t), ' ', '') AS c WHERE t ~ '[\u2E80-\U0010FFFF]')
  SELECT coalesce(array_agg(DISTINCT substr(s.c, i, 2)), '{}'::text[])
  FROM s, generate_series(1, length(s.c) - 1) AS i
  WHERE ascii(substr(s.c, i, 1)) >= 11904 AND ascii(substr(s.c, i + 1, 1)) >= 11904;
END;

-- A finer sample of the folded key for the planner: with the default (100) it
-- expects 1 % of all names to contain any trigram and, under LIMIT, prefers a
-- sequential scan (81 ms at 1M customers) to the trigram index (2 ms).
ALTER TABLE "CustomerSearchName" ALTER COLUMN "key" SET STATISTICS 1000;
ANALYZE "CustomerSearchName";
