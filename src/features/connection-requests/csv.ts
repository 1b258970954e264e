import { getT } from "@/lib/i18n/instance";
import type { RequestRow } from "./list";

/** CSV (RFC 4180) with a BOM for spreadsheet apps; cells that start like a formula are neutralised. */
export function toCsv(header: string[], rows: (string | null | undefined)[][]): string {
  const cell = (value: string | null | undefined) => {
    let v = value ?? "";
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** The export of the request table: headings and statuses in the reader's language, machine dates. */
export function requestsCsv(rows: RequestRow[], lng: string): string {
  const t = getT(lng, "requests");
  return toCsv(
    ["customer", "customerZh", "status", "email", "flags", "date", "decidedAt", "comment", "requestedBy"].map((k) => t(`csv.${k}`)),
    rows.map((r) => [
      r.customerName,
      r.customerNameZh,
      t(`status.${r.status}`),
      r.contactEmail,
      r.contactFlags.map((f) => t(`flagShort.${f}`)).join("; "),
      // Machine timestamps (ISO 8601, UTC): spreadsheets sort them and nothing is lost.
      r.createdAt.toISOString(),
      r.decidedAt?.toISOString() ?? "",
      r.comment,
      r.requestedBy,
    ]),
  );
}
