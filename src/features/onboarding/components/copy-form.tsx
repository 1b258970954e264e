"use client";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";

/** "Copy answers from another customer" into the current step. */
export function CopyAnswersForm({
  action,
  lng,
  customerId,
  stepKey,
  sources,
}: {
  action: FormAction<unknown>;
  lng: string;
  customerId: string;
  stepKey: string;
  sources: { id: string; name: string; nameZh: string }[];
}) {
  const { t } = useTranslation("onboarding");
  const id = useId();
  return (
    <ActionForm action={action} lng={lng} className="space-y-2">
      {() => (
        <>
          <input type="hidden" name="customerId" value={customerId} />
          <input type="hidden" name="stepKey" value={stepKey} />
          <label htmlFor={id} className="block text-sm font-medium">
            {t("copy.from")}
          </label>
          <div className="flex flex-wrap gap-2">
            <select id={id} name="fromCustomerId" className="min-w-0 flex-1 rounded border border-gray-300 bg-white px-3 py-2">
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {customerName(s, lng)}
                </option>
              ))}
            </select>
            <SubmitButton className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-light">{t("copy.submit")}</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
