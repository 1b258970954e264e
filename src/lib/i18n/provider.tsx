import type { ReactNode } from "react";
import { ClientI18nProvider } from "./client";
import type { Lng } from "./config";
import type { Namespace } from "./resources";
import { bundlesFor } from "./translations";

/** Sent with every page: the shared form, button and error components use them. */
export const baseNamespaces: readonly Namespace[] = ["common", "errors"];

/**
 * Server component in the root layout: gives client components an i18next
 * instance holding only the page's language and the base namespaces; pages add
 * theirs with <Translations> (./translations.tsx).
 */
export function I18nProvider({ lng, children }: { lng: Lng; children: ReactNode }) {
  return (
    <ClientI18nProvider lng={lng} bundles={bundlesFor(lng, baseNamespaces)}>
      {children}
    </ClientI18nProvider>
  );
}
