-- Customer directory search index on PostgreSQL: the counterpart of the SQLite
-- FTS5 index of prisma/migrations/20261127143700_customer_search (see
-- docs/decisions/0003-customer-search.md; queries in
-- src/server/sql/customer-search.postgresql.ts). Hand-written; the generator
-- appends it to the generated migration.
--   spaced = separators -> space, ASCII lower case, spaces collapsed and trimmed (as on SQLite)
--   key    = E'\x02\x02' || spaced without spaces || E'\x03', folded (lower case, no accents)
--            like FTS5's "trigram remove_diacritics 1" tokenizer; GIN trigram index for LIKE
--   pairs  = adjacent wide (CJK) character pairs, GIN array index (2-character Chinese queries)
-- All computed by the database (generated columns, triggers), so no write path can bypass it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION "sc_search_spaced"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(regexp_replace(translate(translate(t, E' \t\n\r 　!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~‐‑‒–—―‘’‚‛“”„‟•…‧·・、。，．；：？！（）［］｛｝〔〕【】《》〈〉「」『』〃～－＋＆／＼＇＂＃＠＿｜®™©', '                                                                                                   '), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' {2,}', ' ', 'g'), ' ');

CREATE FUNCTION "sc_search_fold"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, t));

CREATE FUNCTION "sc_search_key"(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN "sc_search_fold"(E'\x02\x02' || replace("sc_search_spaced"(t), ' ', '') || E'\x03');

CREATE FUNCTION "sc_search_pairs"(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
  SELECT coalesce(array_agg(DISTINCT substr(c, i, 2)), '{}'::text[])
  FROM (SELECT replace("sc_search_spaced"(t), ' ', '') AS c) s, generate_series(1, length(s.c) - 1) AS i
  WHERE ascii(substr(s.c, i, 1)) >= 11904 AND ascii(substr(s.c, i + 1, 1)) >= 11904;
END;

CREATE TABLE "CustomerSearchName" (
  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "customerId" text NOT NULL,
  "aliasId" text,
  "kind" text NOT NULL,
  "text" text NOT NULL,
  "spaced" text GENERATED ALWAYS AS ("sc_search_spaced"("text")) STORED,
  "key" text GENERATED ALWAYS AS ("sc_search_key"("text")) STORED,
  "pairs" text[] GENERATED ALWAYS AS ("sc_search_pairs"("text")) STORED
);
CREATE INDEX "CustomerSearchName_customerId_idx" ON "CustomerSearchName"("customerId");
CREATE INDEX "CustomerSearchName_aliasId_idx" ON "CustomerSearchName"("aliasId") WHERE "aliasId" IS NOT NULL;
CREATE INDEX "CustomerSearchName_spaced_idx" ON "CustomerSearchName"("spaced");
CREATE INDEX "CustomerSearchName_key_idx" ON "CustomerSearchName" USING gin ("key" gin_trgm_ops);
CREATE INDEX "CustomerSearchName_pairs_idx" ON "CustomerSearchName" USING gin ("pairs");

CREATE FUNCTION "sc_customer_search_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "CustomerSearchName" WHERE "customerId" = OLD."id" AND (TG_OP = 'DELETE' OR "aliasId" IS NULL);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "CustomerSearchName" ("customerId", "kind", "text")
    SELECT NEW."id", k, t FROM (VALUES ('NAME', NEW."name"), ('NAME_ZH', NEW."nameZh"), ('TAX_ID', NEW."taxId"),
      ('REGISTRATION', NEW."registrationNumber")) AS v(k, t)
    WHERE btrim(t) <> '';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Customer_search_ai" AFTER INSERT ON "Customer" FOR EACH ROW EXECUTE FUNCTION "sc_customer_search_names"();
CREATE TRIGGER "Customer_search_au" AFTER UPDATE OF "id", "name", "nameZh", "taxId", "registrationNumber" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION "sc_customer_search_names"();
CREATE TRIGGER "Customer_search_ad" AFTER DELETE ON "Customer" FOR EACH ROW EXECUTE FUNCTION "sc_customer_search_names"();

CREATE FUNCTION "sc_alias_search_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "CustomerSearchName" WHERE "aliasId" = OLD."id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND btrim(NEW."name") <> '' THEN
    INSERT INTO "CustomerSearchName" ("customerId", "aliasId", "kind", "text") VALUES (NEW."customerId", NEW."id", NEW."kind", NEW."name");
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "CustomerAlias_search" AFTER INSERT OR UPDATE OR DELETE ON "CustomerAlias"
  FOR EACH ROW EXECUTE FUNCTION "sc_alias_search_names"();

-- Existing customers and aliases.
INSERT INTO "CustomerSearchName" ("customerId", "kind", "text")
  SELECT "id", 'NAME', "name" FROM "Customer" WHERE btrim("name") <> ''
  UNION ALL SELECT "id", 'NAME_ZH', "nameZh" FROM "Customer" WHERE btrim("nameZh") <> ''
  UNION ALL SELECT "id", 'TAX_ID', "taxId" FROM "Customer" WHERE btrim("taxId") <> ''
  UNION ALL SELECT "id", 'REGISTRATION', "registrationNumber" FROM "Customer" WHERE btrim("registrationNumber") <> '';
INSERT INTO "CustomerSearchName" ("customerId", "aliasId", "kind", "text")
  SELECT "customerId", "id", "kind", "name" FROM "CustomerAlias" WHERE btrim("name") <> '';
