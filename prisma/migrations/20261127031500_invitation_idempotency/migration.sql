-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_idempotencyKey_key" ON "Invitation"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Invitation_status_createdAt_idx" ON "Invitation"("status", "createdAt");

