import { createSupplierAccount } from "@/features/accounts/service";
import { notify } from "@/features/notifications/service";
import { connectByInvitation } from "@/features/relationships/service";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { InvitationGone, lookup, openLive, whyGone, type DeadReason, type InvitationWithCustomer } from "./core";
import { companyAdminIds } from "@/features/supplier-users/join-requests";
import type { RegisterInput } from "./schemas";

/**
 * Customer invitations, the invitee says yes: a new company registers from the
 * link, or an existing supplier user accepts it (signed in, or signing in on
 * the same form). Either way the link is claimed and the company connected to
 * the customer in one transaction.
 */

export type AcceptFailure = DeadReason | "accountExists" | "wrongUser";
export type AcceptResult = { ok: true; userId: string; supplierId: string } | { ok: false; error: AcceptFailure };

/** Claims the link and connects the company to the customer (inside the caller's transaction). */
async function claimAndConnect(tx: Tx, inv: InvitationWithCustomer, userId: string, supplierId: string, actor: Actor) {
  const now = new Date();
  const claimed = await tx.invitation.updateMany({
    where: { id: inv.id, status: "PENDING", expiresAt: { gt: now } },
    data: { status: "ACCEPTED", acceptedAt: now, acceptedByUserId: userId },
  });
  if (claimed.count !== 1) throw new InvitationGone();
  await audit(tx, actor, {
    action: "invitation.accepted",
    entityType: "Invitation",
    entityId: inv.id,
    before: { status: "PENDING" },
    after: { status: "ACCEPTED", supplierId, userId },
  });
  await connectByInvitation(tx, supplierId, inv.customerId, actor);
  // A user limited to some customers still sees the one they just accepted.
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.allCustomers) {
    await tx.userCustomerAccess.upsert({
      where: { userId_customerId: { userId, customerId: inv.customerId } },
      create: { userId, customerId: inv.customerId },
      update: {},
    });
  }
  await notify(
    tx,
    await companyAdminIds(tx, supplierId),
    "invitations:events.accepted",
    { customer: inv.customer.name, customerId: inv.customerId, name: user.name },
    "/setup/customers",
  );
}

/** No account yet: creates the company, its first admin and the connection in one transaction. */
export async function registerFromInvitation(input: RegisterInput, ip: string): Promise<AcceptResult & { email?: string }> {
  const found = await openLive(input.token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  try {
    const created = await createSupplierAccount(
      { companyName: input.companyName, name: input.name, email: inv.email, password: input.password, locale: input.locale },
      { ip },
      (tx, ids) => claimAndConnect(tx, inv, ids.userId, ids.supplierId, { type: "USER", id: ids.userId, ip }),
    );
    if (!created.ok) {
      // The email got an account meanwhile: often the same link, accepted a moment earlier.
      const again = await lookup(input.token);
      return { ok: false, error: again.live ? "accountExists" : again.reason };
    }
    return { ok: true, userId: created.userId, supplierId: created.supplierId, email: inv.email };
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, error: await whyGone(input.token) };
    throw error;
  }
}

/** An existing supplier user (already signed in as the invited email) accepts: the customer joins their company. */
export async function acceptInvitation(token: string, userId: string, ip: string): Promise<AcceptResult> {
  const found = await openLive(token, ip);
  if (!found.live) return { ok: false, error: found.reason };
  const inv = found.invitation;
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || user.email !== inv.email || user.kind !== "SUPPLIER" || !user.supplierId || user.status !== "ACTIVE") {
    return { ok: false, error: "wrongUser" };
  }
  const supplierId = user.supplierId;
  try {
    await db.$transaction((tx) => claimAndConnect(tx, inv, userId, supplierId, { type: "USER", id: userId, ip }));
    return { ok: true, userId, supplierId };
  } catch (error) {
    if (error instanceof InvitationGone) return { ok: false, error: await whyGone(token) };
    throw error;
  }
}

/**
 * Accepts for the account of `verifiedEmail`. Call only right after that
 * email's password was checked (sign-in and accept in one form), when the new
 * session cookie is not readable yet.
 */
export async function acceptAfterSignIn(token: string, verifiedEmail: string, ip: string): Promise<AcceptResult> {
  const user = await db.user.findUnique({ where: { email: verifiedEmail }, select: { id: true } });
  if (!user) return { ok: false, error: "wrongUser" };
  return acceptInvitation(token, user.id, ip);
}
