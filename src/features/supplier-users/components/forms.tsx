"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, LanguageField, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import type { Permission } from "@/lib/permissions";
import { GrantFields, type CustomerOption } from "./grant-fields";

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

export function InviteForm({ action, lng, options, days }: { action: FormAction; lng: string; options: GrantOptions; days: number }) {
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
  action: FormAction;
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

export function ApproveJoinForm({
  action,
  lng,
  requestId,
  name,
  options,
}: {
  action: FormAction;
  lng: string;
  requestId: string;
  name: string;
  options: GrantOptions;
}) {
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

/** The invited colleague's registration: email fixed, name, password, language. */
export function ColleagueJoinForm({ action, lng, token, email, name }: { action: FormAction; lng: string; token: string; email: string; name: string }) {
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
