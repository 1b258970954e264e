"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, LanguageField, SubmitButton } from "@/components/form";
import type { ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/permissions";
import { GrantFields, type CustomerOption } from "./grant-fields";

type Action = (prev: ActionResult<undefined> | undefined, form: FormData) => Promise<ActionResult<undefined>>;

const smallButton = "rounded border border-gray-400 bg-white px-3 py-1 text-sm hover:bg-gray-100 disabled:opacity-60";
const primaryButton = "rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70";

/** A submit button with its own accessible name (e.g. "Deactivate Lin" for a row's "Deactivate"). */
function NamedSubmit({ children, label, className }: { children: ReactNode; label: string; className: string }) {
  const { pending } = useFormStatus();
  const { t } = useTranslation();
  return (
    <button type="submit" aria-label={label} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? t("loading") : children}
    </button>
  );
}

export interface GrantOptions {
  grantable: Permission[];
  customers: CustomerOption[];
  allowAll: boolean;
}

export function InviteForm({ action, lng, options, days }: { action: Action; lng: string; options: GrantOptions; days: number }) {
  const { t } = useTranslation("users");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <p className="text-sm text-gray-700">{t("invite.intro", { days })}</p>
          <Field label={t("invite.email")} name="email" type="email" required state={state} autoComplete="off" maxLength={254} />
          <LanguageField label={t("invite.locale")} state={state} defaultValue={lng} />
          <GrantFields state={state} {...options} />
          <SubmitButton className={primaryButton}>{t("invite.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function EditAccessForm({
  action,
  lng,
  userId,
  options,
  initial,
}: {
  action: Action;
  lng: string;
  userId: string;
  options: GrantOptions;
  initial: { permissions: Permission[]; allCustomers: boolean; customerIds: string[] };
}) {
  const { t } = useTranslation("users");
  return (
    <ActionForm action={action} lng={lng} className="space-y-3">
      {(state) => (
        <>
          <input type="hidden" name="userId" value={userId} />
          <GrantFields state={state} {...options} initial={initial} />
          <SubmitButton className={primaryButton}>{t("edit.save")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ApproveJoinForm({ action, lng, requestId, name, options }: { action: Action; lng: string; requestId: string; name: string; options: GrantOptions }) {
  const { t } = useTranslation("users");
  return (
    <ActionForm action={action} lng={lng} className="space-y-3">
      {(state) => (
        <>
          <input type="hidden" name="requestId" value={requestId} />
          <GrantFields state={state} {...options} />
          <NamedSubmit className={primaryButton} label={t("join.approveFor", { name })}>
            {t("join.approve")}
          </NamedSubmit>
        </>
      )}
    </ActionForm>
  );
}

/** A one-button form (deactivate, resend, revoke, decline...) that shows its own outcome. */
export function RowButton({
  action,
  lng,
  fields,
  label,
  ariaLabel,
  danger,
}: {
  action: Action;
  lng: string;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  danger?: boolean;
}) {
  return (
    <ActionForm action={action} lng={lng} className="space-y-1">
      {() => (
        <>
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <NamedSubmit className={`${smallButton} ${danger ? "border-red-400 text-red-800" : ""}`} label={ariaLabel}>
            {label}
          </NamedSubmit>
        </>
      )}
    </ActionForm>
  );
}

export function JoinForm({ action, lng, token, email, name }: { action: Action; lng: string; token: string; email: string; name: string }) {
  const { t } = useTranslation("users");
  const { t: ta } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <Field label={t("register.email")} name="email" type="email" defaultValue={email} readOnly autoComplete="username" />
          <Field label={t("register.name")} name="name" required state={state} defaultValue={name} autoComplete="name" maxLength={200} />
          <Field
            label={t("register.password")}
            name="password"
            type="password"
            required
            state={state}
            autoComplete="new-password"
            hint={ta("signUp.passwordHint")}
          />
          <Field label={t("register.confirm")} name="confirm" type="password" required state={state} autoComplete="new-password" />
          <LanguageField label={t("register.locale")} state={state} defaultValue={lng} />
          <SubmitButton>{t("register.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
