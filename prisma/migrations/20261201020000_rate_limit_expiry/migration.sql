-- AlterTable
ALTER TABLE "RateLimit" ADD COLUMN "expiresAt" DATETIME;

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");


-- Counters written before limits were named policies have keys no policy reads
-- again and no expiry: drop them (used CAPTCHA markers stay).
DELETE FROM "RateLimit" WHERE "key" NOT LIKE 'captcha:%';
