"use client";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Field, fieldError } from "@/components/form";
import type { RequirementStep } from "@/features/requirements/requirements";
import type { ActionResult, FormAction } from "@/lib/action-result";
import { aliasKinds, autoApproveRules, type AliasKind } from "../form-rules";
import { RequirementsEditor } from "./requirements-editor";
import { SuccessNotice } from "@/components/notice";

export interface CustomerFormValues {
  id?: string;
  version?: string;
  name: string;
  nameZh: string;
  taxId: string;
  registrationNumber: string;
  aliases: { name: string; kind: AliasKind }[];
  domains: string[];
  acceptsRequests: boolean;
  autoApproveRule: string;
  requirements: RequirementStep[];
}

export const emptyCustomer: CustomerFormValues = {
  name: "",
  nameZh: "",
  taxId: "",
  registrationNumber: "",
  aliases: [],
  domains: [],
  acceptsRequests: true,
  autoApproveRule: "NONE",
  requirements: [],
};

function GoTo({ href }: { href: string }) {
  const router = useRouter();
  const { t } = useTranslation("staff");
  useEffect(() => router.replace(href), [router, href]);
  return (
    <p role="status">
      {t("customers.created")}{" "}
      <a className="text-brand underline" href={href}>
        {t("customers.open")}
      </a>
    </p>
  );
}

function ErrorText({ state, name }: { state: ActionResult<unknown> | undefined; name: string }) {
  const { t } = useTranslation("staff");
  const errors = fieldError(state, name);
  if (!errors) return null;
  return (
    <p id={`${name}-error`} className="text-sm text-red-700" data-testid={`error-${name}`}>
      {errors.map((e) => t(e)).join(" ")}
    </p>
  );
}

/** Create or edit one customer of the directory. */
export function CustomerForm({ action, lng, initial }: { action: FormAction<{ customerId: string }>; lng: string; initial: CustomerFormValues }) {
  const { t } = useTranslation("staff");
  const [aliases, setAliases] = useState(initial.aliases);
  const [domains, setDomains] = useState(initial.domains.join("\n"));
  const [accepts, setAccepts] = useState(initial.acceptsRequests ? "yes" : "no");
  const [rule, setRule] = useState(initial.autoApproveRule);
  const domainsId = useId();
  const aliasesId = useId();
  const [state, formAction, pending] = useActionState(action, undefined);
  // Submitted by hand, not through the form's action prop: React resets a form
  // after its action, which would put controlled selects and radios (alias
  // kinds, rules) back to their first option while the state still says otherwise.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  if (state?.ok && !initial.id) return <GoTo href={`/${lng}/admin/customers/${state.data.customerId}`} />;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="lng" value={lng} />
      {state && !state.ok && state.formError && (
        <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {t(state.formError)}
        </p>
      )}
      {state?.ok && state.message && <SuccessNotice>{t(state.message)}</SuccessNotice>}
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("customers.name")} name="name" state={state} defaultValue={initial.name} required maxLength={160} />
        <Field label={t("customers.nameZh")} name="nameZh" state={state} defaultValue={initial.nameZh} maxLength={160} />
        <Field label={t("customers.taxId")} name="taxId" state={state} defaultValue={initial.taxId} maxLength={60} />
        <Field label={t("customers.registrationNumber")} name="registrationNumber" state={state} defaultValue={initial.registrationNumber} maxLength={60} />
      </div>

      <fieldset className="space-y-2" aria-describedby={`${aliasesId}-hint`}>
        <legend className="text-sm font-medium text-gray-800">{t("customers.aliases")}</legend>
        <p id={`${aliasesId}-hint`} className="text-xs text-gray-600">
          {t("customers.aliasesHint")}
        </p>
        {aliases.length === 0 && <p className="text-sm text-gray-600">{t("customers.noAliases")}</p>}
        <ul className="space-y-2">
          {aliases.map((alias, i) => (
            <li key={i} className="flex flex-wrap items-end gap-2" data-testid="alias-row">
              <div className="min-w-48 flex-1">
                <label htmlFor={`${aliasesId}-name-${i}`} className="block text-xs font-medium text-gray-700">
                  {t("customers.aliasName", { n: i + 1 })}
                </label>
                <input
                  id={`${aliasesId}-name-${i}`}
                  name="aliasName[]"
                  value={alias.name}
                  maxLength={160}
                  onChange={(e) => setAliases((all) => all.map((a, j) => (j === i ? { ...a, name: e.target.value } : a)))}
                  className="block w-full rounded border border-gray-300 bg-white px-3 py-2"
                />
              </div>
              <div>
                <label htmlFor={`${aliasesId}-kind-${i}`} className="block text-xs font-medium text-gray-700">
                  {t("customers.aliasKind", { n: i + 1 })}
                </label>
                <select
                  id={`${aliasesId}-kind-${i}`}
                  name="aliasKind[]"
                  value={alias.kind}
                  onChange={(e) => setAliases((all) => all.map((a, j) => (j === i ? { ...a, kind: e.target.value as AliasKind } : a)))}
                  className="block rounded border border-gray-300 bg-white px-3 py-2"
                >
                  {aliasKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`customers.aliasKinds.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="rounded border border-gray-300 bg-white px-3 py-2 text-sm hover:bg-gray-50"
                onClick={() => setAliases((all) => all.filter((_, j) => j !== i))}
                aria-label={t("customers.removeAlias", { n: i + 1 })}
              >
                {t("customers.remove")}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50"
          onClick={() => setAliases((all) => [...all, { name: "", kind: "TRADING" }])}
        >
          + {t("customers.addAlias")}
        </button>
        <ErrorText state={state} name="aliases" />
      </fieldset>

      <div className="space-y-1">
        <label htmlFor={domainsId} className="block text-sm font-medium text-gray-800">
          {t("customers.domains")}
        </label>
        <textarea
          id={domainsId}
          name="domains"
          rows={3}
          value={domains}
          onChange={(e) => setDomains(e.target.value)}
          aria-describedby={`${domainsId}-hint${fieldError(state, "domains") ? " domains-error" : ""}`}
          aria-invalid={fieldError(state, "domains") ? true : undefined}
          className="block w-full rounded border border-gray-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <p id={`${domainsId}-hint`} className="text-xs text-gray-600">
          {t("customers.domainsHint")}
        </p>
        <ErrorText state={state} name="domains" />
      </div>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-gray-800">{t("customers.acceptsRequests")}</legend>
        {(["yes", "no"] as const).map((v) => (
          <label key={v} className="flex items-start gap-2">
            <input type="radio" name="acceptsRequests" value={v} checked={accepts === v} onChange={() => setAccepts(v)} className="mt-1" />
            <span>{t(`customers.accepts.${v}`)}</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-gray-800">{t("customers.autoApproveRule")}</legend>
        {autoApproveRules.map((v) => (
          <label key={v} className="flex items-start gap-2">
            <input type="radio" name="autoApproveRule" value={v} checked={rule === v} onChange={() => setRule(v)} className="mt-1" />
            <span>
              <span className="font-medium">{t(`customers.rules.${v}.label`)}</span>
              <span className="block text-xs text-gray-600">{t(`customers.rules.${v}.help`)}</span>
            </span>
          </label>
        ))}
        <ErrorText state={state} name="autoApproveRule" />
      </fieldset>

      <RequirementsEditor name="requirements" initial={initial.requirements} serverError={fieldError(state, "requirements")?.[0]} />

      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? t("common:loading") : initial.id ? t("customers.save") : t("customers.create")}
      </button>
    </form>
  );
}
