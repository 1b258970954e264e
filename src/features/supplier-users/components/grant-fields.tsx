"use client";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldError } from "@/components/form";
import type { ActionResult } from "@/lib/action-result";
import type { Permission } from "@/lib/permissions";

export interface CustomerOption {
  id: string;
  label: string;
}

function GroupError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors) return null;
  return (
    <p id={id} className="text-sm text-red-700" data-testid="group-error">
      {errors.map((e) => t(e)).join(" ")}
    </p>
  );
}

/**
 * Permissions and customer access, shared by the invite, edit and approve forms.
 * Only what the viewer may grant is offered; the server refuses anything else.
 */
export function GrantFields({
  state,
  grantable,
  customers,
  allowAll,
  initial,
}: {
  state: ActionResult<unknown> | undefined;
  grantable: Permission[];
  customers: CustomerOption[];
  /** The viewer sees every customer, so may grant "All customers" */
  allowAll: boolean;
  initial?: { permissions: Permission[]; allCustomers: boolean; customerIds: string[] };
}) {
  const { t } = useTranslation("users");
  const id = useId();
  const [isAdmin, setAdmin] = useState(initial?.permissions.includes("admin") ?? false);
  const [access, setAccess] = useState<"all" | "selected">(allowAll && (initial?.allCustomers ?? true) ? "all" : "selected");
  const permErrors = fieldError(state, "permissions[]");
  const accessErrors = fieldError(state, "access") ?? fieldError(state, "customerIds[]");
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={permErrors ? `${id}-perm-error` : undefined}>
        <legend className="text-sm font-medium text-gray-800">{t("permissions.label")}</legend>
        {grantable.map((p) => (
          <div key={p} className="flex items-start gap-2 text-sm">
            <input
              id={`${id}-${p}`}
              type="checkbox"
              name="permissions[]"
              value={p}
              defaultChecked={initial?.permissions.includes(p)}
              onChange={p === "admin" ? (e) => setAdmin(e.target.checked) : undefined}
              aria-describedby={`${id}-${p}-hint`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={`${id}-${p}`} className="font-medium">
                {t(`permissions.${p}`)}
              </label>
              <p id={`${id}-${p}-hint`} className="text-xs text-gray-600">
                {t(`permissions.hint.${p}`)}
              </p>
            </div>
          </div>
        ))}
        <GroupError id={`${id}-perm-error`} errors={permErrors} />
      </fieldset>
      <fieldset className="space-y-2" aria-describedby={accessErrors ? `${id}-access-error` : undefined}>
        <legend className="text-sm font-medium text-gray-800">{t("access.label")}</legend>
        {isAdmin ? (
          <>
            <input type="hidden" name="access" value="all" />
            <p className="text-sm text-gray-700">{t("access.adminSeesAll")}</p>
          </>
        ) : (
          <>
            {allowAll && (
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" name="access" value="all" checked={access === "all"} onChange={() => setAccess("all")} className="h-4 w-4" />
                {t("access.all")}
              </label>
            )}
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="access" value="selected" checked={access === "selected"} onChange={() => setAccess("selected")} className="h-4 w-4" />
              {t("access.selected")}
            </label>
            {access === "selected" && (
              <div className="ml-6 space-y-1" role="group" aria-label={t("access.customers")}>
                {customers.length === 0 ? (
                  <p className="text-sm text-gray-600">{t("access.noCustomers")}</p>
                ) : (
                  customers.map((c) => (
                    <label key={c.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="customerIds[]" value={c.id} defaultChecked={initial?.customerIds.includes(c.id)} className="h-4 w-4" />
                      {c.label}
                    </label>
                  ))
                )}
              </div>
            )}
          </>
        )}
        <GroupError id={`${id}-access-error`} errors={accessErrors} />
      </fieldset>
    </>
  );
}
