"use client";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { Lng } from "./config";
import { i18nFor } from "./instance";

export function I18nProvider({ lng, children }: { lng: Lng; children: ReactNode }) {
  return <I18nextProvider i18n={i18nFor(lng)}>{children}</I18nextProvider>;
}
