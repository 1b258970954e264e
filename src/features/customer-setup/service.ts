import { banners, progress, type Banners } from "@/features/onboarding/progress";
import { parseRequirements } from "@/features/requirements/requirements";
import { customerInScope, potentialCustomers } from "@/features/customers/service";
import { db } from "@/server/db";
import { relationshipProgress, relationshipsWithProgress } from "@/features/relationships/service";
import { customerScope, relationshipScope, type ScopedUser } from "@/server/access";

/**
 * Customer Setup: the supplier's customers grouped as in the guide. Groups are
 * exclusive, in this order: a connected customer whose onboarding needs work
 * (actionNeeded), other connected customers (current), customers whose
 * invitation to the supplier is still open (invited), customers with a
 * pending connection request (requests), and customers whose email domain is
 * the supplier's (potential). Every query is limited to the caller's company
 * and to the customers the caller may see.
 */
export const groups = ["actionNeeded", "current", "invited", "requests", "potential"] as const;
export type Group = (typeof groups)[number];

export interface CustomerItem {
  customerId: string;
  name: string;
  nameZh: string;
  group: Group;
  /** CustomerRelationship.onboardingState for connected customers */
  state?: string;
  origin?: string;
}

function matches(c: { name: string; nameZh: string }, q: string): boolean {
  if (!q) return true;
  const needle = q.trim().toLocaleLowerCase();
  return c.name.toLocaleLowerCase().includes(needle) || c.nameZh.toLocaleLowerCase().includes(needle);
}

async function supplierContacts(supplierId: string) {
  const [users, domains] = await Promise.all([
    db.user.findMany({ where: { supplierId }, select: { email: true } }),
    db.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } }),
  ]);
  return { emails: users.map((u) => u.email), domains: domains.map((d) => d.domain) };
}

/** Invitations addressed to the supplier: to one of its users or to an address on its domains. */
function addressedTo({ emails, domains }: { emails: string[]; domains: string[] }) {
  return [{ email: { in: emails } }, ...domains.map((d) => ({ email: { endsWith: `@${d}` } }))];
}

/** Every customer of the Customer Setup list, grouped, optionally filtered by name. */
export async function listCustomers(user: ScopedUser, q = ""): Promise<Record<Group, CustomerItem[]>> {
  const now = new Date();
  const scope = customerScope(user);
  const { emails, domains } = await supplierContacts(user.supplierId);
  const [relationships, invitations, requests, potential] = await Promise.all([
    relationshipsWithProgress(relationshipScope(user)),
    db.invitation.findMany({
      where: {
        status: "PENDING",
        expiresAt: { gt: now },
        customer: scope,
        OR: addressedTo({ emails, domains }),
      },
      include: { customer: true },
    }),
    db.connectionRequest.findMany({
      where: { supplierId: user.supplierId, status: "PENDING", expiresAt: { gt: now }, customer: scope },
      include: { customer: true },
    }),
    potentialCustomers(user.supplierId, scope),
  ]);

  const seen = new Set<string>();
  const out: Record<Group, CustomerItem[]> = { actionNeeded: [], current: [], invited: [], requests: [], potential: [] };
  const add = (group: Group, c: { id: string; name: string; nameZh: string }, extra: Partial<CustomerItem> = {}) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    if (matches(c, q)) out[group].push({ customerId: c.id, name: c.name, nameZh: c.nameZh, group, ...extra });
  };

  for (const r of relationships) {
    const steps = parseRequirements(r.customer.requirements);
    const needsWork = Object.keys(banners(r.onboardingState, steps, r.submissions)).length > 0;
    add(needsWork ? "actionNeeded" : "current", r.customer, { state: r.onboardingState, origin: r.origin });
  }
  for (const i of invitations) add("invited", i.customer);
  for (const r of requests) add("requests", r.customer);
  for (const c of potential) add("potential", c);

  const collator = new Intl.Collator("en");
  for (const g of groups) out[g].sort((a, b) => collator.compare(a.name, b.name));
  return out;
}

export interface HistoryEntry {
  at: Date;
  /** message key in the customers namespace (history.*) */
  kind: string;
  comment?: string;
}

/**
 * One customer as the caller sees it in Customer Setup, or null when the
 * customer is not in the caller's list (not related, or outside their access).
 */
export async function customerDetail(user: ScopedUser, customerId: string) {
  const list = await listCustomers(user);
  const item = groups.flatMap((g) => list[g]).find((c) => c.customerId === customerId);
  if (!item) return null;
  const customer = await customerInScope(customerId, customerScope(user));
  if (!customer) return null;
  const relationship = await relationshipProgress({ ...relationshipScope(user), customerId });
  const steps = parseRequirements(customer.requirements);
  const requests = await db.connectionRequest.findMany({
    where: { supplierId: user.supplierId, customerId },
    include: { events: true },
    orderBy: { createdAt: "desc" },
  });
  const invitation = await db.invitation.findFirst({
    where: { customerId, status: "PENDING", expiresAt: { gt: new Date() }, OR: addressedTo(await supplierContacts(user.supplierId)) },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true },
  });

  const history: HistoryEntry[] = [];
  if (relationship) {
    const rows = await db.auditEvent.findMany({
      where: { entityType: "CustomerRelationship", entityId: relationship.id },
      orderBy: { createdAt: "desc" },
      take: 100,
    });
    for (const r of rows) {
      const after = r.after ? (JSON.parse(r.after) as { comment?: string; stepKey?: string }) : {};
      history.push({ at: r.createdAt, kind: r.action, comment: after.comment });
    }
    if (!rows.some((r) => r.action === "relationship.created")) history.push({ at: relationship.createdAt, kind: "relationship.created" });
  }
  for (const r of requests) {
    for (const e of r.events) history.push({ at: e.createdAt, kind: `request.${e.toStatus}`, comment: e.comment || undefined });
  }
  history.sort((a, b) => b.at.getTime() - a.at.getTime());

  const submissions = relationship?.submissions ?? [];
  const pendingRequest = requests.find((r) => r.status === "PENDING" && r.expiresAt > new Date());
  return {
    item,
    customer,
    steps,
    relationship,
    banners: (relationship ? banners(relationship.onboardingState, steps, submissions) : {}) as Banners,
    progress: progress(steps, submissions),
    pendingRequest: pendingRequest
      ? { createdAt: pendingRequest.createdAt, expiresAt: pendingRequest.expiresAt, contactEmail: pendingRequest.contactEmail }
      : null,
    invitation,
    history,
  };
}

export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof customerDetail>>>;
