// Every locale bundle, imported statically so both server and client share one
// source. Add a namespace: create locales/{en,zh}/<ns>.json and list it here.
import enAccounts from "@locales/en/accounts.json";
import enCommon from "@locales/en/common.json";
import enInvitations from "@locales/en/invitations.json";
import enMail from "@locales/en/mail.json";
import enShell from "@locales/en/shell.json";
import zhAccounts from "@locales/zh/accounts.json";
import zhCommon from "@locales/zh/common.json";
import zhInvitations from "@locales/zh/invitations.json";
import zhMail from "@locales/zh/mail.json";
import zhShell from "@locales/zh/shell.json";

export const resources = {
  en: { common: enCommon, accounts: enAccounts, shell: enShell, mail: enMail, invitations: enInvitations },
  zh: { common: zhCommon, accounts: zhAccounts, shell: zhShell, mail: zhMail, invitations: zhInvitations },
} as const;

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
export type Namespace = (typeof namespaces)[number];
