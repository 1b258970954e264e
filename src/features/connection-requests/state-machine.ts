/**
 * The life of a connection request. Pending is the only state that moves;
 * every other state is final. Expiry is derived on read, so a request past its
 * date reads as EXPIRED even before anything has written that down.
 */
export const requestStatuses = ["PENDING", "APPROVED", "REJECTED", "EXPIRED", "CANCELLED"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Who moves a request: the supplier, the customer's contact, support staff, or the system (expiry, auto-approve). */
export type RequestActor = "SUPPLIER" | "CONTACT" | "STAFF" | "SYSTEM";

export const REQUEST_TTL_DAYS = 30;
export const MAX_REQUESTS_PER_CUSTOMER = 3;

const allowed: Record<RequestStatus, Partial<Record<RequestStatus, readonly RequestActor[]>>> = {
  PENDING: {
    APPROVED: ["CONTACT", "STAFF", "SYSTEM"],
    REJECTED: ["CONTACT", "STAFF"],
    EXPIRED: ["SYSTEM"],
    CANCELLED: ["SUPPLIER"],
  },
  APPROVED: {},
  REJECTED: {},
  EXPIRED: {},
  CANCELLED: {},
};

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === "string" && (requestStatuses as readonly string[]).includes(value);
}

export function canTransition(from: RequestStatus, to: RequestStatus, actor: RequestActor): boolean {
  return allowed[from][to]?.includes(actor) ?? false;
}

/** The status a reader must see: a pending request past its expiry is expired. */
export function effectiveStatus(row: { status: string; expiresAt: Date }, now = new Date()): RequestStatus {
  const status = isRequestStatus(row.status) ? row.status : "PENDING";
  return status === "PENDING" && row.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : status;
}

export function expiryFrom(createdAt: Date): Date {
  return new Date(createdAt.getTime() + REQUEST_TTL_DAYS * 24 * 60 * 60 * 1000);
}

/** The key that is unique while a request is pending: one pending request per supplier and customer. */
export function pendingKeyFor(supplierId: string, customerId: string): string {
  return `${supplierId}:${customerId}`;
}
