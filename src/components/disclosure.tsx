"use client";
import { useState, type ReactNode } from "react";

/**
 * A <details> section whose open state belongs to the reader: `defaultOpen` sets it once, and a
 * re-render from the server (after a save) does not fold it shut, so its confirmation stays in view.
 */
export function Disclosure({
  summary,
  defaultOpen,
  className,
  summaryClassName,
  children,
  ...rest
}: {
  summary: ReactNode;
  defaultOpen: boolean;
  className?: string;
  summaryClassName?: string;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)} {...rest}>
      <summary className={summaryClassName}>{summary}</summary>
      {children}
    </details>
  );
}
