-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutgoingMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "demoText" TEXT,
    "demoHtml" TEXT,
    "linkKind" TEXT NOT NULL DEFAULT '',
    "resend" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_OutgoingMail" ("attempts", "createdAt", "html", "id", "lastError", "locale", "sentAt", "status", "subject", "template", "text", "to") SELECT "attempts", "createdAt", "html", "id", "lastError", "locale", "sentAt", "status", "subject", "template", "text", "to" FROM "OutgoingMail";
DROP TABLE "OutgoingMail";
ALTER TABLE "new_OutgoingMail" RENAME TO "OutgoingMail";
CREATE INDEX "OutgoingMail_to_idx" ON "OutgoingMail"("to");
CREATE INDEX "OutgoingMail_createdAt_idx" ON "OutgoingMail"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Messages stored before this migration kept their sign-in links readable. Those links may still work:
-- replace the bodies of every token-bearing template (reset, set-password, invitations, join, respond).
UPDATE "OutgoingMail" SET "text" = '[The body of this message carried a sign-in link and was removed from the stored copy.]', "html" = '',
  "linkKind" = CASE "template"
    WHEN 'accounts:resetMail' THEN 'passwordReset'
    WHEN 'staff:welcomeMail' THEN 'staffSetPassword'
    WHEN 'users:inviteMail' THEN 'colleagueInvitation'
    WHEN 'users:joinApprovedMail' THEN 'colleagueInvitation'
    WHEN 'invitations:inviteMail' THEN 'customerInvitation'
    WHEN 'invitations:forwardMail' THEN 'customerInvitation'
    ELSE 'respondLink' END
WHERE "template" IN ('accounts:resetMail', 'staff:welcomeMail', 'users:inviteMail', 'users:joinApprovedMail', 'invitations:inviteMail', 'invitations:forwardMail', 'requests:mail.contact');
