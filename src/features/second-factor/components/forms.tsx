"use client";
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useActionState, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, Field, SubmitButton } from "@/components/form";
import { Outcome } from "@/components/action-button";
import type { ActionResult, FormAction } from "@/lib/action-result";
import { SuccessNotice } from "@/components/notice";

type OptionsAction = FormAction<unknown>;

/** Asks the server for WebAuthn options, runs the browser ceremony, and returns the response as JSON (or an error key). */
async function passkeyCeremony(optionsAction: OptionsAction, lng: string, purpose: string, kind: "register" | "authenticate") {
  const form = new FormData();
  form.set("lng", lng);
  form.set("purpose", purpose);
  const options = await optionsAction(undefined, form);
  if (!options.ok) return { error: options.formError ?? "errors.unexpected" };
  try {
    const response =
      kind === "register"
        ? await startRegistration({ optionsJSON: options.data as Parameters<typeof startRegistration>[0]["optionsJSON"] })
        : await startAuthentication({ optionsJSON: options.data as Parameters<typeof startAuthentication>[0]["optionsJSON"] });
    return { json: JSON.stringify(response) };
  } catch {
    return { error: "mfa:passkeys.cancelled" };
  }
}

/**
 * A button that runs a passkey ceremony and posts its answer (hidden `passkey`
 * field) with the form's other fields to `action`.
 */
