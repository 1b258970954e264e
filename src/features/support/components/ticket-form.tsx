"use client";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, echoed, fieldError } from "@/components/form";
import type { FormAction } from "@/lib/action-result";
import { ticketTopics, type TicketTopic } from "../schemas";
import { SuccessNotice } from "@/components/notice";

/** The "Contact Support" action (connection requests pass it into their dialog). */
export type TicketAction = FormAction;

/** "Contact Support": topic and message; staff see it in the admin area. */
export function TicketForm({
  lng,
  action,
  defaultTopic = "FIND_CUSTOMER",
  defaultMessage = "",
  onCancel,
}: {
  lng: string;
  action: TicketAction;
  defaultTopic?: TicketTopic;
  defaultMessage?: string;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("support");
  const { t: tc } = useTranslation();
  const id = useId();
  return (
    <ActionForm action={action} lng={lng} success={() => <SuccessNotice testId="ticket-sent">{t("sent")}</SuccessNotice>}>
      {(state) => {
        const topicErr = fieldError(state, "topic");
        const messageErr = fieldError(state, "message");
        return (
          <>
            <p className="text-sm text-gray-700">{t("intro")}</p>
            <div className="space-y-1">
              <label htmlFor={`${id}-topic`} className="block text-sm font-medium text-gray-800">
                <span className="mr-0.5 text-red-700" aria-hidden="true">
                  *
                </span>
                {t("topic")}
              </label>
              <select
                id={`${id}-topic`}
                name="topic"
                defaultValue={echoed(state, "topic") ?? defaultTopic}
                aria-invalid={topicErr ? true : undefined}
                className="block w-full rounded border border-gray-300 bg-white px-3 py-2"
              >
                {ticketTopics.map((k) => (
                  <option key={k} value={k}>
                    {t(`topics.${k}`)}
                  </option>
                ))}
              </select>
              {topicErr && <p className="text-sm text-red-700">{topicErr.map((e) => tc(e)).join(" ")}</p>}
            </div>
            <div className="space-y-1">
              <label htmlFor={`${id}-message`} className="block text-sm font-medium text-gray-800">
                <span className="mr-0.5 text-red-700" aria-hidden="true">
                  *
                </span>
                {t("message")}
              </label>
              <textarea
                id={`${id}-message`}
                name="message"
                rows={5}
                maxLength={4000}
                defaultValue={echoed(state, "message") ?? defaultMessage}
                aria-required
                aria-invalid={messageErr ? true : undefined}
                aria-describedby={`${id}-hint${messageErr ? ` ${id}-err` : ""}`}
                className={`block w-full rounded border px-3 py-2 ${messageErr ? "border-red-600" : "border-gray-300"}`}
              />
              <p id={`${id}-hint`} className="text-xs text-gray-600">
                {t("messageHint")}
              </p>
              {messageErr && (
                <p id={`${id}-err`} className="text-sm text-red-700" data-testid="error-message">
                  {messageErr.map((e) => tc(e)).join(" ")}
                </p>
              )}
            </div>
            <div className="flex justify-end gap-3">
              {onCancel && (
                <button type="button" onClick={onCancel} className="rounded border border-gray-300 px-4 py-2 font-semibold">
                  {t("cancel")}
                </button>
              )}
              <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
                {t("submit")}
              </button>
            </div>
          </>
        );
      }}
    </ActionForm>
  );
}
