-- Typo correction by vocabulary on PostgreSQL (decision 0015): a typo look-up
-- by trigrams has to collect every name holding the query's common trigrams
-- ("han", "com") before its LIMIT applies. Instead a typed word is first
-- corrected against the directory's distinct words (about a quarter of a
-- million at 1M customers) and the names are then looked up by the corrected
-- words, both through small, selective index entries.
--   words     = the distinct folded words of a name (4+ characters, no CJK), GIN
--   CustomerSearchWord = every such word once, with its deletion neighbourhood:
--               each form with one character left out, and for words of 9+
--               characters each form with two left out (GIN). A word within one
--               edit of the typed word (insert, delete, substitute, swap) shares
--               a one-deletion form with it, within two edits a two-deletion form.
-- Kept current by the database: `words` is a generated column and a trigger adds
-- new words to the vocabulary. A word whose last name was renamed or deleted
-- stays in the vocabulary: a correction to it finds no name, which costs one
-- index probe.

CREATE FUNCTION "sc_search_words"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT coalesce(array_agg(DISTINCT w), '{}'::text[])
  FROM unnest(string_to_array("sc_search_fold"("sc_search_spaced"(t)), ' ')) AS w
  WHERE char_length(w) BETWEEN 4 AND 40 AND w !~ '[\u2E80-\U0010FFFF]';
END;

CREATE FUNCTION "sc_search_deletions"(w text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT coalesce(array_agg(DISTINCT d), '{}'::text[]) FROM (
    SELECT overlay(w PLACING '' FROM i FOR 1) AS d FROM generate_series(1, char_length(w)) AS i
    UNION ALL
    SELECT overlay(overlay(w PLACING '' FROM j FOR 1) PLACING '' FROM i FOR 1)
    FROM generate_series(1, char_length(w)) AS i, generate_series(i + 1, char_length(w)) AS j
    WHERE char_length(w) >= 9
  ) s;
END;

ALTER TABLE "CustomerSearchName" ADD COLUMN "words" text[]
  GENERATED ALWAYS AS (CASE WHEN "kind" IN ('TAX_ID', 'REGISTRATION') THEN '{}'::text[] ELSE "sc_search_words"("text") END) STORED;
CREATE INDEX "CustomerSearchName_words_idx" ON "CustomerSearchName" USING gin ("words");

CREATE TABLE "CustomerSearchWord" (
  "word" text PRIMARY KEY,
  "deletions" text[] GENERATED ALWAYS AS ("sc_search_deletions"("word")) STORED
);
CREATE INDEX "CustomerSearchWord_deletions_idx" ON "CustomerSearchWord" USING gin ("deletions");

-- The vocabulary words equal to one of `keys` or having one of them among
-- their deletion forms. The deletion forms are all rare, so the planner has no
-- statistics on them and expects 0.5 % of the words per key: with a hundred
-- keys (two typos in a long word) it would scan the whole table (seconds), where
-- the index answers in a millisecond. Sequential scans are off inside.
CREATE FUNCTION "sc_search_words_near"(keys text[]) RETURNS SETOF text LANGUAGE sql STABLE PARALLEL SAFE STRICT
  SET enable_seqscan = off
BEGIN ATOMIC
  SELECT "word" FROM "CustomerSearchWord" WHERE "deletions" && keys OR "word" = ANY (keys);
END;

-- New words of inserted names (a rename is a delete and an insert). One sorted
-- insert per statement: two transactions adding the same new words take their
-- locks in the same order.
CREATE FUNCTION "sc_search_words_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CustomerSearchWord" ("word")
  SELECT DISTINCT w FROM added, unnest(added."words") AS w ORDER BY 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER "CustomerSearchName_words" AFTER INSERT ON "CustomerSearchName"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "sc_search_words_added"();

-- Existing names.
INSERT INTO "CustomerSearchWord" ("word")
  SELECT DISTINCT w FROM "CustomerSearchName", unnest("words") AS w ORDER BY 1
  ON CONFLICT DO NOTHING;
ANALYZE "CustomerSearchWord";
ANALYZE "CustomerSearchName";
