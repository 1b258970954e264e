"use client";
import { useActionState, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ui } from "@/components/ui";
import { Outcome } from "@/components/action-button";
import type { FormAction } from "@/lib/action-result";

/** The reply box: kept on the ticket and emailed to the author. */
export function ReplyForm({ action, lng, id }: { action: FormAction; lng: string; id: string }) {
  const { t } = useTranslation("staff");
  const { t: tm } = useTranslation();
  const [state, formAction, pending] = useActionState(action, undefined);
  const box = useRef<HTMLTextAreaElement>(null);
  const error = state && !state.ok ? state.fieldErrors?.body?.[0] : undefined;
  useEffect(() => {
    if (state?.ok && box.current) box.current.value = "";
  }, [state]);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <label htmlFor="reply-body" className={ui.label}>
        {t("tickets.reply")}
      </label>
      <textarea
        ref={box}
        id="reply-body"
        name="body"
        rows={5}
        maxLength={4000}
        defaultValue={state && !state.ok ? state.values?.body : undefined}
        className={ui.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={`reply-hint${error ? " error-body" : ""}`}
      />
      <p id="reply-hint" className="text-sm text-gray-600">
        {t("tickets.replyHint")}
      </p>
      {error && (
        <p id="error-body" data-testid="error-body" className="text-sm text-red-700">
          {tm(error)}
        </p>
      )}
      <button type="submit" className={ui.primary} disabled={pending}>
        {t("tickets.sendReply")}
      </button>
      {/* The body's field error is shown under the box. */}
      <Outcome state={state && !state.ok ? { ...state, fieldErrors: undefined } : state} />
    </form>
  );
}
