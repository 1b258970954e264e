-- CreateTable
CREATE TABLE "AdminRightsRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "supplierId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "pendingKey" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AdminRightsRequest_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "SupplierCompany" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AdminRightsRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminRightsRequest_pendingKey_key" ON "AdminRightsRequest"("pendingKey");

-- CreateIndex
CREATE INDEX "AdminRightsRequest_status_createdAt_idx" ON "AdminRightsRequest"("status", "createdAt");

