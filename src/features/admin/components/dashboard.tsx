import Link from "next/link";
import { ui } from "@/components/ui";
import { getT } from "@/lib/i18n/instance";
import type { StaffRole } from "@/lib/permissions";
import type { DashboardCounts } from "../dashboard";
import { sectionsFor } from "../sections";

/** What waits for staff (counts linking to the filtered lists), and the sections this staff member may open. */
export function Dashboard({ lng, name, role, counts }: { lng: string; name: string; role: StaffRole | null; counts: DashboardCounts }) {
  const t = getT(lng, "staff");
  const tiles = [
    { key: "pendingRequests", value: counts.pendingRequests, href: `/${lng}/admin/requests?status=PENDING` },
    { key: "openTickets", value: counts.openTickets, href: `/${lng}/admin/tickets?status=OPEN` },
    { key: "submittedOnboarding", value: counts.submittedOnboarding, href: `/${lng}/admin/onboarding` },
    { key: "failedMails", value: counts.failedMails, href: `/${lng}/admin/mail?status=FAILED` },
  ];
  return (
    <section>
      <h1 className={ui.h1}>{t("dashboard.title")}</h1>
      <p className="mt-1 text-gray-700">{t("dashboard.intro", { name })}</p>
      <ul className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4" aria-label={t("dashboard.countsLabel")}>
        {tiles.map((tile) => (
          <li key={tile.key} className={ui.card} data-testid={`count-${tile.key}`}>
            <p className="text-3xl font-semibold" data-testid="count-value">
              {tile.value}
            </p>
            {tile.href ? (
              <Link href={tile.href} className="text-sm text-brand underline">
                {t(`dashboard.${tile.key}`)}
              </Link>
            ) : (
              <p className="text-sm text-gray-700">{t(`dashboard.${tile.key}`)}</p>
            )}
          </li>
        ))}
      </ul>
      <h2 className="mt-6 text-lg font-semibold">{t("dashboard.sections")}</h2>
      <ul className="mt-2 grid gap-3 md:grid-cols-2">
        {sectionsFor(role)
          .filter((s) => s.key !== "dashboard")
          .map((s) => (
            <li key={s.key} className={ui.card}>
              <Link href={`/${lng}/${s.href}`} className="font-semibold text-brand underline">
                {t(`nav.${s.key}`)}
              </Link>
              <p className="mt-1 text-sm text-gray-700">{t(`dashboard.about.${s.key}`)}</p>
            </li>
          ))}
      </ul>
    </section>
  );
}
