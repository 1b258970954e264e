"use client";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, echoed, fieldError, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";

/** Approve or decline, with an optional comment the supplier sees. */
export function RespondForm({
  lng,
  token,
  action,
  initialDecision,
}: {
  lng: string;
  token: string;
  action: FormAction;
  initialDecision?: "APPROVED" | "REJECTED";
}) {
  const { t } = useTranslation("requests");
  const { t: tc } = useTranslation();
  const id = useId();
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => {
        const chosen = echoed(state, "decision") ?? initialDecision;
        const decisionErr = fieldError(state, "decision");
        return (
          <>
            <input type="hidden" name="token" value={token} />
            <fieldset className="space-y-2" aria-describedby={decisionErr ? `${id}-derr` : undefined}>
              <legend className="mb-1 text-sm font-medium text-gray-800">{t("respond.decision")}</legend>
              {(["APPROVED", "REJECTED"] as const).map((d) => (
                <label key={d} className="flex items-center gap-2">
                  <input type="radio" name="decision" value={d} defaultChecked={chosen === d} className="h-4 w-4" />
                  {t(d === "APPROVED" ? "respond.approve" : "respond.decline")}
                </label>
              ))}
              {decisionErr && (
                <p id={`${id}-derr`} className="text-sm text-red-700">
                  {decisionErr.map((e) => tc(e)).join(" ")}
                </p>
              )}
            </fieldset>
            <div className="space-y-1">
              <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-gray-800">
                {t("respond.comment")}
              </label>
              <textarea
                id={`${id}-comment`}
                name="comment"
                rows={3}
                maxLength={1000}
                defaultValue={echoed(state, "comment")}
                className="block w-full rounded border border-gray-300 px-3 py-2"
              />
            </div>
            <SubmitButton>{t("respond.submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
