"use client";
import { startTransition, useActionState, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { customerName } from "@/lib/customer-name";
import { fieldError } from "@/components/form";
import { TicketForm } from "@/features/support/components/ticket-form";
import type { Allowance } from "../rationing";
import { CustomerPicker } from "./customer-picker";
import { type DialogActions, type Preselect } from "./request-dialog-state";
import { CaptchaField, ConsentField, ContactFields } from "./request-fields";
import { useRequestDialog } from "./use-request-dialog";

export type { DialogActions, Preselect } from "./request-dialog-state";

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * "Search for a customer": a rationed directory search (combobox), the
 * customer's contact, the CAPTCHA and the consent, then Request. Mounted
 * fresh for each opening, which gives each opening its own idempotency key.
 * The pieces: CustomerPicker/CustomerCombobox, request-fields (contact,
 * CAPTCHA, consent), and the state in use-request-dialog/request-dialog-state.
 */
export function RequestDialog({
  lng,
  preselect,
  initialAllowance,
  actions,
  onClose,
  onSent,
}: {
  lng: string;
  preselect?: Preselect;
  initialAllowance: Allowance;
  actions: DialogActions;
  onClose: () => void;
  onSent: (message?: string) => void;
}) {
  const { t } = useTranslation("requests");
  const { t: tc } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [idempotencyKey] = useState(uuid);
  const { state: dialog, dispatch, searching, search, choose, checkContact } = useRequestDialog({ lng, preselect, initialAllowance, actions });
  const [result, formAction, sending] = useActionState(actions.request, undefined);

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  useEffect(() => {
    if (result?.ok) onSent(result.message);
  }, [result, onSent]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => formAction(fd));
  }

  const { selected, view } = dialog;
  const captchaErrors = fieldError(result, "captcha");
  const closed = selected && !selected.acceptsRequests;

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      className="m-auto w-[min(40rem,calc(100vw-1rem))] max-h-[calc(100dvh-1rem)] rounded-lg border bg-white p-0 shadow-xl backdrop:bg-black/40"
    >
      <div className="flex items-start justify-between border-b px-5 py-4">
        <h2 id={`${ids}-title`} className="text-lg font-semibold">
          {view === "support" ? t("support:title") : t("dialog.title")}
        </h2>
        <button type="button" onClick={() => ref.current?.close()} className="rounded px-2 text-2xl leading-none text-gray-600" aria-label={t("dialog.close")}>
          ×
        </button>
      </div>

      {view === "support" ? (
        <div className="px-5 py-4">
          <TicketForm
            lng={lng}
            action={actions.ticket}
            defaultTopic={dialog.exhausted ? "SEARCH_ATTEMPTS" : "FIND_CUSTOMER"}
            defaultMessage={dialog.searchedFor}
            onCancel={() => dispatch({ type: "showRequest" })}
          />
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4 px-5 py-4">
          <input type="hidden" name="lng" value={lng} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="customerId" value={selected?.id ?? ""} />
          <p className="text-sm text-gray-600">{t("dialog.info")}</p>
          {result && !result.ok && result.formError && (
            <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {tc(result.formError)}
            </p>
          )}

          <CustomerPicker
            lng={lng}
            idBase={ids}
            state={dialog}
            dispatch={dispatch}
            fixed={!!preselect}
            errors={fieldError(result, "customerId")}
            searching={searching}
            onSearch={search}
            onChoose={choose}
          />

          {closed && (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="ask-invitation">
              {t("dialog.askForInvitation", { customer: customerName(selected, lng) })}
            </p>
          )}

          <ContactFields
            lng={lng}
            idBase={ids}
            email={dialog.email}
            errors={fieldError(result, "contactEmail")}
            flags={dialog.flags}
            onChange={(email) => dispatch({ type: "emailTyped", email })}
            onCheck={checkContact}
          />
          <CaptchaField lng={lng} idBase={ids} errors={captchaErrors} refusal={captchaErrors ? result : undefined} />
          <ConsentField
            idBase={ids}
            checked={dialog.consent}
            errors={fieldError(result, "consent")}
            onChange={(consent) => dispatch({ type: "consented", consent })}
          />

          <div className="flex justify-end gap-3 border-t pt-4">
            <button type="button" onClick={() => ref.current?.close()} className="rounded border border-gray-300 px-4 py-2 font-semibold">
              {t("dialog.cancel")}
            </button>
            <button
              type="submit"
              disabled={sending || !!closed}
              className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60"
            >
              {sending ? tc("loading") : t("dialog.request")}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
