/** CSV (RFC 4180) with a BOM for spreadsheet apps; cells that start like a formula are neutralised. */
export function toCsv(header: string[], rows: (string | null | undefined)[][]): string {
  const cell = (value: string | null | undefined) => {
    let v = value ?? "";
    if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
