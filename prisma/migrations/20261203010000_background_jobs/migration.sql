-- AlterTable
ALTER TABLE "OutgoingMail" ADD COLUMN "nextAttemptAt" DATETIME;

-- CreateTable
CREATE TABLE "JobLease" (
    "duty" TEXT NOT NULL PRIMARY KEY,
    "slot" INTEGER NOT NULL DEFAULT -1,
    "holder" TEXT NOT NULL DEFAULT '',
    "leaseUntil" DATETIME
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "duty" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "instance" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "result" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE INDEX "JobRun_duty_startedAt_idx" ON "JobRun"("duty", "startedAt");

-- CreateIndex
CREATE INDEX "OutgoingMail_status_nextAttemptAt_idx" ON "OutgoingMail"("status", "nextAttemptAt");

