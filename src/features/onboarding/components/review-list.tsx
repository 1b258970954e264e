import Link from "next/link";
import { ui } from "@/components/ui";
import { customerName } from "@/lib/customer-name";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";

export interface SubmittedOnboarding {
  id: string;
  updatedAt: Date;
  supplier: { name: string };
  customer: { name: string; nameZh: string };
  submissions: { status: string }[];
}

/** Staff: the submitted onboardings waiting for review, each opening its review. */
export async function ReviewList({ lng, rows }: { lng: string; rows: SubmittedOnboarding[] }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  return (
    <section>
      <h1 className={ui.h1}>{t("onboarding.title")}</h1>
      <p className="mt-2 text-gray-700">{t("onboarding.intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-4">{t("onboarding.empty")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded border bg-white">
          <table className={ui.table}>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={ui.th}>
                  {t("onboarding.columns.supplier")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("onboarding.columns.customer")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("onboarding.columns.steps")}
                </th>
                <th scope="col" className={ui.th}>
                  {t("onboarding.columns.submitted")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {rows.map((r) => (
                <tr key={r.id} data-testid="onboarding-row">
                  <td className={ui.td}>
                    <Link href={`/${lng}/admin/onboarding/${r.id}`} className="text-brand underline">
                      {r.supplier.name}
                    </Link>
                  </td>
                  <td className={ui.td}>{customerName(r.customer, lng)}</td>
                  <td className={ui.td}>{r.submissions.filter((s) => s.status === "SUBMITTED").length}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{formatDateTime(r.updatedAt, lng, tz)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
