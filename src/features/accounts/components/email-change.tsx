"use client";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { SuccessNotice } from "@/components/notice";

/** Profile → Security → change sign-in email: the new address and the current password. */
export function ChangeEmailForm({ action, lng }: { action: FormAction; lng: string }) {
  const { t } = useTranslation("settings");
  return (
    <ActionForm
      action={action}
      lng={lng}
      validate={() => import("../form-checks").then((m) => m.changeEmailCheck)}
      success={() => <SuccessNotice testId="email-change-sent">{t("emailChange.sent")}</SuccessNotice>}
    >
      {(state) => (
        <>
          <Field label={t("emailChange.newEmail")} name="newEmail" type="email" autoComplete="email" required state={state} />
          <Field label={t("emailChange.password")} name="password" type="password" autoComplete="current-password" required state={state} />
          <SubmitButton>{t("emailChange.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * The one button of the confirmation and "it wasn't me" pages: the link only
 * opens the page; the change happens on this post (a mail scanner that follows
 * links changes nothing), which leads to the result page.
 */
export function EmailChangeTokenForm({
  action,
  lng,
  token,
  label,
  danger,
}: {
  action: FormAction;
  lng: string;
  token: string;
  label: string;
  danger?: boolean;
}) {
  return (
    <ActionForm action={action} lng={lng}>
      {() => (
        <>
          <input type="hidden" name="token" value={token} />
          <SubmitButton
            className={
              danger ? "w-full rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70" : undefined
            }
          >
            {label}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
