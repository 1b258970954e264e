"use client";
import "altcha/types/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CAPTCHA_AUTO, CAPTCHA_TYPICAL_MS, CAPTCHA_WIDGET_CONFIGURATION } from "./captcha-config";

const CONFIGURATION = JSON.stringify(CAPTCHA_WIDGET_CONFIGURATION);

type CaptchaState = "verifying" | "verified" | "error" | "expired";
const announced = new Set<string>(["verifying", "verified", "error", "expired"]);

/**
 * The self-hosted ALTCHA widget (proof of work in the browser, no third
 * party). It adds a hidden input `name` to the surrounding form, starts its
 * work as soon as it is shown (docs/decisions/0016) and shows a progress bar
 * while it works. The bar is an estimate (the solver cannot know how far the
 * secret counter is): it approaches the end over a typical solving time and
 * fills when the work is done.
 */
export function CaptchaWidget({
  lng,
  challengeUrl,
  name,
  resetKey,
  describedBy,
  workingLabel,
  doneLabel,
}: {
  lng: string;
  challengeUrl: string;
  name: string;
  /** Each new value fetches a fresh challenge (pass the result that refused the last one) */
  resetKey?: unknown;
  describedBy?: string;
  /** Text of the progress bar while working, and once solved */
  workingLabel: string;
  doneLabel: string;
}) {
  const { t } = useTranslation("requests");
  const ref = useRef<HTMLElement & { reset?: () => void; verify?: () => unknown }>(null);
  const [ready, setReady] = useState(false);
  const [progress, setProgress] = useState<{ state: "working" | "done"; value: number } | null>(null);
  // The widget's state, announced to screen readers (the widget itself says it only visually).
  const [state, setState] = useState<CaptchaState | null>(null);
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
    const el = ref.current;
    if (!ready || !el) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const onState = (event: Event) => {
      const next = (event as CustomEvent<{ state?: string }>).detail?.state ?? "";
      setState(announced.has(next) ? (next as CaptchaState) : null);
      clearInterval(timer);
      if (next === "verifying") {
        const started = performance.now();
        setProgress({ state: "working", value: 0 });
        timer = setInterval(() => setProgress({ state: "working", value: 1 - Math.exp(-(performance.now() - started) / CAPTCHA_TYPICAL_MS) }), 100);
      } else if (next === "verified") {
        setProgress({ state: "done", value: 1 });
      } else {
        setProgress(null);
      }
    };
    el.addEventListener("statechange", onState);
    return () => {
      clearInterval(timer);
      el.removeEventListener("statechange", onState);
    };
  }, [ready]);
  useEffect(() => {
    if (!resetKey) return;
    // A refused answer: a fresh challenge, solved at once.
    ref.current?.reset?.();
    ref.current?.verify?.();
  }, [resetKey]);
  if (!ready) return <div className="h-16 rounded border border-gray-200 bg-gray-50" aria-hidden="true" />;
  return (
    <div className="space-y-1">
      <altcha-widget
        ref={ref}
        challenge={challengeUrl}
        name={name}
        auto={CAPTCHA_AUTO}
        configuration={CONFIGURATION}
        language={lng === "zh" ? "zh-cn" : "en"}
        aria-describedby={describedBy}
        data-testid="captcha"
      />
      {progress && (
        <div className="flex items-center gap-2 text-xs text-gray-600" data-testid="captcha-progress" data-state={progress.state}>
          <progress
            className="h-1.5 w-32"
            max={100}
            value={Math.round(progress.value * 100)}
            aria-label={progress.state === "done" ? doneLabel : workingLabel}
          />
          <span>{progress.state === "done" ? doneLabel : workingLabel}</span>
        </div>
      )}
      <p role="status" className="sr-only" data-testid="captcha-state">
        {state ? t(`dialog.captchaState.${state}`) : ""}
      </p>
    </div>
  );
}
