import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/server/passwords";
import { notify } from "@/features/notifications/service";
import { connectedAmong } from "@/features/relationships/service";
import { isLng } from "@/lib/i18n/config";
import { serializePermissions } from "@/lib/permissions";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { hashToken, isTokenShaped } from "@/server/tokens";
import { INVITE_PURPOSE, type InviteData } from "./core";
import type { ColleagueJoinInput } from "./schemas";

/**
 * Supplier users, the invited colleague's side: what the registration page
 * shows for a link, and registering from it (the account gets the access the
 * invitation chose, in one transaction that uses the link up).
 */

export type InviteState = { state: "valid"; email: string; company: string; name: string; locale: string } | { state: "used" | "expired" | "invalid" };

/** What the registration page shows for a link. */
export async function inspectColleagueInvitation(token: string): Promise<InviteState> {
  if (!isTokenShaped(token)) return { state: "invalid" };
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== INVITE_PURPOSE || !row.supplierId || !row.email) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= new Date()) return { state: "expired" };
  const data = JSON.parse(row.data) as InviteData;
  const company = await db.supplierCompany.findUnique({ where: { id: row.supplierId }, select: { name: true } });
  if (!company) return { state: "invalid" };
  return { state: "valid", email: row.email, company: company.name, name: data.name ?? "", locale: data.locale };
}

export type ColleagueJoinResult = { ok: true; userId: string; email: string } | { ok: false; error: "invalid" | "emailTaken" };

/** Registers the invited colleague in the company with the access chosen, in one transaction. */
export async function acceptColleagueInvitation(token: string, input: Omit<ColleagueJoinInput, "token" | "confirm">, ip: string): Promise<ColleagueJoinResult> {
  if (!isTokenShaped(token)) return { ok: false, error: "invalid" };
  const tokenHash = hashToken(token);
  const row = await db.oneTimeToken.findUnique({ where: { tokenHash } });
  if (!row || row.purpose !== INVITE_PURPOSE || !row.supplierId || !row.email || row.usedAt || row.expiresAt <= new Date()) {
    return { ok: false, error: "invalid" };
  }
  const data = JSON.parse(row.data) as InviteData;
  const supplierId = row.supplierId;
  const email = row.email;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false, error: "emailTaken" };
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const used = await tx.oneTimeToken.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (used.count !== 1) return { ok: false as const, error: "invalid" as const };
      // Only customers still connected to the company.
      const still = await connectedAmong(supplierId, data.customerIds, tx);
      const user = await tx.user.create({
        data: {
          email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          kind: "SUPPLIER",
          supplierId,
          permissions: serializePermissions(data.permissions),
          allCustomers: data.allCustomers,
          customerAccess: { create: still.map((customerId) => ({ customerId })) },
        },
      });
      await audit(
        tx,
        { type: "USER", id: user.id, ip },
        {
          action: "user.joined",
          entityType: "User",
          entityId: user.id,
          after: {
            email,
            supplierId,
            permissions: user.permissions,
            allCustomers: user.allCustomers,
            customerIds: [...still].sort(),
            invitedById: data.invitedById,
            joinRequestId: data.joinRequestId ?? null,
          },
        },
      );
      const inviter = await tx.user.findFirst({
        where: { id: data.invitedById, supplierId, status: "ACTIVE" },
        select: { id: true, locale: true },
      });
      if (inviter) {
        const lng = isLng(inviter.locale) ? inviter.locale : "en";
        await notify(tx, [inviter.id], "users:events.joined", { name: user.name, email }, `/${lng}/setup/admin`);
      }
      return { ok: true as const, userId: user.id, email };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "emailTaken" };
    throw error;
  }
}
