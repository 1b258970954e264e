import type { StaffRole } from "@/lib/permissions";

/**
 * The admin area's sections and the staff roles allowed in each. The navigation,
 * the dashboard and every page guard read this one table, so what a role sees
 * and what the server lets it open cannot drift apart. Add a section here (and
 * to tests/e2e/support/admin-pages.ts) when adding an admin page.
 */
export const adminSections = [
  { key: "dashboard", href: "admin", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "requests", href: "admin/requests", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "tickets", href: "admin/tickets", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "onboarding", href: "admin/onboarding", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "invitations", href: "admin/invitations", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "adminRecovery", href: "admin/admin-recovery", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "customers", href: "admin/customers", roles: ["ADMINISTRATOR"] },
  { key: "audit", href: "admin/audit", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "mail", href: "admin/mail", roles: ["SUPPORT", "ADMINISTRATOR"] },
  { key: "staff", href: "admin/staff", roles: ["ADMINISTRATOR"] },
] as const satisfies readonly { key: string; href: string; roles: readonly StaffRole[] }[];

export type AdminSection = (typeof adminSections)[number]["key"];

export function sectionsFor(role: StaffRole | null): (typeof adminSections)[number][] {
  return adminSections.filter((s) => role !== null && (s.roles as readonly StaffRole[]).includes(role));
}

/** The least role a section needs: what requireStaff is called with. */
export function sectionRole(key: AdminSection): StaffRole {
  const section = adminSections.find((s) => s.key === key)!;
  return (section.roles as readonly StaffRole[]).includes("SUPPORT") ? "SUPPORT" : "ADMINISTRATOR";
}
