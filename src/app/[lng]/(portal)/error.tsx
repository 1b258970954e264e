"use client";
import { ErrorView } from "@/components/error-pages";

/** An unexpected failure in the portal area: localised, with the reference id of the server log. */
export default function PortalError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView area="portal" error={error} retry={retry} />;
}
