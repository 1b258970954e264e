"use client";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, describedBy, echoed, Field, FieldShell, fieldError, SubmitButton, TextAreaField } from "@/components/form";
import type { FieldRule } from "@/features/requirements/fields";
import type { ActionResult, FormAction } from "@/lib/action-result";
import { ACCEPT_ATTRIBUTE, refuseOversizedFile } from "@/lib/uploads";

const button = "rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70";

type Countries = { value: string; label: string }[];

function CountrySelect({
  name,
  countries,
  value,
  state,
  label,
  readOnly,
  required,
}: {
  name: string;
  countries: Countries;
  value: string;
  state?: ActionResult<unknown>;
  label: string;
  readOnly: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation("profile");
  const id = useId();
  const errors = fieldError(state, name);
  const current = echoed(state, name) ?? value;
  return (
    <FieldShell id={id} name={name} label={label} required={required} errors={errors}>
      <select
        aria-required={required || undefined}
        id={id}
        name={name}
        defaultValue={current}
        disabled={readOnly}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(id, undefined, errors)}
        className="block w-full rounded border border-gray-300 bg-white px-3 py-2"
      >
        <option value="">{t("chooseCountry")}</option>
        {countries.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface PublicProfileValues {
  name: string;
  description: string;
  website: string;
  addressLine: string;
  city: string;
  country: string;
  categories: string;
}

export function PublicProfileForm({
  action,
  lng,
  values,
  readOnly,
  countries,
}: {
  action: FormAction<unknown>;
  lng: string;
  values: PublicProfileValues;
  readOnly: boolean;
  countries: Countries;
}) {
  const { t } = useTranslation("profile");
  return (
    <ActionForm action={action} lng={lng} className="grid gap-4 sm:grid-cols-2">
      {(state) => (
        <>
          <Field label={t("fields.name")} name="name" required state={state} defaultValue={values.name} readOnly={readOnly} maxLength={160} />
          <Field
            label={t("fields.website")}
            name="website"
            type="url"
            state={state}
            defaultValue={values.website}
            readOnly={readOnly}
            hint={t("fields.websiteHint")}
            maxLength={200}
          />
          <div className="sm:col-span-2">
            <TextAreaField
              name="description"
              label={t("fields.description")}
              defaultValue={values.description}
              state={state}
              readOnly={readOnly}
              maxLength={2000}
            />
          </div>
          <Field label={t("fields.addressLine")} name="addressLine" state={state} defaultValue={values.addressLine} readOnly={readOnly} maxLength={200} />
          <Field label={t("fields.city")} name="city" state={state} defaultValue={values.city} readOnly={readOnly} maxLength={100} />
          <CountrySelect name="country" countries={countries} value={values.country} state={state} label={t("fields.country")} readOnly={readOnly} />
          <Field
            label={t("fields.categories")}
            name="categories"
            state={state}
            defaultValue={values.categories.split(",").join(", ")}
            readOnly={readOnly}
            hint={t("fields.categoriesHint")}
            maxLength={500}
          />
          {!readOnly && (
            <div className="sm:col-span-2">
              <SubmitButton className={button}>{t("save")}</SubmitButton>
            </div>
          )}
        </>
      )}
    </ActionForm>
  );
}

/** One private section (TAX, REMIT_TO, BANK, CONTACTS) generated from its field rules. */
export function SectionForm({
  action,
  lng,
  section,
  fields,
  values,
  readOnly,
  countries,
}: {
  countries: Countries;
  action: FormAction<unknown>;
  lng: string;
  section: string;
  fields: FieldRule[];
  values: Record<string, string | boolean>;
  readOnly: boolean;
}) {
  const { t } = useTranslation("profile");
  return (
    <ActionForm action={action} lng={lng} className="grid gap-4 sm:grid-cols-2">
      {(state) => (
        <>
          <input type="hidden" name="section" value={section} />
          {fields.map((f) => {
            const name = `f_${f.key}`;
            const value = values[f.key] === undefined ? "" : String(values[f.key]);
            if (f.type === "country")
              return (
                <CountrySelect
                  key={f.key}
                  name={name}
                  countries={countries}
                  value={value}
                  state={state}
                  label={t(`fields.${f.key}`)}
                  readOnly={readOnly}
                  required={f.required}
                />
              );
            if (f.type === "address")
              return (
                <TextAreaField
                  key={f.key}
                  name={name}
                  defaultValue={value}
                  state={state}
                  label={t(`fields.${f.key}`)}
                  readOnly={readOnly}
                  required={f.required}
                  maxLength={2000}
                />
              );
            const type = f.type === "email" ? "email" : f.type === "phone" ? "tel" : "text";
            return (
              <Field
                key={f.key}
                label={t(`fields.${f.key}`)}
                name={name}
                type={type}
                required={f.required}
                state={state}
                defaultValue={value}
                readOnly={readOnly}
                maxLength={500}
              />
            );
          })}
          {!readOnly && (
            <div className="sm:col-span-2">
              <SubmitButton className={button}>{t("save")}</SubmitButton>
            </div>
          )}
        </>
      )}
    </ActionForm>
  );
}

export function DocumentUploadForm({ action, lng }: { action: FormAction<unknown>; lng: string }) {
  const { t } = useTranslation("profile");
  const id = useId();
  const [clientError, setClientError] = useState<string | null>(null);
  return (
    <ActionForm action={action} lng={lng} className="space-y-2">
      {(state) => {
        const errors = clientError ? [clientError] : fieldError(state, "file");
        return (
          <>
            <FieldShell id={id} name="file" label={t("documents.file")} hint={t("documents.hint")} errors={errors}>
              <input
                id={id}
                name="file"
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                aria-describedby={describedBy(id, t("documents.hint"), errors)}
                aria-invalid={errors ? true : undefined}
                className="block w-full text-sm"
                onChange={(e) => setClientError(refuseOversizedFile(e.currentTarget))}
              />
            </FieldShell>
            <SubmitButton className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-light">{t("documents.upload")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}

/** Which private sections one customer may see. */
export function SharingForm({
  action,
  lng,
  customerId,
  customer,
  sections,
  shared,
  readOnly,
}: {
  action: FormAction<unknown>;
  lng: string;
  customerId: string;
  customer: string;
  sections: readonly string[];
  shared: string[];
  readOnly: boolean;
}) {
  const { t } = useTranslation("profile");
  return (
    <ActionForm action={action} lng={lng} className="space-y-2">
      {() => (
        <fieldset disabled={readOnly}>
          <legend className="sr-only">{t("sharing.sharedWith", { customer })}</legend>
          <input type="hidden" name="customerId" value={customerId} />
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {sections.map((s) => (
              <label key={s} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="sections[]" value={s} defaultChecked={shared.includes(s)} className="h-4 w-4" />
                {t(`sections.${s}`)}
              </label>
            ))}
          </div>
          {!readOnly && (
            <div className="mt-2">
              <SubmitButton className="rounded border border-brand px-3 py-1.5 text-sm text-brand hover:bg-brand-light">{t("sharing.save")}</SubmitButton>
            </div>
          )}
        </fieldset>
      )}
    </ActionForm>
  );
}
