import type { Prisma } from "@/generated/prisma/client";
import { parseRequirements } from "@/features/requirements/requirements";
import { pageArgs, paged, type Paged } from "@/lib/paging";
import { audit, type Actor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import type { CustomerInput, CustomerListFilter } from "./schemas";

export interface CustomerListRow {
  id: string;
  name: string;
  nameZh: string;
  acceptsRequests: boolean;
  autoApproveRule: string;
  aliases: number;
  domains: string[];
  updatedAt: Date;
}

/** The directory as staff see it: searched by any name, alias, number or domain; paged. */
export async function listCustomers(filter: CustomerListFilter): Promise<Paged<CustomerListRow>> {
  const q = filter.q;
  const where: Prisma.CustomerWhereInput = q
    ? {
        OR: [
          { name: { contains: q } },
          { nameZh: { contains: q } },
          { taxId: { contains: q } },
          { registrationNumber: { contains: q } },
          { aliases: { some: { name: { contains: q } } } },
          { domains: { some: { domain: { contains: q.toLowerCase() } } } },
        ],
      }
    : {};
  const { skip, take, page } = pageArgs(filter.page);
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip,
      take,
      include: { domains: { select: { domain: true }, orderBy: { domain: "asc" } }, _count: { select: { aliases: true } } },
    }),
    db.customer.count({ where }),
  ]);
  return paged(
    rows.map((c) => ({
      id: c.id,
      name: c.name,
      nameZh: c.nameZh,
      acceptsRequests: c.acceptsRequests,
      autoApproveRule: c.autoApproveRule,
      aliases: c._count.aliases,
      domains: c.domains.map((d) => d.domain),
      updatedAt: c.updatedAt,
    })),
    total,
    page,
  );
}

/** The names of these customers by id (a reader's page shows them with customerName in its language). */
export async function customerNamesById(ids: string[]): Promise<Map<string, { name: string; nameZh: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.customer.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, nameZh: true } });
  return new Map(rows.map((r) => [r.id, { name: r.name, nameZh: r.nameZh }]));
}

export async function getCustomer(id: string) {
  const c = await db.customer.findUnique({
    where: { id },
    include: { aliases: { orderBy: { name: "asc" } }, domains: { orderBy: { domain: "asc" } } },
  });
  if (!c) return null;
  return { ...c, requirementSteps: parseRequirements(c.requirements) };
}
export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof getCustomer>>>;

// ---- reads for other features: the Customer table is read only here

/** One customer with its email domains, or null; inside the caller's transaction when given. */
export function customerWithDomains(id: string, client: Tx = db) {
  return client.customer.findUnique({ where: { id }, include: { domains: true } });
}

/** One customer with its domains and aliases, when it is inside `scope` (the caller's customer scope), or null. */
export function customerInScope(id: string, scope: Prisma.CustomerWhereInput) {
  return db.customer.findFirst({ where: { AND: [{ id }, scope] }, include: { domains: true, aliases: true } });
}

/** Customers a staff select lists at most: the directory can hold millions, a select a few hundred. */
export const CUSTOMER_CHOICES_MAX = 500;

export interface CustomerChoices {
  /** Every customer (sorted by English name) when `complete`; else only the one already chosen, if any. */
  customers: { id: string; name: string; nameZh: string }[];
  /** False when the directory is too large to list: the screen points to the customer's own page instead. */
  complete: boolean;
}

/**
 * The options of staff customer selects and filters. A small directory is
 * listed whole; a large one is not loaded at all (a million customers would
 * make the page megabytes and seconds), only `chosenId`'s customer.
 */
export async function customerChoices(chosenId?: string): Promise<CustomerChoices> {
  const select = { id: true, name: true, nameZh: true } as const;
  const first = await db.customer.findMany({ select, orderBy: { name: "asc" }, take: CUSTOMER_CHOICES_MAX + 1 });
  if (first.length <= CUSTOMER_CHOICES_MAX) return { customers: first, complete: true };
  const chosen = chosenId ? await db.customer.findUnique({ where: { id: chosenId }, select }) : null;
  return { customers: chosen ? [chosen] : [], complete: false };
}

/** For the CLI: a customer by id, or by exact name in either language (English name case-insensitive). */
export async function findCustomerByRef(ref: string) {
  const byId = await db.customer.findUnique({ where: { id: ref } });
  if (byId) return byId;
  const all = await db.customer.findMany({ where: { OR: [{ name: ref }, { nameZh: ref }] } });
  if (all.length) return all[0];
  const lower = ref.toLowerCase();
  return (await db.customer.findMany()).find((c) => c.name.toLowerCase() === lower) ?? null;
}

/** A customer by id (the whole row, e.g. for an email's wording), or null. */
export function findCustomer(id: string) {
  return db.customer.findUnique({ where: { id } });
}

/**
 * Potential customers, the one rule (the suggestions on Connection Requests
 * and the "potential" group of Setup → Customers): customers with an email
 * domain equal to one of the supplier company's domains, that the supplier is
 * not connected to and has no open (pending, unexpired) connection request
 * with. `scope` is the caller's customer scope; sorted by name.
 */
