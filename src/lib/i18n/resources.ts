// Every locale bundle, imported statically so both server and client share one
// source. Add a namespace: create locales/{en,zh}/<ns>.json and list it here.
import enAccounts from "@locales/en/accounts.json";
import enCommon from "@locales/en/common.json";
import enMail from "@locales/en/mail.json";
import enRequests from "@locales/en/requests.json";
import enShell from "@locales/en/shell.json";
import enSupport from "@locales/en/support.json";
import zhAccounts from "@locales/zh/accounts.json";
import zhCommon from "@locales/zh/common.json";
import zhMail from "@locales/zh/mail.json";
import zhRequests from "@locales/zh/requests.json";
import zhShell from "@locales/zh/shell.json";
import zhSupport from "@locales/zh/support.json";

export const resources = {
  en: { common: enCommon, accounts: enAccounts, shell: enShell, mail: enMail, requests: enRequests, support: enSupport },
  zh: { common: zhCommon, accounts: zhAccounts, shell: zhShell, mail: zhMail, requests: zhRequests, support: zhSupport },
} as const;

export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
export type Namespace = (typeof namespaces)[number];
