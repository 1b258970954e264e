"use client";
import { createInstance, type BackendModule, type i18n, type ResourceKey } from "i18next";
import { useState, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { Lng } from "./config";
import { loadNamespace } from "./loaders";

/** Namespaces sent by the server for one language: namespace -> texts. */
export type Bundles = Record<string, ResourceKey>;

/**
 * Namespaces the page did not send are fetched as their own chunk (one per
 * language and namespace): a client component still works when its page
 * forgot to declare one, at the cost of a round-trip (a warning in
 * development says which).
 */
const chunkBackend: BackendModule = {
  type: "backend",
  init() {},
  read(lng, ns, callback) {
    if (process.env.NODE_ENV !== "production")
      console.warn(`i18n: namespace "${ns}" was not sent with this page; declare it with <Translations ns={["${ns}"]}>`);
    loadNamespace(lng, ns).then(
      (data) => callback(null, (data ?? {}) as ResourceKey),
      (error: Error) => callback(error, false),
    );
  },
};

function createClientInstance(lng: Lng, bundles: Bundles): i18n {
  const instance = createInstance();
  void instance.use(chunkBackend).init({
    lng,
    // The parity test keeps every key in both languages: no fallback language to ship.
    fallbackLng: false,
    supportedLngs: [lng],
    resources: { [lng]: bundles },
    partialBundledLanguages: true,
    ns: Object.keys(bundles),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // A key of a namespace that is not here yet ("users:x" from an action's
    // result): fetch the namespace; components re-render when it arrives.
    saveMissing: true,
    missingKeyHandler: (_lngs, ns) => {
      if (!instance.hasResourceBundle(lng, ns)) void instance.loadNamespaces(ns);
    },
    react: { bindI18n: "languageChanged loaded" },
  });
  return instance;
}

function addBundles(instance: i18n, lng: Lng, bundles: Bundles) {
  for (const [ns, texts] of Object.entries(bundles)) {
    if (!instance.hasResourceBundle(lng, ns)) instance.addResourceBundle(lng, ns, texts, true, true);
  }
}

// In the browser one instance per language lives for the whole visit and
// collects the namespaces of the pages seen. On the server one per language and
// set of namespaces a page sends, shared by every render of such a page (the
// texts never change; creating an instance per render cost about a millisecond).
const browserInstances = new Map<Lng, i18n>();
const serverInstances = new Map<string, i18n>();

function instanceFor(lng: Lng, bundles: Bundles): i18n {
  if (typeof window === "undefined") {
    const key = `${lng}:${Object.keys(bundles).sort().join(",")}`;
    let instance = serverInstances.get(key);
    if (!instance) serverInstances.set(key, (instance = createClientInstance(lng, bundles)));
    return instance;
  }
  let instance = browserInstances.get(lng);
  if (!instance) browserInstances.set(lng, (instance = createClientInstance(lng, bundles)));
  return instance;
}

/** The language of the page and its first namespaces (rendered by ./provider.tsx). */
export function ClientI18nProvider({ lng, bundles, children }: { lng: Lng; bundles: Bundles; children: ReactNode }) {
  const [instance] = useState(() => instanceFor(lng, bundles));
  addBundles(instance, lng, bundles);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

/** More namespaces for the client components below (rendered by ./translations.tsx). */
export function ClientTranslations({ lng, bundles, children }: { lng: Lng; bundles: Bundles; children: ReactNode }) {
  const { i18n } = useTranslation();
  addBundles(i18n, lng, bundles);
  return <>{children}</>;
}
