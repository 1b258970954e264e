/**
 * Every admin page and the staff roles allowed to open it, with what an
 * allowed visitor sees (the h1, per language). The authorisation walk in
 * staff-admin.e2e.ts visits each as anonymous, a supplier, support and an
 * administrator. Add new admin pages here (the request queue, tickets,
 * onboarding reviews...). `path` gets the ids the test created.
 */
export type Role = "SUPPORT" | "ADMINISTRATOR";
export interface Fixture {
  customerId: string;
  customerName: string;
  /** A pending connection request, a support ticket and a submitted onboarding, all with that customer's supplier */
  requestId: string;
  ticketId: string;
  ticketText: string;
  relationshipId: string;
}
export interface AdminPage {
  path: (f: Fixture) => string;
  roles: Role[];
  heading: (f: Fixture) => string | RegExp;
  /** Text that must never reach a refused visitor (data on the page) */
  secret?: (f: Fixture) => string;
}

const both: Role[] = ["SUPPORT", "ADMINISTRATOR"];
const admins: Role[] = ["ADMINISTRATOR"];

export const adminPages: AdminPage[] = [
  { path: () => "/en/admin", roles: both, heading: () => "Dashboard" },
  { path: () => "/en/admin/admin-recovery", roles: both, heading: () => "Admin recovery" },
  { path: () => "/en/admin/invitations", roles: both, heading: () => "Invitations" },
  { path: () => "/en/admin/invitations/new", roles: both, heading: () => "Invite a supplier on behalf of a customer" },
  { path: () => "/en/admin/audit", roles: both, heading: () => "Audit log" },
  { path: () => "/en/admin/mail", roles: both, heading: () => "Mail log" },
  { path: () => "/en/admin/customers", roles: admins, heading: () => "Customer directory", secret: (f) => f.customerName },
  { path: () => "/en/admin/customers/new", roles: admins, heading: () => "New customer" },
  { path: (f) => `/en/admin/customers/${f.customerId}`, roles: admins, heading: (f) => f.customerName, secret: (f) => f.customerName },
  { path: () => "/en/admin/staff", roles: admins, heading: () => "Staff accounts", secret: () => "administrator@supplier-connect.test" },
  { path: () => "/en/admin/staff/new", roles: admins, heading: () => "New staff account" },
  {
    path: (f) => `/en/admin/requests?q=${encodeURIComponent(f.customerName)}`,
    roles: both,
    heading: () => "Connection requests",
    secret: (f) => f.customerName,
  },
  { path: (f) => `/en/admin/requests/${f.requestId}`, roles: both, heading: (f) => new RegExp(`→ ${f.customerName}$`), secret: (f) => f.customerName },
  { path: () => "/en/admin/tickets", roles: both, heading: () => "Support tickets" },
  { path: (f) => `/en/admin/tickets/${f.ticketId}`, roles: both, heading: () => "Something else", secret: (f) => f.ticketText },
  { path: () => "/en/admin/onboarding", roles: both, heading: () => "Onboarding reviews" },
  { path: (f) => `/en/admin/onboarding/${f.relationshipId}`, roles: both, heading: (f) => new RegExp(`for ${f.customerName}$`), secret: (f) => f.customerName },
  { path: () => "/en/admin/security", roles: both, heading: () => "Security" },
  { path: () => "/zh/admin/requests", roles: both, heading: () => "连接请求" },
  { path: () => "/zh/admin/customers", roles: admins, heading: () => "客户目录", secret: (f) => f.customerName },
];
