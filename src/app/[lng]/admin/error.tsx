"use client";
import { ErrorView } from "@/components/error-pages";

/** An unexpected failure in the admin area: localised, with the reference id of the server log. */
export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView area="admin" error={error} retry={retry} />;
}
