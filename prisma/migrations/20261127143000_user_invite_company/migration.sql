-- AlterTable
ALTER TABLE "OneTimeToken" ADD COLUMN "supplierId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "OneTimeToken_supplierId_email_key" ON "OneTimeToken"("supplierId", "email");

