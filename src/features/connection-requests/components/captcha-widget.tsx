"use client";
import "altcha/types/react";
import { useEffect, useRef, useState } from "react";

/**
 * The self-hosted ALTCHA widget (proof of work in the browser, no third
 * party). It adds a hidden input `name` to the surrounding form.
 */
export function CaptchaWidget({
  lng,
  challengeUrl,
  name,
  resetKey,
  describedBy,
}: {
  lng: string;
  challengeUrl: string;
  name: string;
  /** Each new value fetches a fresh challenge (pass the result that refused the last one) */
  resetKey?: unknown;
  describedBy?: string;
}) {
  const ref = useRef<HTMLElement & { reset?: () => void }>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    (async () => {
      await import("altcha");
      if (lng === "zh") await import("altcha/i18n/zh-cn");
      if (alive) setReady(true);
    })();
    return () => {
      alive = false;
    };
  }, [lng]);
  useEffect(() => {
    if (resetKey) ref.current?.reset?.();
  }, [resetKey]);
  if (!ready) return <div className="h-16 rounded border border-gray-200 bg-gray-50" aria-hidden="true" />;
  return (
    <altcha-widget
      ref={ref}
      challenge={challengeUrl}
      name={name}
      language={lng === "zh" ? "zh-cn" : "en"}
      aria-describedby={describedBy}
      data-testid="captcha"
    />
  );
}
