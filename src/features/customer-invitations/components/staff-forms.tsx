"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";
import { ActionButton } from "@/components/action-button";
import { ActionForm, echoed, Field, fieldError, LanguageField, SelectField, SubmitButton } from "@/components/form";
import type { ActionResult, FormAction } from "@/lib/action-result";
import { MESSAGE_MAX } from "../limits";
import { SuccessNotice } from "@/components/notice";

export function CreateInvitationForm({
  action,
  lng,
  customers,
  idempotencyKey,
  defaultCustomerId,
}: {
  action: FormAction<{ email: string }>;
  lng: string;
  customers: { id: string; label: string }[];
  idempotencyKey: string;
  defaultCustomerId?: string;
}) {
  const { t } = useTranslation("invitations");
  const { t: tc } = useTranslation();
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={(state) => (
        <div className="space-y-3">
          <SuccessNotice testId="invitation-created">{t("staff.created", { email: state.data.email })}</SuccessNotice>
          <div className="flex gap-4 text-sm">
            <Link href={`/${lng}/admin/invitations`} className="text-brand underline">
              {t("staff.back")}
            </Link>
            <a href={`/${lng}/admin/invitations/new`} className="text-brand underline">
              {t("staff.new")}
            </a>
          </div>
        </div>
      )}
    >
      {(state) => (
        <>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <SelectField label={t("staff.customer")} name="customerId" state={state} defaultValue={defaultCustomerId ?? ""} required>
            <option value="">{t("staff.chooseCustomer")}</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <Field label={t("staff.email")} name="email" type="email" required state={state} autoComplete="off" />
          <LanguageField label={t("staff.locale")} state={state} defaultValue={lng} />
          <MessageField label={t("staff.message")} hint={t("staff.messageHint")} state={state} errorText={(k) => tc(k)} />
          <SubmitButton>{t("staff.send")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

function MessageField({ label, hint, state, errorText }: { label: string; hint: string; state?: ActionResult<unknown>; errorText: (key: string) => string }) {
  const errors = fieldError(state, "message");
  const value = echoed(state, "message");
  return (
    <div className="space-y-1">
      <label htmlFor="invitation-message" className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <textarea
        id="invitation-message"
        name="message"
        rows={4}
        defaultValue={value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={`invitation-message-hint${errors ? " invitation-message-error" : ""}`}
        className={`block w-full rounded border px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"}`}
      />
      <p id="invitation-message-hint" className="text-xs text-gray-600">
        {hint} ({MESSAGE_MAX})
      </p>
      {errors && (
        <p id="invitation-message-error" className="text-sm text-red-700" data-testid="error-message">
          {errors.map(errorText).join(" ")}
        </p>
      )}
    </div>
  );
}

/** Resend and revoke for one row; the list refreshes after either. */
export function RowActions({
  id,
  lng,
  canResend,
  canRevoke,
  resend,
  revoke,
}: {
  id: string;
  lng: string;
  canResend: boolean;
  canRevoke: boolean;
  resend: FormAction;
  revoke: FormAction;
}) {
  const { t } = useTranslation("invitations");
  const small = "rounded border px-2 py-1 text-sm hover:border-brand disabled:opacity-60";
  return (
    <div className="flex flex-wrap gap-2">
      {canResend && (
        <ActionButton action={resend} lng={lng} fields={{ id }} className={small}>
          {t("staff.resend")}
        </ActionButton>
      )}
      {canRevoke && (
        <ActionButton action={revoke} lng={lng} fields={{ id }} className={small}>
          {t("staff.revoke")}
        </ActionButton>
      )}
    </div>
  );
}
