import { Prisma } from "@/generated/prisma/client";
import { customerWithDomains } from "@/features/customers/service";
import { isConnected } from "@/features/relationships/service";
import { isFreeMailDomain } from "@/lib/free-mail";
import { audit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { newToken } from "@/server/tokens";
import { CaptchaReused, checkCaptcha, consumeCaptcha, pruneUsedCaptchas } from "./captcha";
import { announce, applyTransition, expireStale, TX_OPTIONS, type SupplierActor } from "./lifecycle";
import { contactFlags, onDomain, type ContactFlag } from "./normalize";
import { mailContact } from "./respond";
import type { RequestConnectionInput } from "./schemas";
import { effectiveStatus, expiryFrom, MAX_REQUESTS_PER_CUSTOMER, pendingKeyFor, type RequestStatus } from "./state-machine";

/**
 * Connection requests, stage one: a supplier asks a customer in the directory
 * to connect. The contact's address is checked first; sending enforces the
 * rules, auto-approves when the customer's rule says so, and otherwise emails
 * the contact a respond link (./respond.ts). What happens next is in
 * ./lifecycle.ts.
 */

// ------------------------------------------------------------ contact checks

export async function checkContact(customerId: string, contactEmail: string): Promise<ContactFlag[] | null> {
  const customer = await customerWithDomains(customerId);
  if (!customer) return null;
  return contactFlags(
    contactEmail,
    customer.domains.map((d) => d.domain),
    isFreeMailDomain,
  );
}

// ----------------------------------------------------------------- create

export type RequestError = "notFound" | "askForInvitation" | "alreadyConnected" | "alreadyPending" | "tooMany" | "captcha";
export type CreateOutcome =
  { ok: true; requestId: string; status: RequestStatus; duplicate: boolean; flags: ContactFlag[] } | { ok: false; error: RequestError };

class RuleBroken extends Error {
  constructor(readonly code: RequestError) {
    super(code);
  }
}

/**
 * The auto-approve rule "OWN_DOMAIN_INVITED": the contact is on one of the
 * customer's domains and the customer invited this supplier before (an
 * invitation, in any state, to one of its users or an address on its domains).
 */
async function qualifiesForAutoApprove(
  tx: Tx,
  customer: { id: string; autoApproveRule: string; domains: { domain: string }[] },
  supplierId: string,
  contactEmail: string,
): Promise<boolean> {
  if (customer.autoApproveRule !== "OWN_DOMAIN_INVITED") return false;
  if (
    !onDomain(
      contactEmail,
      customer.domains.map((d) => d.domain),
    )
  )
    return false;
  const [users, domains] = await Promise.all([
    tx.user.findMany({ where: { supplierId }, select: { email: true } }),
    tx.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } }),
  ]);
  const invitations = await tx.invitation.findMany({ where: { customerId: customer.id }, select: { email: true } });
  const ours = new Set(users.map((u) => u.email.toLowerCase()));
  const supplierDomains = domains.map((d) => d.domain);
  // Any invitation (accepted, revoked or pending) means the customer invited this supplier before.
  return invitations.some((i) => ours.has(i.email.toLowerCase()) || onDomain(i.email, supplierDomains));
}

/**
 * Sends a connection request from the dialog. Enforced here: the CAPTCHA (once),
 * the customer accepting requests, no existing connection, one pending request
 * per customer, at most three requests per customer, and one request per
 * dialog submit however often it arrives.
 */
export async function requestConnection(input: RequestConnectionInput, actor: SupplierActor): Promise<CreateOutcome> {
  const { supplierId, userId } = actor;
  const pendingKey = pendingKeyFor(supplierId, input.customerId);
  const idempotencyKey = `${input.idempotencyKey}:${pendingKey}`;

  const existing = () =>
    db.connectionRequest.findFirst({ where: { idempotencyKey, supplierId }, select: { id: true, status: true, expiresAt: true, contactFlags: true } });
  const asDuplicate = (row: { id: string; status: string; expiresAt: Date; contactFlags: string }): CreateOutcome => ({
    ok: true,
    requestId: row.id,
    status: effectiveStatus(row),
    duplicate: true,
    flags: (row.contactFlags ? row.contactFlags.split(",") : []) as ContactFlag[],
  });

  const before = await existing();
  if (before) return asDuplicate(before);

  const captcha = await checkCaptcha(input.captcha);
  if (!captcha.ok) return { ok: false, error: "captcha" };

  await expireStale({ supplierId, customerId: input.customerId });

  const token = newToken();
  let created: { id: string; status: RequestStatus; flags: ContactFlag[]; autoApproved: boolean };
  try {
    created = await db.$transaction(async (tx) => {
      const customer = await customerWithDomains(input.customerId, tx);
      if (!customer) throw new RuleBroken("notFound");
      if (!customer.acceptsRequests) throw new RuleBroken("askForInvitation");
      if (await isConnected(supplierId, customer.id, tx)) throw new RuleBroken("alreadyConnected");
      const pending = await tx.connectionRequest.findUnique({ where: { pendingKey } });
      if (pending) throw new RuleBroken("alreadyPending");
      const count = await tx.connectionRequest.count({ where: { supplierId, customerId: customer.id } });
      if (count >= MAX_REQUESTS_PER_CUSTOMER) throw new RuleBroken("tooMany");

      await consumeCaptcha(tx, captcha.nonce);
      const flags = contactFlags(
        input.contactEmail,
        customer.domains.map((d) => d.domain),
        isFreeMailDomain,
      );
      const now = new Date();
      const request = await tx.connectionRequest.create({
        data: {
          supplierId,
          customerId: customer.id,
          requestedById: userId,
          contactEmail: input.contactEmail,
          contactFlags: flags.join(","),
          locale: input.contactLocale,
          status: "PENDING",
          respondHash: token.hash,
          idempotencyKey,
          pendingKey,
          expiresAt: expiryFrom(now),
          createdAt: now,
        },
      });
      await tx.connectionRequestEvent.create({
        data: { requestId: request.id, fromStatus: null, toStatus: "PENDING", actorType: "SUPPLIER", actorId: userId },
      });
      await audit(
        tx,
        { type: "USER", id: userId, ip: actor.ip },
        {
          action: "connection_request.created",
          entityType: "ConnectionRequest",
          entityId: request.id,
          after: { customerId: customer.id, contactEmail: input.contactEmail, contactFlags: flags },
        },
      );
      await pruneUsedCaptchas(tx);

      const autoApproved = await qualifiesForAutoApprove(tx, customer, supplierId, input.contactEmail);
      if (autoApproved) {
        await applyTransition(tx, request.id, "APPROVED", { type: "SYSTEM" }, "", {});
      }
      return { id: request.id, status: autoApproved ? ("APPROVED" as const) : ("PENDING" as const), flags, autoApproved };
    }, TX_OPTIONS);
  } catch (error) {
    // A concurrent copy of the same submit may have won meanwhile: answer with its request.
    const winner = await existing();
    if (winner) return asDuplicate(winner);
    if (error instanceof RuleBroken) return { ok: false, error: error.code };
    const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (unique || error instanceof CaptchaReused) {
      return { ok: false, error: unique ? "alreadyPending" : "captcha" };
    }
    throw error;
  }

  if (created.autoApproved) {
    await announce(created.id, "APPROVED");
  } else {
    await mailContact(created.id, token.token);
  }
  return { ok: true, requestId: created.id, status: created.status, duplicate: false, flags: created.flags };
}