export async function potentialCustomers(supplierId: string, scope: Prisma.CustomerWhereInput = {}) {
  const domains = await db.supplierDomain.findMany({ where: { supplierId }, select: { domain: true } });
  if (domains.length === 0) return [];
  return db.customer.findMany({
    where: {
      AND: [
        scope,
        { domains: { some: { domain: { in: domains.map((d) => d.domain) } } } },
        { relationships: { none: { supplierId } } },
        { requests: { none: { supplierId, status: "PENDING", expiresAt: { gt: new Date() } } } },
      ],
    },
    orderBy: { name: "asc" },
  });
}

/** What the audit log keeps of a customer: everything an administrator can edit. */
async function snapshot(tx: Tx, id: string) {
  const c = await tx.customer.findUnique({
    where: { id },
    include: { aliases: { orderBy: { name: "asc" } }, domains: { orderBy: { domain: "asc" } } },
  });
  if (!c) return null;
  return {
    updatedAt: c.updatedAt,
    state: {
      name: c.name,
      nameZh: c.nameZh,
      taxId: c.taxId,
      registrationNumber: c.registrationNumber,
      acceptsRequests: c.acceptsRequests,
      autoApproveRule: c.autoApproveRule,
      aliases: c.aliases.map((a) => ({ name: a.name, kind: a.kind })),
      domains: c.domains.map((d) => d.domain),
      requirements: JSON.parse(c.requirements || "[]") as unknown,
    },
  };
}
type Snapshot = NonNullable<Awaited<ReturnType<typeof snapshot>>>["state"];

function stateOf(input: CustomerInput): Snapshot {
  return {
    name: input.name,
    nameZh: input.nameZh,
    taxId: input.taxId,
    registrationNumber: input.registrationNumber,
    acceptsRequests: input.acceptsRequests,
    autoApproveRule: input.autoApproveRule,
    aliases: [...input.aliases].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    domains: [...input.domains].sort(),
    requirements: input.requirements,
  };
}

/** Only what changed, before and after: readable in the audit log. */
function diff(before: Snapshot, after: Snapshot) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Snapshot)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export type CustomerResult = { ok: true; customerId: string; changed: boolean } | { ok: false; error: "nameTaken" | "notFound" | "stale" };

/**
 * Adds a customer to the directory. A customer with exactly the same name is
 * refused (that is also what makes a double submit create one customer).
 * The search index follows through its database triggers.
 */
export async function createCustomer(input: CustomerInput, actor: Actor): Promise<CustomerResult> {
  return db.$transaction(async (tx) => {
    if (await tx.customer.findFirst({ where: { name: input.name }, select: { id: true } })) {
      return { ok: false as const, error: "nameTaken" as const };
    }
    const customer = await tx.customer.create({
      data: {
        ...columns(input),
        aliases: { create: input.aliases },
        domains: { create: input.domains.map((domain) => ({ domain })) },
      },
    });
    await audit(tx, actor, { action: "customer.created", entityType: "Customer", entityId: customer.id, after: stateOf(input) });
    return { ok: true as const, customerId: customer.id, changed: true };
  });
}

/** The customer's own columns, as the form gives them. */
function columns(input: CustomerInput) {
  return {
    name: input.name,
    nameZh: input.nameZh,
    taxId: input.taxId,
    registrationNumber: input.registrationNumber,
    acceptsRequests: input.acceptsRequests,
    autoApproveRule: input.autoApproveRule,
    requirements: JSON.stringify(input.requirements),
  };
}

/**
 * Saves the customer form. `input.version` is the customer's updatedAt when the
 * form was opened: if someone saved in between, nothing is written ("stale").
 */
export async function updateCustomer(id: string, input: CustomerInput, actor: Actor): Promise<CustomerResult> {
  return db.$transaction(async (tx) => {
    const current = await snapshot(tx, id);
    if (!current) return { ok: false as const, error: "notFound" as const };
    if (input.version && input.version !== current.updatedAt.toISOString()) return { ok: false as const, error: "stale" as const };
    const change = diff(current.state, stateOf(input));
    if (!change.changed) return { ok: true as const, customerId: id, changed: false };
    if (input.name !== current.state.name && (await tx.customer.findFirst({ where: { name: input.name, id: { not: id } }, select: { id: true } }))) {
      return { ok: false as const, error: "nameTaken" as const };
    }
    const claimed = await tx.customer.updateMany({
      where: { id, updatedAt: current.updatedAt },
      data: {
        ...columns(input),
        updatedAt: new Date(),
      },
    });
    if (claimed.count !== 1) return { ok: false as const, error: "stale" as const };
    if ("aliases" in change.after) {
      await tx.customerAlias.deleteMany({ where: { customerId: id } });
      await tx.customerAlias.createMany({ data: input.aliases.map((a) => ({ ...a, customerId: id })) });
    }
    if ("domains" in change.after) {
      await tx.customerDomain.deleteMany({ where: { customerId: id } });
      await tx.customerDomain.createMany({ data: input.domains.map((domain) => ({ domain, customerId: id })) });
    }
    await audit(tx, actor, { action: "customer.updated", entityType: "Customer", entityId: id, before: change.before, after: change.after });
    return { ok: true as const, customerId: id, changed: true };
  });
}
