// Every locale bundle, imported statically so both server and client share one
// source. Add a namespace: create locales/{en,zh}/<ns>.json and list it here.
import enSettings from "@locales/en/settings.json" with { type: "json" };
import enAccounts from "@locales/en/accounts.json" with { type: "json" };
import enMfa from "@locales/en/mfa.json" with { type: "json" };
import enCommon from "@locales/en/common.json" with { type: "json" };
import enErrors from "@locales/en/errors.json" with { type: "json" };
import enCustomers from "@locales/en/customers.json" with { type: "json" };
import enInvitations from "@locales/en/invitations.json" with { type: "json" };
import enLearning from "@locales/en/learning.json" with { type: "json" };
import enMail from "@locales/en/mail.json" with { type: "json" };
import enNotifications from "@locales/en/notifications.json" with { type: "json" };
import enOnboarding from "@locales/en/onboarding.json" with { type: "json" };
import enProfile from "@locales/en/profile.json" with { type: "json" };
import enRequests from "@locales/en/requests.json" with { type: "json" };
import enShell from "@locales/en/shell.json" with { type: "json" };
import enStaff from "@locales/en/staff.json" with { type: "json" };
import enSupport from "@locales/en/support.json" with { type: "json" };
import enUsers from "@locales/en/users.json" with { type: "json" };
import zhSettings from "@locales/zh/settings.json" with { type: "json" };
import zhAccounts from "@locales/zh/accounts.json" with { type: "json" };
import zhMfa from "@locales/zh/mfa.json" with { type: "json" };
import zhCommon from "@locales/zh/common.json" with { type: "json" };
import zhErrors from "@locales/zh/errors.json" with { type: "json" };
import zhCustomers from "@locales/zh/customers.json" with { type: "json" };
import zhInvitations from "@locales/zh/invitations.json" with { type: "json" };
import zhLearning from "@locales/zh/learning.json" with { type: "json" };
import zhMail from "@locales/zh/mail.json" with { type: "json" };
import zhNotifications from "@locales/zh/notifications.json" with { type: "json" };
import zhOnboarding from "@locales/zh/onboarding.json" with { type: "json" };
import zhProfile from "@locales/zh/profile.json" with { type: "json" };
import zhRequests from "@locales/zh/requests.json" with { type: "json" };
import zhShell from "@locales/zh/shell.json" with { type: "json" };
import zhStaff from "@locales/zh/staff.json" with { type: "json" };
import zhSupport from "@locales/zh/support.json" with { type: "json" };
import zhUsers from "@locales/zh/users.json" with { type: "json" };

export const resources = {
  en: {
    accounts: enAccounts,
    mfa: enMfa,
    common: enCommon,
    customers: enCustomers,
    errors: enErrors,
    invitations: enInvitations,
    learning: enLearning,
    mail: enMail,
    notifications: enNotifications,
    onboarding: enOnboarding,
    profile: enProfile,
    requests: enRequests,
    settings: enSettings,
    shell: enShell,
    staff: enStaff,
    support: enSupport,
    users: enUsers,
  },
  zh: {
    accounts: zhAccounts,
    mfa: zhMfa,
    common: zhCommon,
    customers: zhCustomers,
    errors: zhErrors,
    invitations: zhInvitations,
    learning: zhLearning,
    mail: zhMail,
    notifications: zhNotifications,
    onboarding: zhOnboarding,
    profile: zhProfile,
    requests: zhRequests,
    settings: zhSettings,
    shell: zhShell,
    staff: zhStaff,
    support: zhSupport,
    users: zhUsers,
  },
} as const;

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
export type Namespace = (typeof namespaces)[number];
