/**
 * Every "use server" module of the app, by area: the one list the security
 * suites (the authorisation matrices, the action fuzz) walk. Import it after
 * the suite's `vi.mock` calls, with `await import`, so the mocks apply.
 * `tests/security/action-fuzz.int.test.ts` fails when an `actions.ts` under
 * src/app is missing here.
 */
export const portalActionModules = {
  portal: await import("@/app/[lng]/(portal)/actions"),
  notifications: await import("@/app/[lng]/(portal)/notifications/actions"),
  profile: await import("@/app/[lng]/(portal)/profile/actions"),
  users: await import("@/app/[lng]/(portal)/setup/admin/actions"),
  onboarding: await import("@/app/[lng]/(portal)/setup/customers/actions"),
  requests: await import("@/app/[lng]/(portal)/setup/requests/actions"),
  public: await import("@/app/[lng]/(public)/actions"),
  invite: await import("@/app/[lng]/(public)/invite/[token]/actions"),
  join: await import("@/app/[lng]/(public)/join/actions"),
  respond: await import("@/app/[lng]/(public)/respond/[token]/actions"),
  twoFactor: await import("@/app/[lng]/(public)/two-factor/actions"),
  email: await import("@/app/[lng]/(portal)/profile/email/actions"),
  emailChange: await import("@/app/[lng]/(public)/email-change/actions"),
  preferences: await import("@/app/[lng]/(portal)/profile/notifications/actions"),
  recovery: await import("@/app/[lng]/(portal)/profile/admin-recovery/actions"),
};

export const adminActionModules = {
  admin: await import("@/app/[lng]/admin/actions"),
  adminCustomers: await import("@/app/[lng]/admin/customers/actions"),
  adminInvitations: await import("@/app/[lng]/admin/invitations/actions"),
  adminOnboarding: await import("@/app/[lng]/admin/onboarding/actions"),
  adminRequests: await import("@/app/[lng]/admin/requests/actions"),
  adminStaff: await import("@/app/[lng]/admin/staff/actions"),
  adminTickets: await import("@/app/[lng]/admin/tickets/actions"),
  adminRecovery: await import("@/app/[lng]/admin/admin-recovery/actions"),
};

/** The files behind the modules above, relative to src/app (kept beside the imports: a dynamic import needs a literal path). */
export const actionModuleFiles = [
  "[lng]/(portal)/actions.ts",
  "[lng]/(portal)/notifications/actions.ts",
  "[lng]/(portal)/profile/actions.ts",
  "[lng]/(portal)/setup/admin/actions.ts",
  "[lng]/(portal)/setup/customers/actions.ts",
  "[lng]/(portal)/setup/requests/actions.ts",
  "[lng]/(public)/actions.ts",
  "[lng]/(public)/invite/[token]/actions.ts",
  "[lng]/(public)/join/actions.ts",
  "[lng]/(public)/respond/[token]/actions.ts",
  "[lng]/(public)/two-factor/actions.ts",
  "[lng]/(portal)/profile/email/actions.ts",
  "[lng]/(public)/email-change/actions.ts",
  "[lng]/(portal)/profile/notifications/actions.ts",
  "[lng]/(portal)/profile/admin-recovery/actions.ts",
  "[lng]/admin/admin-recovery/actions.ts",
  "[lng]/admin/actions.ts",
  "[lng]/admin/customers/actions.ts",
  "[lng]/admin/invitations/actions.ts",
  "[lng]/admin/onboarding/actions.ts",
  "[lng]/admin/requests/actions.ts",
  "[lng]/admin/staff/actions.ts",
  "[lng]/admin/tickets/actions.ts",
];
