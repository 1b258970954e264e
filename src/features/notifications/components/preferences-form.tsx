"use client";
import { useTranslation } from "react-i18next";
import { ActionForm, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { channels, preferenceKinds, type Channel, type PreferenceKind } from "../kinds";

/** Profile → Notifications: for each kind of event, email, in the portal, or both. */
export function PreferencesForm({ action, lng, current }: { action: FormAction; lng: string; current: Record<PreferenceKind, Channel> }) {
  const { t } = useTranslation("settings");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => {
        // After a save the form shows what was sent; otherwise what is stored.
        const value = (kind: PreferenceKind) => (state && !state.ok ? state.values?.[kind] : undefined) ?? current[kind];
        return (
          <>
            {preferenceKinds.map((kind) => (
              <fieldset key={kind} className="rounded border p-3" data-testid={`preference-${kind}`}>
                <legend className="px-1 font-semibold">{t(`preferences.kinds.${kind}`)}</legend>
                <p className="mb-2 text-sm text-gray-600">{t(`preferences.hints.${kind}`)}</p>
                <div className="flex flex-wrap gap-4">
                  {channels.map((channel) => (
                    <label key={channel} className="flex items-center gap-2 text-sm">
                      <input type="radio" name={kind} value={channel} defaultChecked={value(kind) === channel} />
                      {t(`preferences.channels.${channel}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <SubmitButton>{t("preferences.save")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
