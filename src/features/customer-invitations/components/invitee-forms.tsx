"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, LanguageField, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { SuccessNotice } from "@/components/notice";

/** The token travels in a hidden field; the wrapper never echoes it back. */
function TokenField({ token }: { token: string }) {
  return <input type="hidden" name="token" value={token} />;
}

export function RegisterForm({ action, lng, token, email }: { action: FormAction; lng: string; token: string; email: string }) {
  const { t } = useTranslation("invitations");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <TokenField token={token} />
          <Field label={t("landing.register.email")} name="invitedEmail" type="email" defaultValue={email} readOnly />
          <Field label={t("landing.register.companyName")} name="companyName" required state={state} autoComplete="organization" maxLength={200} />
          <Field label={t("landing.register.name")} name="name" required state={state} autoComplete="name" maxLength={200} />
          <Field
            label={t("landing.register.password")}
            name="password"
            type="password"
            required
            state={state}
            autoComplete="new-password"
            hint={t("landing.register.passwordHint")}
          />
          <LanguageField label={t("landing.register.locale")} state={state} defaultValue={lng} />
          <SubmitButton>{t("landing.register.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function SignInAcceptForm({ action, lng, token, email }: { action: FormAction; lng: string; token: string; email: string }) {
  const { t } = useTranslation("invitations");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <TokenField token={token} />
          <Field label={t("landing.signIn.email")} name="email" type="email" defaultValue={email} readOnly autoComplete="username" />
          <Field label={t("landing.signIn.password")} name="password" type="password" required state={state} autoComplete="current-password" />
          <div className="text-right text-sm">
            <Link href={`/${lng}/forgot-password`} className="text-brand underline">
              {t("landing.signIn.forgot")}
            </Link>
          </div>
          <SubmitButton>{t("landing.signIn.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function AcceptForm({ action, lng, token }: { action: FormAction; lng: string; token: string }) {
  const { t } = useTranslation("invitations");
  return (
    <ActionForm action={action} lng={lng}>
      {() => (
        <>
          <TokenField token={token} />
          <SubmitButton>{t("landing.accept.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Asks the admins of the company that has the email's domain to add this person. */
export function JoinRequestForm({
  action,
  lng,
  token,
  company,
  until,
}: {
  action: FormAction<{ company: string }>;
  lng: string;
  token: string;
  company: string;
  until: string;
}) {
  const { t } = useTranslation("invitations");
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={(state) => <SuccessNotice testId="join-sent">{t("landing.join.sent", { company: state.data.company, date: until })}</SuccessNotice>}
    >
      {(state) => (
        <>
          <TokenField token={token} />
          <Field label={t("landing.join.name")} name="name" required state={state} autoComplete="name" maxLength={200} />
          <SubmitButton>{t("landing.join.submit", { company })}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Forwarding the invitation; a successful forward leads to its confirmation page (ForwardedScreen). */
export function ForwardForm({ action, lng, token, domain }: { action: FormAction<unknown>; lng: string; token: string; domain: string }) {
  const { t } = useTranslation("invitations");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <TokenField token={token} />
          <Field label={t("forward.email")} name="email" type="email" required state={state} autoComplete="off" hint={t("forward.sameDomain", { domain })} />
          <LanguageField label={t("forward.locale")} state={state} defaultValue={lng} />
          <SubmitButton>{t("forward.submit")}</SubmitButton>
          <Link href={`/${lng}/invite/${token}`} className="block text-center text-sm text-brand underline">
            {t("forward.back")}
          </Link>
        </>
      )}
    </ActionForm>
  );
}
