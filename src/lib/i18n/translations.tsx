import type { ReactNode } from "react";
import { ClientTranslations, type Bundles } from "./client";
import { fallbackLng, isLng, type Lng } from "./config";
import { resources, type Namespace } from "./resources";

/** The texts of `ns` in one language, to send to the browser. */
export function bundlesFor(lng: Lng, ns: readonly Namespace[]): Bundles {
  return Object.fromEntries(ns.map((n) => [n, resources[lng][n]]));
}

/**
 * Server component: sends the namespaces that the client components below use,
 * in the page's language only. Server components need nothing (they use
 * `getT`); `common` and `errors` are always sent (./provider.tsx). Wrap the
 * client part of a page or layout:
 *   <Translations lng={lng} ns={["requests", "support"]}>…</Translations>
 * tests/lib/client-namespaces.test.ts fails when a page renders a client
 * component whose `useTranslation("x")` namespace none of its layouts or the
 * page itself declares.
 */
export function Translations({ lng, ns, children }: { lng: string; ns: readonly Namespace[]; children: ReactNode }) {
  const language = isLng(lng) ? lng : fallbackLng;
  return (
    <ClientTranslations lng={language} bundles={bundlesFor(language, ns)}>
      {children}
    </ClientTranslations>
  );
}