function PasskeyForm({
  action,
  optionsAction,
  lng,
  purpose,
  kind,
  fields,
  label,
  children,
  testId,
}: {
  action: FormAction<unknown>;
  optionsAction: OptionsAction;
  lng: string;
  purpose: string;
  kind: "register" | "authenticate";
  fields?: Record<string, string>;
  label: string;
  children?: React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation("mfa");
  const [state, formAction, pending] = useActionState(action, undefined);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const answer = useRef<HTMLInputElement>(null);
  return (
    <form ref={form} action={formAction} className="space-y-3" data-testid={testId}>
      <input type="hidden" name="lng" value={lng} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input ref={answer} type="hidden" name="passkey" />
      {children}
      <button
        type="button"
        className="w-full rounded border border-gray-300 bg-white px-4 py-2 font-semibold hover:bg-gray-50 disabled:opacity-70"
        disabled={busy || pending}
        onClick={async () => {
          if (form.current && !form.current.reportValidity()) return;
          setBusy(true);
          setError(undefined);
          const result = await passkeyCeremony(optionsAction, lng, purpose, kind);
          setBusy(false);
          if ("error" in result) return setError(result.error);
          answer.current!.value = result.json!;
          form.current!.requestSubmit();
        }}
      >
        {label}
      </button>
      {error ? (
        <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {t(error)}
        </p>
      ) : (
        <Outcome state={state as ActionResult<unknown> | undefined} />
      )}
    </form>
  );
}

/** The second step of sign-in: an authenticator or recovery code, or a passkey. */
export function VerifySignInForm({
  action,
  optionsAction,
  lng,
  next,
  hasTotp,
  hasPasskeys,
}: {
  action: FormAction<unknown>;
  optionsAction: OptionsAction;
  lng: string;
  next?: string;
  hasTotp: boolean;
  hasPasskeys: boolean;
}) {
  const { t } = useTranslation("mfa");
  return (
    <div className="space-y-6">
      {hasPasskeys && (
        <PasskeyForm
          action={action}
          optionsAction={optionsAction}
          lng={lng}
          purpose="secondStep"
          kind="authenticate"
          fields={next ? { next } : {}}
          label={t("verify.usePasskey")}
          testId="passkey-second-step"
        />
      )}
      <ActionForm action={action} lng={lng}>
        {(state) => (
          <>
            {next && <input type="hidden" name="next" value={next} />}
            <Field
              label={hasTotp ? t("verify.code") : t("verify.recoveryCode")}
              name="code"
              autoComplete="one-time-code"
              required
              state={state}
              hint={t("verify.codeHint")}
              maxLength={40}
            />
            <SubmitButton>{t("verify.submit")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}

/** "Sign in with a passkey" under the password form. */
export function PasskeySignIn({ action, optionsAction, lng, next }: { action: FormAction<unknown>; optionsAction: OptionsAction; lng: string; next?: string }) {
  const { t } = useTranslation("mfa");
  return (
    <div className="mt-6 border-t pt-4">
      <PasskeyForm
        action={action}
        optionsAction={optionsAction}
        lng={lng}
        purpose="signIn"
        kind="authenticate"
        fields={next ? { next } : {}}
        label={t("signIn.passkey")}
        testId="passkey-sign-in"
      />
    </div>
  );
}

/** Adds a passkey under a name the user chooses. */
export function AddPasskeyForm({ action, optionsAction, lng }: { action: FormAction<unknown>; optionsAction: OptionsAction; lng: string }) {
  const { t } = useTranslation("mfa");
  return (
    <PasskeyForm action={action} optionsAction={optionsAction} lng={lng} purpose="register" kind="register" label={t("passkeys.add")} testId="add-passkey">
      <label className="block text-sm font-medium text-gray-800">
        {t("passkeys.name")}
        <input name="name" required maxLength={60} className="mt-1 block w-full rounded border border-gray-300 px-3 py-2" />
      </label>
    </PasskeyForm>
  );
}

/** The recovery codes, shown once after they were made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("mfa");
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <p className="text-sm font-semibold">{t("recovery.showOnce")}</p>
      <ul className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Ten new recovery codes (the old ones stop working). */
export function RegenerateCodesForm({ action, lng }: { action: FormAction<{ codes: string[] }>; lng: string }) {
  const { t } = useTranslation("mfa");
  return (
    <ActionForm action={action} lng={lng} success={(state) => <RecoveryCodes codes={state.data.codes} />}>
      {() => <SubmitButton className="rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50">{t("recovery.regenerate")}</SubmitButton>}
    </ActionForm>
  );
}

/** The step-up check: the password, a code, or a passkey. */
export function StepUpForm({
  action,
  optionsAction,
  lng,
  next,
  hasFactor,
}: {
  action: FormAction<unknown>;
  optionsAction: OptionsAction;
  lng: string;
  next: string;
  hasFactor: boolean;
}) {
  const { t } = useTranslation("mfa");
  return (
    <div className="space-y-6">
      <ActionForm action={action} lng={lng}>
        {(state) => (
          <>
            <input type="hidden" name="next" value={next} />
            <Field label={t("stepUp.password")} name="password" type="password" autoComplete="current-password" state={state} />
            {hasFactor && <Field label={t("stepUp.code")} name="code" autoComplete="one-time-code" state={state} maxLength={40} hint={t("verify.codeHint")} />}
            <SubmitButton>{t("stepUp.submit")}</SubmitButton>
          </>
        )}
      </ActionForm>
      {hasFactor && (
        <PasskeyForm
          action={action}
          optionsAction={optionsAction}
          lng={lng}
          purpose="stepUp"
          kind="authenticate"
          fields={{ next }}
          label={t("verify.usePasskey")}
          testId="passkey-step-up"
        />
      )}
    </div>
  );
}

/** An administrator's reset of a user's second factor, by email. */
export function ResetFactorForm({ action, lng }: { action: FormAction<unknown>; lng: string }) {
  const { t } = useTranslation("mfa");
  return (
    <section aria-labelledby="reset-factor-title" className="max-w-xl space-y-2 rounded border bg-white p-4">
      <h2 id="reset-factor-title" className="text-lg font-semibold">
        {t("reset.adminTitle")}
      </h2>
      <p className="text-sm text-gray-700">{t("reset.adminIntro")}</p>
      <ActionForm action={action} lng={lng}>
        {(state) => (
          <>
            <Field label={t("reset.email")} name="email" type="email" required state={state} />
            <SubmitButton className="rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50">{t("reset.submit")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </section>
  );
}

/**
 * The authenticator-app enrolment: the QR code, the key and the first-code form
 * while an enrolment is pending, then the recovery codes. Always rendered at the
 * same place, so its state (the codes, shown once) survives the page refreshing
 * itself after the action.
 */
export function TotpEnrolment({
  action,
  lng,
  pending,
}: {
  action: FormAction<{ codes: string[] }>;
  lng: string;
  pending: { qr: string; secret: string } | null;
}) {
  const { t } = useTranslation("mfa");
  const [state, formAction] = useActionState(action, undefined);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <SuccessNotice>{t("totp.enabled")}</SuccessNotice>
        <RecoveryCodes codes={state.data.codes} />
      </div>
    );
  }
  if (!pending) return null;
  return (
    <div className="space-y-3" data-testid="totp-enrolment">
      <p className="text-sm">{t("totp.scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
      <img src={pending.qr} alt={t("totp.qrAlt")} width={200} height={200} className="border" />
      <p className="text-sm">
        {t("totp.orType")}{" "}
        <code className="break-all rounded bg-gray-100 px-1" data-testid="totp-secret">
          {pending.secret}
        </code>
      </p>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="lng" value={lng} />
        <Outcome state={state} />
        <Field label={t("totp.firstCode")} name="code" autoComplete="one-time-code" required state={state} maxLength={6} />
        <SubmitButton>{t("totp.confirm")}</SubmitButton>
      </form>
    </div>
  );
}
