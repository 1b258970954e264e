"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionButton } from "@/components/action-button";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import type { Allowance } from "../rationing";
import type { ListQuery, SortKey } from "../schemas";
import type { RequestRow } from "../service";
import { requestStatuses, type RequestStatus } from "../state-machine";
import type { DialogActions, Preselect } from "./request-dialog";

// Loaded when the dialog first opens: the search box (downshift), the form
// rules and the CAPTCHA are not part of the page's first-load JS.
const RequestDialog = dynamic(() => import("./request-dialog").then((m) => m.RequestDialog), { ssr: false });

/** A table row as the browser gets it: the service's row with its date as text. */
export type RowView = Omit<RequestRow, "createdAt" | "decidedAt" | "requestedBy"> & { date: string };
export interface SuggestionView extends Preselect {
  reason: "INVITATION" | "DOMAIN";
}

const statusStyle: Record<RequestStatus, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  APPROVED: "bg-green-100 text-green-900",
  REJECTED: "bg-red-100 text-red-900",
  EXPIRED: "bg-gray-200 text-gray-800",
  CANCELLED: "bg-gray-100 text-gray-700",
};

/** Builds a link to the table with some of its state changed (the state lives in the URL). */
function href(lng: string, q: ListQuery, change: Partial<Record<keyof ListQuery, string | number | undefined>>) {
  const merged = { q: q.q, status: q.status, sort: q.sort, dir: q.dir, page: q.page, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "" || (k === "page" && Number(v) === 1)) continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return `/${lng}/setup/requests${s ? `?${s}` : ""}`;
}

