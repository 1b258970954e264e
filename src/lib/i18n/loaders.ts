// One chunk per language and namespace, fetched only when a client component
// asks for a namespace its page did not send (see ./client.tsx). Never import
// ./resources from client code: it holds every namespace of every language.
import type { Lng } from "./config";
import type { Namespace } from "./resources";

type Loader = () => Promise<{ default: unknown }>;

const loaders: Record<Lng, Record<Namespace, Loader>> = {
  en: {
    accounts: () => import("@locales/en/accounts.json"),
    common: () => import("@locales/en/common.json"),
    customers: () => import("@locales/en/customers.json"),
    errors: () => import("@locales/en/errors.json"),
    invitations: () => import("@locales/en/invitations.json"),
    learning: () => import("@locales/en/learning.json"),
    mail: () => import("@locales/en/mail.json"),
    mfa: () => import("@locales/en/mfa.json"),
    notifications: () => import("@locales/en/notifications.json"),
    onboarding: () => import("@locales/en/onboarding.json"),
    profile: () => import("@locales/en/profile.json"),
    requests: () => import("@locales/en/requests.json"),
    settings: () => import("@locales/en/settings.json"),
    shell: () => import("@locales/en/shell.json"),
    staff: () => import("@locales/en/staff.json"),
    support: () => import("@locales/en/support.json"),
    users: () => import("@locales/en/users.json"),
  },
  zh: {
    accounts: () => import("@locales/zh/accounts.json"),
    common: () => import("@locales/zh/common.json"),
    customers: () => import("@locales/zh/customers.json"),
    errors: () => import("@locales/zh/errors.json"),
    invitations: () => import("@locales/zh/invitations.json"),
    learning: () => import("@locales/zh/learning.json"),
    mail: () => import("@locales/zh/mail.json"),
    mfa: () => import("@locales/zh/mfa.json"),
    notifications: () => import("@locales/zh/notifications.json"),
    onboarding: () => import("@locales/zh/onboarding.json"),
    profile: () => import("@locales/zh/profile.json"),
    requests: () => import("@locales/zh/requests.json"),
    settings: () => import("@locales/zh/settings.json"),
    shell: () => import("@locales/zh/shell.json"),
    staff: () => import("@locales/zh/staff.json"),
    support: () => import("@locales/zh/support.json"),
    users: () => import("@locales/zh/users.json"),
  },
};

/** A namespace's texts in one language, or null for an unknown language or namespace. */
export async function loadNamespace(lng: string, ns: string): Promise<unknown> {
  const loader = (loaders as Record<string, Record<string, Loader> | undefined>)[lng]?.[ns];
  return loader ? (await loader()).default : null;
}
