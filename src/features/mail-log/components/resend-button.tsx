"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ status: string }>>;

/** Resends one failed message and says how it went. */
export function ResendButton({ action, lng, id }: { action: Action; lng: string; id: string }) {
  const { t } = useTranslation("staff");
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="lng" value={lng} />
      <input type="hidden" name="id" value={id} />
      <button className="rounded border px-3 py-1 text-sm" disabled={pending}>
        {t("mail.resend")}
      </button>
      {state && (
        <span role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.ok ? t(state.message ?? "mail.resent.SENT") : t(state.formError ?? "common:errors.unexpected")}
        </span>
      )}
    </form>
  );
}
