"use client";
import { useTranslation } from "react-i18next";
import type { ContactFlag } from "../normalize";
import { CaptchaWidget } from "./captcha-widget";

// The request form's fields after the customer: contact, language, CAPTCHA, consent.

export const label = "block text-sm font-medium text-gray-800";
export const input = "block w-full rounded border border-gray-300 bg-white px-3 py-2 text-base shadow-sm";

function Errors({ id, field, errors }: { id?: string; field: string; errors: string[] }) {
  const { t: tc } = useTranslation();
  return (
    <p id={id} className="text-sm text-red-700" data-testid={`error-${field}`}>
      {errors.map((e) => tc(e)).join(" ")}
    </p>
  );
}

/** The customer contact's email (checked on blur for warnings) and the language of the email they get. */
export function ContactFields({
  lng,
  idBase,
  email,
  errors,
  flags,
  onChange,
  onCheck,
}: {
  lng: string;
  idBase: string;
  email: string;
  errors: string[] | undefined;
  flags: ContactFlag[];
  onChange: (email: string) => void;
  onCheck: (email: string) => void;
}) {
  const { t } = useTranslation("requests");
  const { t: tc } = useTranslation();
  const id = `${idBase}-email`;
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={id} className={label}>
          <span className="mr-0.5 text-red-700" aria-hidden="true">
            *
          </span>
          {t("dialog.customerContact")}
        </label>
        <input
          id={id}
          name="contactEmail"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => onCheck(e.target.value)}
          aria-required
          aria-invalid={errors ? true : undefined}
          aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ""}${flags.length ? ` ${idBase}-flags` : ""}`}
          maxLength={254}
          className={input}
        />
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {t("dialog.contactHint")}
        </p>
        {errors && <Errors id={`${id}-error`} field="contactEmail" errors={errors} />}
        {flags.length > 0 && (
          <ul id={`${idBase}-flags`} className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="contact-flags">
            {flags.map((f) => (
              <li key={f}>{t(`flags.${f}`)}</li>
            ))}
          </ul>
        )}
      </div>

      <div className="space-y-1">
        <label htmlFor={`${idBase}-locale`} className={label}>
          {t("dialog.contactLocale")}
        </label>
        <select id={`${idBase}-locale`} name="contactLocale" defaultValue={lng} className={input}>
          <option value="en">{tc("languages.en")}</option>
          <option value="zh">{tc("languages.zh")}</option>
        </select>
      </div>
    </>
  );
}

/**
 * The self-hosted CAPTCHA. `refusal` is the action result that refused the
 * last answer: each new refusal fetches a fresh challenge.
 */
export function CaptchaField({ lng, idBase, errors, refusal }: { lng: string; idBase: string; errors: string[] | undefined; refusal: unknown }) {
  const { t } = useTranslation("requests");
  return (
    <div className="space-y-1">
      <span className={label} id={`${idBase}-captcha-label`}>
        {t("dialog.captcha")}
      </span>
      <CaptchaWidget
        lng={lng}
        challengeUrl={`/${lng}/setup/requests/captcha`}
        name="captcha"
        resetKey={refusal}
        describedBy={errors ? `${idBase}-captcha-error` : undefined}
        workingLabel={t("dialog.captchaWorking")}
        doneLabel={t("dialog.captchaDone")}
      />
      {errors && <Errors id={`${idBase}-captcha-error`} field="captcha" errors={errors} />}
    </div>
  );
}

/** The supplier's confirmation that they do business with this customer and contact. */
export function ConsentField({
  idBase,
  checked,
  errors,
  onChange,
}: {
  idBase: string;
  checked: boolean;
  errors: string[] | undefined;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation("requests");
  return (
    <div className="space-y-1">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="consent"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${idBase}-consent-error` : undefined}
          className="mt-1 h-4 w-4 shrink-0"
        />
        <span>{t("dialog.consent")}</span>
      </label>
      {errors && <Errors id={`${idBase}-consent-error`} field="consent" errors={errors} />}
    </div>
  );
}
