"use client";
import Link from "next/link";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, LanguageField, SubmitButton } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { SuccessNotice } from "@/components/notice";

export function SignInForm({ action, lng, next, notice }: { action: FormAction; lng: string; next?: string; notice?: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng} validate={() => import("../form-checks").then((m) => m.signInCheck)}>
      {(state) => (
        <>
          {notice && <SuccessNotice>{t(notice)}</SuccessNotice>}
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

export function SignUpForm({ action, lng }: { action: FormAction; lng: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={() => (
        // The same screen for every sign-up: whether the address or its domain has an account is in the email only.
        <div className="space-y-4" data-testid="sign-up-sent">
          <h2 className="text-lg font-semibold">{t("signUp.sentTitle")}</h2>
          <SuccessNotice>{t("signUp.sent")}</SuccessNotice>
          <Link href={`/${lng}/sign-in`} className="text-brand underline">
            {t("forgot.backToSignIn")}
          </Link>
        </div>
      )}
    >
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

/** One choice on the sign-up confirmation page (create the account, or ask to join the company of the domain). */
export function ConfirmSignUpForm({
  action,
  lng,
  token,
  choice,
  label,
  secondary,
}: {
  action: FormAction;
  lng: string;
  token: string;
  choice: "create" | "join";
  label: string;
  secondary?: boolean;
}) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng} success={(state) => <SuccessNotice>{t(state.message ?? "confirm.joinSent")}</SuccessNotice>}>
      {() => (
        <>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="choice" value={choice} />
          <SubmitButton
            className={
              secondary
                ? "w-full rounded border border-brand bg-white px-4 py-2 font-semibold text-brand hover:bg-gray-50 disabled:cursor-wait disabled:opacity-70"
                : undefined
            }
          >
            {label}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ForgotPasswordForm({ action, lng }: { action: FormAction; lng: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm
      action={action}
      lng={lng}
      validate={() => import("../form-checks").then((m) => m.forgotPasswordCheck)}
      success={() => (
        <div className="space-y-4">
          <SuccessNotice>{t("forgot.sent")}</SuccessNotice>
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

export function ResetPasswordForm({ action, lng, token }: { action: FormAction; lng: string; token: string }) {
  const { t } = useTranslation("accounts");
  return (
    <ActionForm action={action} lng={lng} validate={() => import("../form-checks").then((m) => m.resetPasswordCheck)}>
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
