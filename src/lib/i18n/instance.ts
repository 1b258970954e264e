import { createInstance, type i18n, type TFunction } from "i18next";
import { fallbackLng, isLng, type Lng } from "./config";
import { namespaces, resources, type Namespace } from "./resources";

const cache = new Map<Lng, i18n>();

/** A ready i18next instance for one language (synchronous: resources are bundled). */
export function i18nFor(lng: Lng): i18n {
  let instance = cache.get(lng);
  if (!instance) {
    instance = createInstance();
    void instance.init({
      lng,
      fallbackLng,
      resources,
      ns: namespaces,
      defaultNS: "common",
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
    cache.set(lng, instance);
  }
  return instance;
}

/** A fixed `t` for one language and namespace: server components and emails. */
export function getT(lng: string, ns: Namespace = "common"): TFunction {
  return i18nFor(isLng(lng) ? lng : fallbackLng).getFixedT(isLng(lng) ? lng : fallbackLng, ns);
}
