"use client";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { echoed, fieldError } from "@/components/form";
import type { ActionResult } from "@/lib/action-result";
import { languages } from "@/lib/i18n/config";

/** A labelled select with the same error display as Field (the label points at the select itself). */
export function SelectField({
  label,
  name,
  state,
  defaultValue,
  required,
  children,
}: {
  label: string;
  name: string;
  state?: ActionResult<unknown>;
  defaultValue?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errors = fieldError(state, name);
  const value = echoed(state, name) ?? defaultValue;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {required && <span className="mr-0.5 text-red-700" aria-hidden="true">*</span>}
        {label}
      </label>
      <select
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        required={required}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={`block w-full rounded border bg-white px-3 py-2 ${errors ? "border-red-600" : "border-gray-300"}`}
      >
        {children}
      </select>
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
          {errors.map((e) => t(e)).join(" ")}
        </p>
      )}
    </div>
  );
}

export function LanguageField({ label, name = "locale", state, defaultValue }: { label: string; name?: string; state?: ActionResult<unknown>; defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} name={name} state={state} defaultValue={defaultValue}>
      {languages.map((l) => (
        <option key={l} value={l}>
          {t(`languages.${l}`)}
        </option>
      ))}
    </SelectField>
  );
}
