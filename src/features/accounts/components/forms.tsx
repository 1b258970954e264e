"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, LanguageField, SubmitButton } from "@/components/form";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: ActionResult<undefined> | undefined, form: FormData) => Promise<ActionResult<undefined>>;

export function SignInForm({ action, lng, next, notice }: { action: Action; lng: string; next?: string; notice?: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          {notice && (
            <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
              {t(notice)}
            </p>
          )}
          {next && <input type="hidden" name="next" value={next} />}
          <Field label={t("signIn.email")} name="email" type="email" autoComplete="username" required state={state} />
          <Field label={t("signIn.password")} name="password" type="password" autoComplete="current-password" required state={state} />
          <div className="text-right text-sm">
            <Link href={`/${lng}/forgot-password`} className="text-brand underline">
              {t("signIn.forgot")}
            </Link>
          </div>
          <SubmitButton>{t("signIn.submit")}</SubmitButton>
          <p className="text-center text-sm">
            {t("signIn.newUser")}{" "}
            <Link href={`/${lng}/sign-up`} className="text-brand underline">
              {t("signIn.createAccount")}
            </Link>
          </p>
        </>
      )}
    </ActionForm>
  );
}

export function SignUpForm({ action, lng }: { action: Action; lng: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <Field label={t("signUp.companyName")} name="companyName" required state={state} autoComplete="organization" maxLength={200} />
          <Field label={t("signUp.name")} name="name" required state={state} autoComplete="name" maxLength={200} />
          <Field label={t("signUp.email")} name="email" type="email" required state={state} autoComplete="email" />
          <Field
            label={t("signUp.password")}
            name="password"
            type="password"
            required
            state={state}
            autoComplete="new-password"
            hint={t("signUp.passwordHint")}
          />
          <LanguageField label={t("signUp.locale")} state={state} defaultValue={lng} />
          {state && !state.ok && state.formError === "accounts:signUp.domainTaken" && (
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="separateCompany" className="mt-1" />
              <span>{t("signUp.separateCompany")}</span>
            </label>
          )}
          <SubmitButton>{t("signUp.submit")}</SubmitButton>
          <p className="text-center text-sm">
            {t("signUp.haveAccount")}{" "}
            <Link href={`/${lng}/sign-in`} className="text-brand underline">
              {t("signUp.signIn")}
            </Link>
          </p>
        </>
      )}
    </ActionForm>
  );
}

export function ForgotPasswordForm({ action, lng }: { action: Action; lng: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={() => (
        <div className="space-y-4">
          <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
            {t("forgot.sent")}
          </p>
          <Link href={`/${lng}/sign-in`} className="text-brand underline">
            {t("forgot.backToSignIn")}
          </Link>
        </div>
      )}
    >
      {(state) => (
        <>
          <p className="text-sm text-gray-700">{t("forgot.intro")}</p>
          <Field label={t("forgot.email")} name="email" type="email" required state={state} autoComplete="email" />
          <SubmitButton>{t("forgot.submit")}</SubmitButton>
          <Link href={`/${lng}/sign-in`} className="block text-center text-sm text-brand underline">
            {t("forgot.backToSignIn")}
          </Link>
        </>
      )}
    </ActionForm>
  );
}

export function ResetPasswordForm({ action, lng, token }: { action: Action; lng: string; token: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng}>
      {(state) => (
        <>
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-gray-700">{t("reset.sessionsEnded")}</p>
          <Field
            label={t("reset.password")}
            name="password"
            type="password"
            required
            state={state}
            autoComplete="new-password"
            hint={t("signUp.passwordHint")}
          />
          <Field label={t("reset.confirm")} name="confirm" type="password" required state={state} autoComplete="new-password" />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
