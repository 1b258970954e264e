"use client";
import { ErrorView } from "@/components/error-pages";

/** A failure in an area's layout (the areas' own error pages sit below their layouts). */
export default function LanguageError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="px-4 py-10">
      <ErrorView area="portal" error={error} retry={retry} />
    </main>
  );
}
