/** Shared class names of the admin screens. */
export const ui = {
  h1: "text-2xl font-semibold",
  input: "block w-full rounded border border-gray-300 bg-white px-3 py-2 text-base shadow-sm",
  label: "block text-sm font-medium text-gray-800",
  button: "rounded border border-gray-300 bg-white px-3 py-1.5 text-sm hover:bg-gray-50",
  primary: "rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70",
  table: "min-w-full divide-y divide-gray-200 text-sm",
  th: "px-3 py-2 text-left font-semibold text-gray-700",
  td: "px-3 py-2 align-top",
  card: "rounded border bg-white p-4",
};
