import type { ActiveSession } from "@/features/sessions/service";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import { approximatePlace } from "@/lib/place";
import { describeUserAgent } from "@/lib/user-agent";

/** A plain form post (no answer shown): sign out, end one session. */
type FormPost = (form: FormData) => Promise<void>;

/**
 * The security page's body, for supplier users (portal) and staff (admin):
 * the signed-in devices with a sign-out for each, and "sign out everywhere".
 */
export async function SecurityPanel({ lng, sessions, signOut, revoke }: { lng: string; sessions: ActiveSession[]; signOut: FormPost; revoke: FormPost }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "accounts");
  const ta = getT(lng, "settings");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("security.title")}</h1>
      <p>
        <a href={`/${lng}/two-factor`} className="text-brand underline" data-testid="two-factor-link">
          {getT(lng, "mfa")("title")}
        </a>
      </p>
      <section aria-labelledby="sessions-title" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="sessions-title" className="text-lg font-semibold">
          {t("security.sessionsTitle")}
        </h2>
        <p className="mb-4 text-sm text-gray-700">{t("security.sessionsIntro")}</p>
        <ul className="divide-y" data-testid="sessions">
          {sessions.map((s) => {
            const d = describeUserAgent(s.userAgent);
            const device = d.browser && d.os ? t("security.deviceOn", { browser: d.browser, os: d.os }) : (d.browser ?? d.os ?? t("security.unknownDevice"));
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session">
                <div className="text-sm">
                  <p className="font-semibold">
                    {device}{" "}
                    {s.current && (
                      <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800" data-testid="this-device">
                        {t("security.thisDevice")}
                      </span>
                    )}
                  </p>
                  <p className="text-gray-600">
                    {t("security.lastSeen", { when: formatDateTime(s.lastSeenAt, lng, tz) })} ·{" "}
                    {t("security.signedIn", { when: formatDateTime(s.createdAt, lng, tz) })}
                    {s.ip ? ` · ${t("security.address", { ip: s.ip })}` : ""}
                  </p>
                  <p className="text-gray-600" data-testid="session-place">
                    {ta(`place.${approximatePlace(s.ip) ?? "none"}`)}
                  </p>
                </div>
                <form action={revoke}>
                  <input type="hidden" name="lng" value={lng} />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="rounded border px-3 py-1.5 text-sm hover:bg-gray-50" aria-label={t("security.signOutDevice", { device })}>
                    {t("signOut")}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="everywhere-title" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="everywhere-title" className="text-lg font-semibold">
          {t("security.everywhereTitle")}
        </h2>
        <p className="mb-4 text-sm text-gray-700">{t("security.everywhereIntro")}</p>
        <form action={signOut}>
          <input type="hidden" name="lng" value={lng} />
          <input type="hidden" name="everywhere" value="1" />
          <button type="submit" className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">
            {t("security.everywhere")}
          </button>
        </form>
      </section>
    </div>
  );
}
