"use client";
import { useId, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslation } from "react-i18next";
import { ActionForm } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { inputName, type Answers } from "@/features/requirements/fields";
import type { RequirementField, RequirementStep } from "@/features/requirements/requirements";
import { ACCEPT_ATTRIBUTE, refuseOversizedFile } from "@/lib/uploads";

const inputClass = (invalid: boolean, disabled: boolean) =>
  `block w-full rounded border px-3 py-2 text-base shadow-sm ${invalid ? "border-red-600" : "border-gray-300"} ${disabled ? "bg-gray-100" : "bg-white"}`;

const hintKey: Partial<Record<RequirementField["type"], string>> = {
  iban: "hints.iban",
  swift: "hints.swift",
  routingNumber: "hints.routingNumber",
  bankAccount: "hints.bankAccount",
  phone: "hints.phone",
  document: "document.hint",
};

/** One onboarding step as a form generated from the customer's field definitions. */
export function StepForm({
  action,
  lng,
  customerId,
  step,
  answers,
  documents,
  editable,
  countries,
}: {
  /** Country options, named on the server (browser and server ICU data differ) */
  countries: { value: string; label: string }[];
  action: FormAction<unknown>;
  lng: string;
  customerId: string;
  step: RequirementStep;
  answers: Answers;
  documents: Record<string, { filename: string }>;
  editable: boolean;
}) {
  const { t } = useTranslation("onboarding");
  return (
    <ActionForm action={action} lng={lng} className="space-y-5">
      {(state) => {
        const failed = state && !state.ok ? state : undefined;
        // After a failed submit the server echoes what was typed; otherwise show the saved answers.
        const value = (key: string): string => {
          const name = inputName(key);
          if (failed?.values) return failed.values[name] ?? "";
          const v = answers[key];
          return v === true ? "on" : v === false || v === undefined ? "" : String(v);
        };
        return (
          <>
            <input type="hidden" name="customerId" value={customerId} />
            <input type="hidden" name="stepKey" value={step.key} />
            {step.fields.map((field) => (
              <FieldControl
                key={field.key}
                field={field}
                lng={lng}
                value={value(field.key)}
                errors={failed?.fieldErrors?.[inputName(field.key)]}
                document={field.type === "document" ? documents[String(answers[field.key] ?? "")] : undefined}
                currentDocument={field.type === "document" ? String(answers[field.key] ?? "") : ""}
                disabled={!editable}
                countries={countries}
              />
            ))}
            {editable && <Buttons draft={t("saveDraft")} submit={t("submitStep")} />}
          </>
        );
      }}
    </ActionForm>
  );
}

function Buttons({ draft, submit }: { draft: string; submit: string }) {
  const { pending } = useFormStatus();
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap gap-3">
      <button
        type="submit"
        name="intent"
        value="draft"
        disabled={pending}
        className="rounded border border-brand px-4 py-2 font-semibold text-brand hover:bg-brand-light disabled:opacity-70"
      >
        {pending ? t("loading") : draft}
      </button>
      <button
        type="submit"
        name="intent"
        value="submit"
        disabled={pending}
        className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70"
      >
        {pending ? t("loading") : submit}
      </button>
    </div>
  );
}

function FieldControl({
  field,
  lng,
  value,
  errors,
  document,
  currentDocument,
  disabled,
  countries,
}: {
  countries: { value: string; label: string }[];
  field: RequirementField;
  lng: string;
  value: string;
  errors?: string[];
  document?: { filename: string };
  currentDocument: string;
  disabled: boolean;
}) {
  const { t } = useTranslation("onboarding");
  const { t: tc } = useTranslation();
  const id = useId();
  const [clientError, setClientError] = useState<string | null>(null);
  const name = inputName(field.key);
  const label = lng === "zh" ? field.label.zh : field.label.en;
  const shown = clientError ? [clientError] : errors;
  const hint = hintKey[field.type] ? t(hintKey[field.type]!) : undefined;
  const describedBy = [hint ? `${id}-hint` : "", shown ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    disabled,
    "aria-invalid": shown ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": field.required || undefined,
  };
  let control: ReactNode;
  switch (field.type) {
    case "address":
      control = <textarea {...common} rows={3} defaultValue={value} maxLength={1000} className={inputClass(!!shown, disabled)} />;
      break;
    case "select":
    case "country": {
      const options =
        field.type === "country" ? countries : (field.options ?? []).map((o) => ({ value: o.value, label: lng === "zh" ? o.label.zh : o.label.en }));
      control = (
        <select {...common} defaultValue={value} className={inputClass(!!shown, disabled)}>
          <option value="">{t("choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case "confirm":
      control = (
        <div className="flex items-start gap-2">
          <input type="checkbox" {...common} defaultChecked={value === "on"} className="mt-1 h-5 w-5" />
          <label htmlFor={id} className="text-sm font-medium text-gray-800">
            {field.required && (
              <span className="mr-0.5 text-red-700" aria-hidden="true">
                *
              </span>
            )}
            {label}
          </label>
        </div>
      );
      break;
    case "document":
      control = (
        <div className="space-y-1">
          {document && (
            <p className="text-sm" data-testid={`document-${field.key}`}>
              <a href={`/${lng}/profile/documents/${currentDocument}`} className="text-brand underline">
                {t("document.current", { name: document.filename })}
              </a>{" "}
              {!disabled && <span className="text-gray-600">{t("document.replace")}</span>}
            </p>
          )}
          {currentDocument && <input type="hidden" name={`${name}__current`} value={currentDocument} />}
          {!disabled && (
            <input
              type="file"
              {...common}
              accept={ACCEPT_ATTRIBUTE}
              className="block w-full text-sm"
              onChange={(e) => setClientError(refuseOversizedFile(e.currentTarget))}
            />
          )}
        </div>
      );
      break;
    default: {
      const type = field.type === "email" ? "email" : field.type === "phone" ? "tel" : field.type === "date" ? "date" : "text";
      const bank = ["iban", "swift", "bankAccount", "routingNumber"].includes(field.type);
      control = (
        <input
          {...common}
          type={type}
          defaultValue={value}
          inputMode={field.type === "number" || field.type === "routingNumber" ? "decimal" : undefined}
          autoCapitalize={bank ? "characters" : undefined}
          spellCheck={bank ? false : undefined}
          maxLength={field.type === "text" ? 500 : 100}
          className={inputClass(!!shown, disabled)}
        />
      );
    }
  }
  return (
    <div className="space-y-1" data-testid={`field-${field.key}`}>
      {field.type !== "confirm" ? (
        <label htmlFor={id} className="block text-sm font-medium text-gray-800">
          {field.required && (
            <span className="mr-0.5 text-red-700" aria-hidden="true">
              *
            </span>
          )}
          {label}
          {!field.required && <span className="ml-1 font-normal text-gray-600">({t("optional")})</span>}
        </label>
      ) : null}
      {control}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {shown && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {shown.map((e) => tc(e)).join(" ")}
        </p>
      )}
    </div>
  );
}
