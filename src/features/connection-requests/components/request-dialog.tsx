"use client";
import { startTransition, useActionState, useEffect, useId, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldError } from "@/components/form";
import type { DirectoryHit } from "@/features/directory/search";
import { TicketForm, type TicketAction } from "@/features/support/components/ticket-form";
import type { ActionResult } from "@/lib/action-result";
import type { ContactFlag } from "../normalize";
import type { Allowance } from "../rationing";
import { CaptchaWidget } from "./captcha-widget";

type Act<R> = (prev: ActionResult<R> | undefined, form: FormData) => Promise<ActionResult<R>>;
export interface DialogActions {
  search: Act<{ hits: DirectoryHit[]; allowance: Allowance; exhausted: boolean }>;
  checkContact: Act<{ flags: ContactFlag[] }>;
  request: Act<{ status: string }>;
  ticket: TicketAction;
}
export interface Preselect {
  id: string;
  name: string;
  nameZh: string;
  acceptsRequests: boolean;
}

function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const label = "block text-sm font-medium text-gray-800";
const input = "block w-full rounded border border-gray-300 bg-white px-3 py-2 text-base shadow-sm";

/**
 * "Search for a customer": a rationed directory search (combobox), the
 * customer's contact, the CAPTCHA and the consent, then Request. Mounted
 * fresh for each opening, which gives each opening its own idempotency key.
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
  const [view, setView] = useState<"request" | "support">("request");
  const [idempotencyKey] = useState(uuid);
  const [selected, setSelected] = useState<Preselect | null>(preselect ?? null);
  const [query, setQuery] = useState("");
  const [searchedFor, setSearchedFor] = useState("");
  const [hits, setHits] = useState<DirectoryHit[] | null>(null);
  const [active, setActive] = useState(-1);
  const [allowance, setAllowance] = useState(initialAllowance);
  const [exhausted, setExhausted] = useState(initialAllowance.remaining === 0);
  const [searching, startSearch] = useTransition();
  const [email, setEmail] = useState("");
  const [flags, setFlags] = useState<ContactFlag[]>([]);
  const [consent, setConsent] = useState(false);
  const [captchaReset, setCaptchaReset] = useState(0);
  const [state, formAction, sending] = useActionState(actions.request, undefined);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    if (state?.ok) onSent(state.message);
    else if (state && fieldError(state, "captcha")) setCaptchaReset((n) => n + 1);
  }, [state, onSent]);

  const name = (c: { name: string; nameZh: string }) => (lng === "zh" && c.nameZh ? c.nameZh : c.name);
  const expanded = !!hits && hits.length > 0 && !selected;
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-opt-${i}`;

  function runSearch() {
    const q = query.trim();
    if (q.length < 2 || exhausted || searching) return;
    startSearch(async () => {
      const fd = new FormData();
      fd.set("query", q);
      fd.set("lng", lng);
      const res = await actions.search(undefined, fd);
      if (!res.ok) return;
      setAllowance(res.data.allowance);
      setExhausted(res.data.exhausted || res.data.allowance.remaining === 0);
      setSearchedFor(q);
      setHits(res.data.exhausted ? null : res.data.hits);
      setActive(res.data.hits.length ? 0 : -1);
    });
  }

  function choose(hit: DirectoryHit) {
    setSelected({ id: hit.id, name: hit.name, nameZh: hit.nameZh, acceptsRequests: hit.acceptsRequests });
    setFlags([]);
  }

  function onComboKey(e: KeyboardEvent<HTMLInputElement>) {
    const n = hits?.length ?? 0;
    if (e.key === "ArrowDown" && n) {
      e.preventDefault();
      setActive((a) => (a + 1) % n);
    } else if (e.key === "ArrowUp" && n) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === "Home" && expanded) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && expanded) {
      e.preventDefault();
      setActive(n - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (expanded && active >= 0 && searchedFor === query.trim()) choose(hits![active]);
      else runSearch();
    } else if (e.key === "Escape" && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setHits(null);
    }
  }

  async function checkEmail(value: string) {
    const v = value.trim().toLowerCase();
    if (!selected || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return setFlags([]);
    // Free-mail is known here; a domain mismatch needs the customer's domains (server).
    const fd = new FormData();
    fd.set("customerId", selected.id);
    fd.set("contactEmail", v);
    fd.set("lng", lng);
    const res = await actions.checkContact(undefined, fd);
    setFlags(res.ok ? res.data.flags : []);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    startTransition(() => formAction(fd));
  }

  const emailErrors = fieldError(state, "contactEmail");
  const consentErrors = fieldError(state, "consent");
  const captchaErrors = fieldError(state, "captcha");
  const customerErrors = fieldError(state, "customerId");
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
            defaultTopic={exhausted ? "SEARCH_ATTEMPTS" : "FIND_CUSTOMER"}
            defaultMessage={searchedFor}
            onCancel={() => setView("request")}
          />
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4 px-5 py-4">
          <input type="hidden" name="lng" value={lng} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="customerId" value={selected?.id ?? ""} />
          <p className="text-sm text-gray-600">{t("dialog.info")}</p>
          {state && !state.ok && state.formError && (
            <p role="alert" data-testid="form-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
              {tc(state.formError)}
            </p>
          )}

          {/* Customer Name */}
          <div className="space-y-1">
            <label htmlFor={`${ids}-q`} className={label}>
              <span className="mr-0.5 text-red-700" aria-hidden="true">*</span>
              {t("dialog.customerName")}
            </label>
            {selected ? (
              <div className="flex flex-wrap items-center gap-2 rounded border border-gray-300 bg-brand-light px-3 py-2">
                <span data-testid="selected-customer" className="font-medium">
                  {t("dialog.selected", { customer: name(selected) })}
                </span>
                {!preselect && (
                  <button type="button" className="ml-auto text-sm text-brand underline" onClick={() => setSelected(null)}>
                    {t("dialog.change")}
                  </button>
                )}
              </div>
            ) : (
              <div className="relative">
                <div className="flex gap-2">
                  <input
                    id={`${ids}-q`}
                    role="combobox"
                    aria-autocomplete="list"
                    aria-expanded={expanded}
                    aria-controls={listId}
                    aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
                    aria-describedby={`${ids}-attempts`}
                    aria-invalid={customerErrors ? true : undefined}
                    autoComplete="off"
                    value={query}
                    disabled={exhausted && allowance.remaining === 0 && !hits}
                    maxLength={200}
                    onChange={(e) => {
                      setQuery(e.target.value);
                      setActive(-1);
                    }}
                    onKeyDown={onComboKey}
                    className={input}
                  />
                  <button
                    type="button"
                    onClick={runSearch}
                    disabled={searching || exhausted}
                    className="rounded border border-brand px-3 py-2 text-sm font-semibold text-brand disabled:opacity-50"
                  >
                    {searching ? t("dialog.searching") : t("dialog.search")}
                  </button>
                </div>
                <ul
                  id={listId}
                  role="listbox"
                  aria-label={t("dialog.customerName")}
                  hidden={!expanded}
                  className="mt-1 max-h-64 overflow-auto rounded border border-gray-300 bg-white shadow"
                >
                  {(hits ?? []).map((h, i) => (
                    <li
                      key={h.id}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(h)}
                      className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand text-white" : "hover:bg-brand-light"}`}
                    >
                      <span className="block font-medium">{name(h)}</span>
                      <span className={`block text-xs ${i === active ? "text-white" : "text-gray-600"}`}>
                        {[lng === "zh" ? h.name : h.nameZh, h.matched !== h.name && h.matched !== h.nameZh ? t("dialog.matchedBy", { matched: h.matched }) : ""]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                    </li>
                  ))}
                </ul>
                <p role="status" aria-live="polite" className="mt-1 text-sm text-gray-700">
                  {hits && hits.length === 0 ? t("dialog.noResults", { query: searchedFor }) : hits ? t("dialog.results", { count: hits.length }) : ""}
                </p>
              </div>
            )}
            {customerErrors && !selected && (
              <p className="text-sm text-red-700" data-testid="error-customerId">
                {customerErrors.map((e) => tc(e)).join(" ")}
              </p>
            )}
            <p id={`${ids}-attempts`} className="text-sm text-gray-700" data-testid="attempts">
              {exhausted ? <span className="font-medium text-red-800">{t("dialog.exhausted")}</span> : t("dialog.attempts", { count: allowance.remaining })}{" "}
              {t("dialog.cantFind")}{" "}
              <button type="button" className="text-brand underline" onClick={() => setView("support")}>
                {t("dialog.contactSupport")}
              </button>
            </p>
          </div>

          {closed && (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="ask-invitation">
              {t("dialog.askForInvitation", { customer: name(selected) })}
            </p>
          )}

          {/* Customer Contact */}
          <div className="space-y-1">
            <label htmlFor={`${ids}-email`} className={label}>
              <span className="mr-0.5 text-red-700" aria-hidden="true">*</span>
              {t("dialog.customerContact")}
            </label>
            <input
              id={`${ids}-email`}
              name="contactEmail"
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              onBlur={(e) => checkEmail(e.target.value)}
              aria-required
              aria-invalid={emailErrors ? true : undefined}
              aria-describedby={`${ids}-email-hint${emailErrors ? ` ${ids}-email-error` : ""}${flags.length ? ` ${ids}-flags` : ""}`}
              maxLength={254}
              className={input}
            />
            <p id={`${ids}-email-hint`} className="text-xs text-gray-600">
              {t("dialog.contactHint")}
            </p>
            {emailErrors && (
              <p id={`${ids}-email-error`} className="text-sm text-red-700" data-testid="error-contactEmail">
                {emailErrors.map((e) => tc(e)).join(" ")}
              </p>
            )}
            {flags.length > 0 && (
              <ul id={`${ids}-flags`} className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="contact-flags">
                {flags.map((f) => (
                  <li key={f}>{t(`flags.${f}`)}</li>
                ))}
              </ul>
            )}
          </div>

          <div className="space-y-1">
            <label htmlFor={`${ids}-locale`} className={label}>
              {t("dialog.contactLocale")}
            </label>
            <select id={`${ids}-locale`} name="contactLocale" defaultValue={lng} className={input}>
              <option value="en">{tc("languages.en")}</option>
              <option value="zh">{tc("languages.zh")}</option>
            </select>
          </div>

          <div className="space-y-1">
            <span className={label} id={`${ids}-captcha-label`}>
              {t("dialog.captcha")}
            </span>
            <CaptchaWidget
              lng={lng}
              challengeUrl={`/${lng}/setup/requests/captcha`}
              name="captcha"
              resetSignal={captchaReset}
              describedBy={captchaErrors ? `${ids}-captcha-error` : undefined}
            />
            {captchaErrors && (
              <p id={`${ids}-captcha-error`} className="text-sm text-red-700" data-testid="error-captcha">
                {captchaErrors.map((e) => tc(e)).join(" ")}
              </p>
            )}
          </div>

          <div className="space-y-1">
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="consent"
                checked={consent}
                onChange={(e) => setConsent(e.target.checked)}
                aria-required
                aria-invalid={consentErrors ? true : undefined}
                aria-describedby={consentErrors ? `${ids}-consent-error` : undefined}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <span>{t("dialog.consent")}</span>
            </label>
            {consentErrors && (
              <p id={`${ids}-consent-error`} className="text-sm text-red-700" data-testid="error-consent">
                {consentErrors.map((e) => tc(e)).join(" ")}
              </p>
            )}
          </div>

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
