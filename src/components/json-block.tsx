/** A labelled, collapsible JSON value (audit before/after). */
export function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <details className="mb-1">
      <summary className="cursor-pointer text-sm">{label}</summary>
      <pre className="mt-1 max-h-64 max-w-md overflow-auto whitespace-pre-wrap break-words rounded bg-gray-50 p-2 text-xs">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}
