"use client";
import { ErrorView } from "@/components/error-pages";

/** An unexpected failure in the public area: localised, with the reference id of the server log. */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView area="public" error={error} retry={retry} />;
}
