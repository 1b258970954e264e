"use client";
import type { Dispatch } from "react";
import { useTranslation } from "react-i18next";
import { customerName } from "@/lib/customer-name";
import type { DirectoryHit } from "@/features/customer-search/search";
import { CustomerCombobox } from "./customer-combobox";
import { type DialogEvent, type DialogState } from "./request-dialog-state";
import { label } from "./request-fields";

/**
 * "Customer Name": the chosen customer (with Change unless the dialog was
 * opened for one), or the search combobox; then the attempts left and the
 * way to support.
 */
export function CustomerPicker({
  lng,
  idBase,
  state,
  dispatch,
  fixed,
  errors,
  searching,
  onSearch,
  onChoose,
}: {
  lng: string;
  idBase: string;
  state: DialogState;
  dispatch: Dispatch<DialogEvent>;
  /** Opened for one customer (a suggestion): no Change button */
  fixed: boolean;
  errors: string[] | undefined;
  searching: boolean;
  onSearch: () => void;
  onChoose: (hit: DirectoryHit) => void;
}) {
  const { t } = useTranslation("requests");
  const { t: tc } = useTranslation();
  const { selected, exhausted, allowance } = state;
  const ids = { input: `${idBase}-q`, label: `${idBase}-q-label`, list: `${idBase}-list`, describedBy: `${idBase}-attempts` };
  return (
    <div className="space-y-1">
      <label id={ids.label} htmlFor={ids.input} className={label}>
        <span className="mr-0.5 text-red-700" aria-hidden="true">
          *
        </span>
        {t("dialog.customerName")}
      </label>
      {selected ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-gray-300 bg-brand-light px-3 py-2">
          <span data-testid="selected-customer" className="font-medium">
            {t("dialog.selected", { customer: customerName(selected, lng) })}
          </span>
          {!fixed && (
            <button type="button" className="ml-auto text-sm text-brand underline" onClick={() => dispatch({ type: "changeCustomer" })}>
              {t("dialog.change")}
            </button>
          )}
        </div>
      ) : (
        <CustomerCombobox
          lng={lng}
          state={state}
          dispatch={dispatch}
          ids={ids}
          invalid={!!errors}
          searching={searching}
          onSearch={onSearch}
          onChoose={onChoose}
        />
      )}
      {errors && !selected && (
        <p className="text-sm text-red-700" data-testid="error-customerId">
          {errors.map((e) => tc(e)).join(" ")}
        </p>
      )}
      <p id={ids.describedBy} className="text-sm text-gray-700" data-testid="attempts">
        {exhausted ? <span className="font-medium text-red-800">{t("dialog.exhausted")}</span> : t("dialog.attempts", { count: allowance.remaining })}{" "}
        {t("dialog.cantFind")}{" "}
        <button type="button" className="text-brand underline" onClick={() => dispatch({ type: "showSupport" })}>
          {t("dialog.contactSupport")}
        </button>
      </p>
    </div>
  );
}
