"use client";
import "altcha/types/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type CaptchaState = "verifying" | "verified" | "error" | "expired";
const announced = new Set<string>(["verifying", "verified", "error", "expired"]);

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
  const { t } = useTranslation("requests");
  const ref = useRef<HTMLElement & { reset?: () => void }>(null);
  const [ready, setReady] = useState(false);
  // The widget's state, announced to screen readers (the widget itself says it only visually).
  const [state, setState] = useState<CaptchaState | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = (e: Event) => {
      const next = (e as CustomEvent<{ state?: string }>).detail?.state ?? "";
      setState(announced.has(next) ? (next as CaptchaState) : null);
    };
    el.addEventListener("statechange", onChange);
    return () => el.removeEventListener("statechange", onChange);
  }, [ready]);
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
    <>
      <altcha-widget
        ref={ref}
        challenge={challengeUrl}
        name={name}
        language={lng === "zh" ? "zh-cn" : "en"}
        aria-describedby={describedBy}
        data-testid="captcha"
      />
      <p role="status" className="sr-only" data-testid="captcha-state">
        {state ? t(`dialog.captchaState.${state}`) : ""}
      </p>
    </>
  );
}
