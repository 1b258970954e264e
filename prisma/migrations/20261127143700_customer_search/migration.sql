-- Customer directory search index (docs/decisions/0003-customer-search.md).
-- Every name, alias and number of a customer becomes one row of CustomerSearchName
-- (kept by triggers on Customer and CustomerAlias); each row is indexed in the
-- FTS5 trigram table CustomerSearchIndex (kept by triggers on CustomerSearchName).
-- All normalization happens here, in SQL, so no write path can bypass it:
--   spaced = separators -> space, ASCII lower case, spaces collapsed and trimmed
--            (mirrored for queries by spacedForm() in src/features/directory/normalize.ts);
--   key    = char(2,2) || spaced without spaces || char(3)   (start/end anchors for prefix/exact);
--   grams  = every pair of adjacent wide (CJK) characters followed by char(4), so that
--            two-character Chinese queries are trigram look-ups too;
--   the tokenizer folds case and removes diacritics, identically for text and queries.

CREATE TABLE "CustomerSearchName" (
  "id" INTEGER NOT NULL PRIMARY KEY,
  "customerId" TEXT NOT NULL,
  "aliasId" TEXT,
  "kind" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "spaced" TEXT GENERATED ALWAYS AS (trim(replace(replace(replace(replace(replace(lower(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("text", ' ', ' '), char(9), ' '), char(10), ' '), char(13), ' '), ' ', ' '), '　', ' '), '!', ' '), '"', ' '), '#', ' '), '$', ' '), '%', ' '), '&', ' '), '''', ' '), '(', ' '), ')', ' '), '*', ' '), '+', ' '), ',', ' '), '-', ' '), '.', ' '), '/', ' '), ':', ' '), ';', ' '), '<', ' '), '=', ' '), '>', ' '), '?', ' '), '@', ' '), '[', ' '), '\', ' '), ']', ' '), '^', ' '), '_', ' '), '`', ' '), '{', ' '), '|', ' '), '}', ' '), '~', ' '), '‐', ' '), '‑', ' '), '‒', ' '), '–', ' '), '—', ' '), '―', ' '), '‘', ' '), '’', ' '), '‚', ' '), '‛', ' '), '“', ' '), '”', ' '), '„', ' '), '‟', ' '), '•', ' '), '…', ' '), '‧', ' '), '·', ' '), '・', ' '), '、', ' '), '。', ' '), '，', ' '), '．', ' '), '；', ' '), '：', ' '), '？', ' '), '！', ' '), '（', ' '), '）', ' '), '［', ' '), '］', ' '), '｛', ' '), '｝', ' '), '〔', ' '), '〕', ' '), '【', ' '), '】', ' '), '《', ' '), '》', ' '), '〈', ' '), '〉', ' '), '「', ' '), '」', ' '), '『', ' '), '』', ' '), '〃', ' '), '～', ' '), '－', ' '), '＋', ' '), '＆', ' '), '／', ' '), '＼', ' '), '＇', ' '), '＂', ' '), '＃', ' '), '＠', ' '), '＿', ' '), '｜', ' '), '®', ' '), '™', ' '), '©', ' ')), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), ' ')) STORED
);
CREATE INDEX "CustomerSearchName_customerId_idx" ON "CustomerSearchName"("customerId");
CREATE INDEX "CustomerSearchName_aliasId_idx" ON "CustomerSearchName"("aliasId") WHERE "aliasId" IS NOT NULL;
CREATE INDEX "CustomerSearchName_spaced_idx" ON "CustomerSearchName"("spaced");

CREATE TABLE "CustomerSearchDigit" ("n" INTEGER NOT NULL PRIMARY KEY);
INSERT INTO "CustomerSearchDigit" ("n")
  WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 400) SELECT n FROM c;

CREATE VIRTUAL TABLE "CustomerSearchIndex" USING fts5(
  key, grams, content='', contentless_delete=1, tokenize="trigram remove_diacritics 1"
);

CREATE TRIGGER "CustomerSearchName_ai" AFTER INSERT ON "CustomerSearchName" BEGIN
  INSERT INTO "CustomerSearchIndex" (rowid, key, grams)
  SELECT new.id, char(2, 2) || c || char(3),
    (SELECT group_concat(substr(c, d.n, 2) || char(4), '') FROM "CustomerSearchDigit" d
      WHERE d.n < length(c) AND unicode(substr(c, d.n, 1)) >= 11904 AND unicode(substr(c, d.n + 1, 1)) >= 11904)
  FROM (SELECT replace(new.spaced, ' ', '') AS c);
END;
CREATE TRIGGER "CustomerSearchName_ad" AFTER DELETE ON "CustomerSearchName" BEGIN
  DELETE FROM "CustomerSearchIndex" WHERE rowid = old.id;
END;
CREATE TRIGGER "CustomerSearchName_au" AFTER UPDATE ON "CustomerSearchName" BEGIN
  DELETE FROM "CustomerSearchIndex" WHERE rowid = old.id;
  INSERT INTO "CustomerSearchIndex" (rowid, key, grams)
  SELECT new.id, char(2, 2) || c || char(3),
    (SELECT group_concat(substr(c, d.n, 2) || char(4), '') FROM "CustomerSearchDigit" d
      WHERE d.n < length(c) AND unicode(substr(c, d.n, 1)) >= 11904 AND unicode(substr(c, d.n + 1, 1)) >= 11904)
  FROM (SELECT replace(new.spaced, ' ', '') AS c);
END;

CREATE TRIGGER "Customer_search_ai" AFTER INSERT ON "Customer" BEGIN
  INSERT INTO "CustomerSearchName" ("customerId", "kind", "text")
  SELECT new.id, k, t FROM (
    SELECT 'NAME' AS k, new.name AS t
    UNION ALL SELECT 'NAME_ZH', new.nameZh
    UNION ALL SELECT 'TAX_ID', new.taxId
    UNION ALL SELECT 'REGISTRATION', new.registrationNumber
  ) WHERE trim(t) <> '';
END;
CREATE TRIGGER "Customer_search_au" AFTER UPDATE OF "id", "name", "nameZh", "taxId", "registrationNumber" ON "Customer" BEGIN
  DELETE FROM "CustomerSearchName" WHERE "customerId" = old.id AND "aliasId" IS NULL;
  INSERT INTO "CustomerSearchName" ("customerId", "kind", "text")
  SELECT new.id, k, t FROM (
    SELECT 'NAME' AS k, new.name AS t
    UNION ALL SELECT 'NAME_ZH', new.nameZh
    UNION ALL SELECT 'TAX_ID', new.taxId
    UNION ALL SELECT 'REGISTRATION', new.registrationNumber
  ) WHERE trim(t) <> '';
END;
CREATE TRIGGER "Customer_search_ad" AFTER DELETE ON "Customer" BEGIN
  DELETE FROM "CustomerSearchName" WHERE "customerId" = old.id;
END;

CREATE TRIGGER "CustomerAlias_search_ai" AFTER INSERT ON "CustomerAlias" BEGIN
  INSERT INTO "CustomerSearchName" ("customerId", "aliasId", "kind", "text")
  SELECT new.customerId, new.id, new.kind, new.name WHERE trim(new.name) <> '';
END;
CREATE TRIGGER "CustomerAlias_search_au" AFTER UPDATE ON "CustomerAlias" BEGIN
  DELETE FROM "CustomerSearchName" WHERE "aliasId" = old.id;
  INSERT INTO "CustomerSearchName" ("customerId", "aliasId", "kind", "text")
  SELECT new.customerId, new.id, new.kind, new.name WHERE trim(new.name) <> '';
END;
CREATE TRIGGER "CustomerAlias_search_ad" AFTER DELETE ON "CustomerAlias" BEGIN
  DELETE FROM "CustomerSearchName" WHERE "aliasId" = old.id;
END;

-- Existing customers and aliases.
INSERT INTO "CustomerSearchName" ("customerId", "kind", "text")
  SELECT id, 'NAME', name FROM "Customer" WHERE trim(name) <> ''
  UNION ALL SELECT id, 'NAME_ZH', nameZh FROM "Customer" WHERE trim(nameZh) <> ''
  UNION ALL SELECT id, 'TAX_ID', taxId FROM "Customer" WHERE trim(taxId) <> ''
  UNION ALL SELECT id, 'REGISTRATION', registrationNumber FROM "Customer" WHERE trim(registrationNumber) <> '';
INSERT INTO "CustomerSearchName" ("customerId", "aliasId", "kind", "text")
  SELECT customerId, id, kind, name FROM "CustomerAlias" WHERE trim(name) <> '';
