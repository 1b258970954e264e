"use client";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/form";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { SuccessNotice } from "@/components/notice";

/** A user of a company without an active admin asks support for admin rights. */
export function AskAdminRightsForm({ action, lng }: { action: FormAction; lng: string }) {
  const { t } = useTranslation("settings");
  return (
    <ActionForm action={action} lng={lng} success={() => <SuccessNotice testId="recovery-sent">{t("recovery.sent")}</SuccessNotice>}>
      {(state) => (
        <>
          <TextAreaField name="reason" label={t("recovery.reason")} state={state} required maxLength={1000} />
          <SubmitButton>{t("recovery.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Support grants or refuses a request, with a comment (one form, two buttons). */
export function DecideRecoveryForm({ action, lng, id }: { action: FormAction<unknown>; lng: string; id: string }) {
  const { t } = useTranslation("settings");
  return (
    <ActionForm
      action={action}
      lng={lng}
      className="space-y-2"
      success={(state) => <SuccessNotice testId="recovery-decided">{t(state.message?.replace(/^settings:/, "") ?? "recoveryAdmin.decided")}</SuccessNotice>}
    >
      {(state) => (
        <>
          <input type="hidden" name="id" value={id} />
          <TextAreaField name="comment" label={t("recoveryAdmin.comment")} state={state} required maxLength={1000} />
          <DecisionButtons />
        </>
      )}
    </ActionForm>
  );
}

function DecisionButtons() {
  const { t } = useTranslation("settings");
  const { pending } = useFormStatus();
  return (
    <div className="flex gap-2">
      <button type="submit" name="decision" value="GRANTED" className={ui.primary} disabled={pending}>
        {t("recoveryAdmin.grant")}
      </button>
      <button type="submit" name="decision" value="REFUSED" className={ui.button} disabled={pending}>
        {t("recoveryAdmin.refuse")}
      </button>
    </div>
  );
}
