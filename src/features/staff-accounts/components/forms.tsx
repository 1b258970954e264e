"use client";
import { useActionState, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, Field } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { staffRoles } from "@/lib/permissions";

type StaffAction = FormAction<{ userId: string }>;

/** New staff account: email, name, role, language, and how the password is set. */
export function CreateStaffForm({ action, lng }: { action: StaffAction; lng: string }) {
  const { t } = useTranslation("staff");
  const [setup, setSetup] = useState<"link" | "password">("link");
  return (
    <ActionForm
      action={action}
      lng={lng}
      success={(state) => (
        <div role="status" className="rounded border border-green-300 bg-green-50 p-4 text-green-900">
          <p>{t(state.message ?? "staff.createdLink")}</p>
          <p className="mt-2 flex gap-4">
            <a className="text-brand underline" href={`/${lng}/admin/staff`}>
              {t("staff.backToList")}
            </a>
            <a className="text-brand underline" href={`/${lng}/admin/staff/new`}>
              {t("staff.createAnother")}
            </a>
          </p>
        </div>
      )}
    >
      {(state, pending) => (
        <>
          <Field label={t("staff.email")} name="email" type="email" state={state} required autoComplete="off" maxLength={254} />
          <Field label={t("staff.name")} name="name" state={state} required autoComplete="off" maxLength={120} />
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-gray-800">{t("staff.role")}</legend>
            {staffRoles.map((role) => (
              <label key={role} className="flex items-start gap-2">
                <input type="radio" name="role" value={role} defaultChecked={role === "SUPPORT"} className="mt-1" />
                <span>
                  <span className="font-medium">{t(`roles.${role}`)}</span>
                  <span className="block text-xs text-gray-600">{t(`roleHelp.${role}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="space-y-1">
            <label htmlFor="staff-locale" className="block text-sm font-medium text-gray-800">
              {t("staff.locale")}
            </label>
            <select id="staff-locale" name="locale" defaultValue={lng} className="block w-full rounded border border-gray-300 bg-white px-3 py-2">
              <option value="en">English</option>
              <option value="zh">中文</option>
            </select>
          </div>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-gray-800">{t("staff.setup")}</legend>
            {(["link", "password"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2">
                <input type="radio" name="setup" value={value} checked={setup === value} onChange={() => setSetup(value)} className="mt-1" />
                <span>
                  <span className="font-medium">{t(`staff.setupOptions.${value}`)}</span>
                  <span className="block text-xs text-gray-600">{t(`staff.setupHelp.${value}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {setup === "password" && (
            <Field
              label={t("staff.password")}
              name="password"
              type="password"
              state={state}
              required
              autoComplete="new-password"
              hint={t("staff.passwordHint")}
            />
          )}
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70"
          >
            {pending ? t("common:loading") : t("staff.create")}
          </button>
        </>
      )}
    </ActionForm>
  );
}

/** Role picker with its own submit button. */
export function RoleForm({ action, lng, id, role, label }: { action: StaffAction; lng: string; id: string; role: string; label: string }) {
  const { t } = useTranslation("staff");
  const [state, formAction, pending] = useActionState(action, undefined);
  const selectId = `role-${id}`;
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <label htmlFor={selectId} className="sr-only">
        {label}
      </label>
      <select id={selectId} name="role" defaultValue={role} className="rounded border border-gray-300 bg-white px-2 py-1 text-sm">
        {staffRoles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <button className="rounded border border-gray-300 bg-white px-3 py-1 text-sm hover:bg-gray-50" disabled={pending}>
        {t("staff.changeRole")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {t(state.formError ?? "common:errors.unexpected")}
        </span>
      )}
    </form>
  );
}
