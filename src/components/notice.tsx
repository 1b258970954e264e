import type { ReactNode } from "react";

/** The green confirmation after something worked, read out by screen readers (role="status"). */
export function SuccessNotice({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p role="status" data-testid={testId} className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-800">
      {children}
    </p>
  );
}
