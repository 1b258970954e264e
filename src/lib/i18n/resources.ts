// Every locale bundle, imported statically so both server and client share one
// source. Add a namespace: create locales/{en,zh}/<ns>.json and list it here.
import enAccounts from "@locales/en/accounts.json" with { type: "json" };
import enCommon from "@locales/en/common.json" with { type: "json" };
import enMail from "@locales/en/mail.json" with { type: "json" };
import enRequests from "@locales/en/requests.json" with { type: "json" };
import enShell from "@locales/en/shell.json" with { type: "json" };
import enSupport from "@locales/en/support.json" with { type: "json" };
import zhAccounts from "@locales/zh/accounts.json" with { type: "json" };
import zhCommon from "@locales/zh/common.json" with { type: "json" };
import zhMail from "@locales/zh/mail.json" with { type: "json" };
import zhRequests from "@locales/zh/requests.json" with { type: "json" };
import zhShell from "@locales/zh/shell.json" with { type: "json" };
import zhSupport from "@locales/zh/support.json" with { type: "json" };

export const resources = {
  en: { common: enCommon, accounts: enAccounts, shell: enShell, mail: enMail, requests: enRequests, support: enSupport },
  zh: { common: zhCommon, accounts: zhAccounts, shell: zhShell, mail: zhMail, requests: zhRequests, support: zhSupport },
} as const;

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
export type Namespace = (typeof namespaces)[number];
