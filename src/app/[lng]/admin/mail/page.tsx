import { getT } from "@/lib/i18n/instance";
import { db } from "@/server/db";
import { requireStaff } from "@/server/session";
import { resendMailAction } from "../actions";

/** The mail log: every message kept or sent, newest first. */
export default async function MailLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ to?: string }>;
}) {
  const { lng } = await params;
  await requireStaff(lng);
  const { to } = await searchParams;
  const t = getT(lng, "shell");
  const mails = await db.outgoingMail.findMany({
    where: to ? { to: { contains: to.toLowerCase() } } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("staff.mailLog")}</h1>
      <p className="mt-2 text-gray-700">{t("staff.mailIntro")}</p>
      <form className="mt-4 flex gap-2" role="search">
        <label className="sr-only" htmlFor="mail-to">{t("staff.to")}</label>
        <input id="mail-to" name="to" defaultValue={to} placeholder={t("staff.to")} className="rounded border px-3 py-1.5" />
        <button className="rounded border px-3 py-1.5">{getT(lng)("submit")}</button>
      </form>
      {mails.length === 0 ? (
        <p className="mt-4">{t("staff.noMail")}</p>
      ) : (
        <ul className="mt-4 space-y-2">
          {mails.map((m) => (
            <li key={m.id} className="rounded border bg-white p-3" data-testid="mail-row">
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{m.subject}</span> — {m.to} · {t(`staff.statuses.${m.status}`)} ·{" "}
                  {t("staff.attempts")}: {m.attempts} · {m.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </summary>
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm text-gray-800">{m.text}</pre>
                {m.lastError && <p className="text-sm text-red-700">{m.lastError}</p>}
              </details>
              {m.status === "FAILED" && (
                <form action={async (fd) => { "use server"; await resendMailAction(undefined, fd); }}>
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="lng" value={lng} />
                  <button className="mt-2 rounded border px-3 py-1 text-sm">{t("staff.resend")}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