/** "Request a Customer Connection": suggestions, the request table, and the dialog. */
export function RequestsView({
  lng,
  rows,
  suggestions,
  total,
  pages,
  query,
  allowance,
  actions,
  cancelAction,
}: {
  lng: string;
  rows: RowView[];
  suggestions: SuggestionView[];
  total: number;
  pages: number;
  query: ListQuery;
  allowance: Allowance;
  actions: DialogActions;
  cancelAction: FormAction;
}) {
  const { t } = useTranslation("requests");
  const { t: tc } = useTranslation();
  const router = useRouter();
  const [dialog, setDialog] = useState<{ n: number; preselect?: Preselect } | null>(null);
  const [notice, setNotice] = useState<{ key: string; n: number } | undefined>();
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // Bumped when a notice should take the focus (its trigger is gone: the dialog, a cancelled row's button).
  const [focusNotice, setFocusNotice] = useState(0);
  const show = useCallback((key?: string) => setNotice((prev) => (key ? { key, n: (prev?.n ?? 0) + 1 } : undefined)), []);
  const name = (r: RowView) => customerName({ name: r.customerName, nameZh: r.customerNameZh }, lng);

  const open = (preselect?: Preselect) => {
    show(undefined);
    setDialog((d) => ({ n: (d?.n ?? 0) + 1, preselect }));
  };
  const onClose = useCallback(() => setDialog(null), []);
  const onSent = useCallback(
    (message?: string) => {
      setDialog(null);
      show(message);
      setFocusNotice((n) => n + 1);
      router.refresh();
    },
    [router, show],
  );
  // A cancelled request loses its button: its confirmation replaces any earlier notice and takes the focus.
  const cancel: FormAction = useCallback(
    async (prev, form) => {
      const res = await cancelAction(prev, form);
      if (res.ok) {
        show(res.message);
        setFocusNotice((n) => n + 1);
      }
      return res;
    },
    [cancelAction, show],
  );
  useEffect(() => {
    if (focusNotice) noticeRef.current?.focus();
  }, [focusNotice]);

  const columns: { key: SortKey | "actions"; label: string }[] = [
    { key: "customer", label: t("columns.customer") },
    { key: "actions", label: t("columns.actions") },
    { key: "status", label: t("columns.status") },
    { key: "email", label: t("columns.email") },
    { key: "date", label: t("columns.date") },
    { key: "comment", label: t("columns.comment") },
  ];
  const filtered = !!query.q || !!query.status;
  const showSuggestions = !filtered && query.page === 1 && suggestions.length > 0;
  const exportParams = new URLSearchParams(
    Object.entries({ q: query.q, status: query.status ?? "", sort: query.sort, dir: query.dir }).filter(([, v]) => v),
  ).toString();

  return (
    <div className="space-y-4">
      <div role="status">
        {notice && (
          <p
            key={notice.n}
            ref={noticeRef}
            tabIndex={-1}
            className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800"
            data-testid="notice"
          >
            {tc(notice.key)}
          </p>
        )}
      </div>

      <form method="get" action={`/${lng}/setup/requests`} className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="req-q" className="block text-sm font-medium text-gray-800">
            {t("table.search")}
          </label>
          <input id="req-q" name="q" defaultValue={query.q} placeholder={t("table.searchPlaceholder")} className="rounded border border-gray-300 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="req-status" className="block text-sm font-medium text-gray-800">
            {t("table.filterStatus")}
          </label>
          <select id="req-status" name="status" defaultValue={query.status ?? ""} className="rounded border border-gray-300 bg-white px-3 py-2">
            <option value="">{t("table.allStatuses")}</option>
            {requestStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded border border-brand px-4 py-2 font-semibold text-brand">
          {t("table.apply")}
        </button>
        <a
          href={`/${lng}/setup/requests/export${exportParams ? `?${exportParams}` : ""}`}
          download
          className="ml-auto rounded border border-gray-300 px-4 py-2 text-sm font-semibold"
        >
          {t("table.export")}
        </a>
      </form>

      {/* On a phone the table keeps readable columns and scrolls sideways in its own box. */}
      <div className="relative overflow-x-auto rounded border">
        <table className="min-w-[46rem] w-full divide-y text-sm" data-testid="requests-table">
          <caption className="sr-only">{t("table.caption")}</caption>
          <thead className="bg-gray-100 text-left">
            <tr>
              {columns.map((c) => {
                if (c.key === "actions") {
                  return (
                    <th key={c.key} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                      {c.label}
                    </th>
                  );
                }
                const sorted = query.sort === c.key;
                const nextDir = sorted && query.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                    className="whitespace-nowrap px-3 py-2 font-semibold"
                  >
                    <Link href={href(lng, query, { sort: c.key, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
                      {c.label}
                      <span aria-hidden="true">{sorted ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                      <span className="sr-only">
                        {sorted ? t(query.dir === "asc" ? "table.sortedAsc" : "table.sortedDesc") : t("table.sortBy", { column: c.label })}
                      </span>
                    </Link>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y bg-white">
            {showSuggestions &&
              suggestions.map((s) => (
                <tr key={`s-${s.id}`} data-testid="suggestion-row" className="bg-brand-light/40">
                  <th scope="row" className="min-w-[11rem] px-3 py-2 text-left font-medium">
                    {customerName(s, lng)}
                    <span className="block text-xs font-normal text-gray-600">{t(`suggestion.${s.reason}`)}</span>
                  </th>
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      onClick={() => open(s)}
                      className="whitespace-nowrap rounded bg-brand px-3 py-1 text-sm font-semibold text-white"
                      aria-label={t("table.connectTo", { customer: customerName(s, lng) })}
                    >
                      {t("table.connect")}
                    </button>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-gray-600">{t("status.SUGGESTED")}</td>
                  <td className="px-3 py-2" />
                  <td className="px-3 py-2" />
                  <td className="px-3 py-2" />
                </tr>
              ))}
            {rows.map((r) => (
              <tr key={r.id} data-testid="request-row">
                <th scope="row" className="min-w-[11rem] px-3 py-2 text-left font-medium">
                  {r.status === "APPROVED" ? (
                    <Link
                      href={`/${lng}/setup/customers?c=${r.customerId}`}
                      className="text-brand underline"
                      aria-label={t("table.openCustomer", { customer: name(r) })}
                    >
                      {name(r)}
                    </Link>
                  ) : (
                    name(r)
                  )}
                </th>
                <td className="px-3 py-2">
                  {r.status === "PENDING" && (
                    <ActionButton
                      action={cancel}
                      lng={lng}
                      fields={{ requestId: r.id }}
                      className="whitespace-nowrap rounded border border-gray-300 px-2 py-1 text-xs font-semibold"
                    >
                      <span aria-hidden="true">{t("table.cancelRequest")}</span>
                      <span className="sr-only">{t("table.cancelRequestFor", { customer: name(r) })}</span>
                    </ActionButton>
                  )}
                </td>
                <td className="px-3 py-2">
                  <span
                    className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${statusStyle[r.status]}`}
                    data-testid="row-status"
                  >
                    {t(`status.${r.status}`)}
                  </span>
                </td>
                <td className="min-w-[12rem] px-3 py-2">
                  <span className="break-all">{r.contactEmail}</span>
                  {r.contactFlags.length > 0 && (
                    <span className="mt-0.5 block text-xs text-amber-800" title={r.contactFlags.map((f) => t(`flags.${f}`)).join(" ")}>
                      ⚠ {r.contactFlags.map((f) => t(`flagShort.${f}`)).join(", ")}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{r.date}</td>
                <td className="min-w-[10rem] px-3 py-2" data-testid="row-comment">
                  {r.comment}
                </td>
              </tr>
            ))}
            {rows.length === 0 && !showSuggestions && (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-gray-600">
                  {filtered ? t("table.empty") : t("table.none")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <nav aria-label={t("table.pagination")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span>
          {t("table.total", { count: total })} · {t("table.page", { page: query.page, pages })}
        </span>
        <span className="flex gap-2">
          {query.page > 1 && (
            <Link href={href(lng, query, { page: query.page - 1 })} className="rounded border px-3 py-1">
              {t("table.previous")}
            </Link>
          )}
          {query.page < pages && (
            <Link href={href(lng, query, { page: query.page + 1 })} className="rounded border px-3 py-1">
              {t("table.next")}
            </Link>
          )}
        </span>
      </nav>

      <p>
        <button type="button" onClick={() => open()} className="text-brand underline" data-testid="open-request-dialog">
          {t("table.dontSee")}
        </button>
      </p>

      {dialog && (
        <RequestDialog key={dialog.n} lng={lng} preselect={dialog.preselect} initialAllowance={allowance} actions={actions} onClose={onClose} onSent={onSent} />
      )}
    </div>
  );
}
