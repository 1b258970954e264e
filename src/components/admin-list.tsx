import type { ReactNode } from "react";
import { ui } from "@/components/ui";
import { getT } from "@/lib/i18n/instance";

/**
 * The pieces every staff list screen is made of (audit log, mail log, tickets,
 * onboarding reviews, customers): a filter form that posts to the URL (GET, so
 * a filtered list can be bookmarked and paged with `Pager`), and a table of
 * rows or the list's "nothing here" line.
 */

/** One column of an AdminTable: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Added to the cell's classes (e.g. "whitespace-nowrap") */
  className?: string;
  /** data-testid of the cell */
  testId?: string;
}

/** A list's table (with a caption for screen readers), or `empty` when there are no rows. */
export function AdminTable<T extends { id: string }>({
  caption,
  columns,
  rows,
  rowTestId,
  empty,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowTestId: string;
  empty: ReactNode;
}) {
  if (rows.length === 0) return <p className="mt-4">{empty}</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded border bg-white">
      <table className={ui.table}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={ui.th}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {rows.map((row) => (
            <tr key={row.id} data-testid={rowTestId}>
              {columns.map((column, i) => (
                <td key={i} className={column.className ? `${ui.td} ${column.className}` : ui.td} data-testid={column.testId}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list's filters: a search landmark named `label`, its fields, and the "Apply" button. */
export function FilterForm({ lng, label, children }: { lng: string; label: string; children: ReactNode }) {
  const t = getT(lng, "staff");
  return (
    <form role="search" aria-label={label} className="mt-4 grid gap-3 sm:grid-cols-3 sm:items-end lg:grid-cols-4">
      {children}
      <button type="submit" className={ui.button}>
        {t("filters.apply")}
      </button>
    </form>
  );
}

/** A labelled text filter (with an optional hint tied to it). */
export function FilterText({
  id,
  name,
  label,
  defaultValue,
  hint,
  type = "text",
  list,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  type?: "text" | "search" | "date";
  /** id of a datalist of suggestions */
  list?: string;
}) {
  return (
    <div>
      <label className={ui.label} htmlFor={id}>
        {label}
      </label>
      <input id={id} name={name} type={type} list={list} defaultValue={defaultValue} className={ui.input} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled choice filter whose first option is "Any" (no filter). */
export function FilterSelect({
  lng,
  id,
  name,
  label,
  defaultValue,
  options,
}: {
  lng: string;
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  const t = getT(lng, "staff");
  return (
    <div>
      <label className={ui.label} htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={ui.input}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A yes/no filter (present in the URL only when ticked). */
export function FilterCheckbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 py-2">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="h-5 w-5" /> {label}
    </label>
  );
}
