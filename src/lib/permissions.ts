/** Supplier-side permissions. `admin` implies every other one. */
export const permissions = ["admin", "profile", "requests", "onboarding", "users"] as const;
export type Permission = (typeof permissions)[number];

export function parsePermissions(value: string): Permission[] {
  return value
    .split(",")
    .map((p) => p.trim())
    .filter((p): p is Permission => (permissions as readonly string[]).includes(p));
}

export function serializePermissions(list: readonly Permission[]): string {
  return permissions.filter((p) => list.includes(p)).join(",");
}

export function can(held: readonly Permission[], needed: Permission): boolean {
  return held.includes("admin") || held.includes(needed);
}

/** Nobody grants what they do not hold. */
export function canGrant(held: readonly Permission[], granted: readonly Permission[]): boolean {
  return held.includes("admin") || granted.every((p) => held.includes(p) && p !== "admin");
}

export const staffRoles = ["SUPPORT", "ADMINISTRATOR"] as const;
export type StaffRole = (typeof staffRoles)[number];
