import type { Metadata } from "next";
import Link from "next/link";
import { submittedOnboardings } from "@/features/onboarding/review";
import { formatDate, ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("onboarding.title") };
}

/** Submitted onboarding waiting for review, the longest-waiting first. */
export default async function OnboardingReviewsPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("onboarding"));
  const t = getT(lng, "staff");
  const rows = await submittedOnboardings();
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
                <th scope="col" className={ui.th}>{t("onboarding.columns.supplier")}</th>
                <th scope="col" className={ui.th}>{t("onboarding.columns.customer")}</th>
                <th scope="col" className={ui.th}>{t("onboarding.columns.steps")}</th>
                <th scope="col" className={ui.th}>{t("onboarding.columns.submitted")}</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {rows.map((r) => (
                <tr key={r.id} data-testid="onboarding-row">
                  <td className={ui.td}>
                    <Link href={`/${lng}/admin/onboarding/${r.id}`} className="text-brand underline">{r.supplier.name}</Link>
                  </td>
                  <td className={ui.td}>{lng === "zh" && r.customer.nameZh ? r.customer.nameZh : r.customer.name}</td>
                  <td className={ui.td}>{r.submissions.filter((s) => s.status === "SUBMITTED").length}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
