import Link from "next/link";
import { AdminTable } from "@/components/admin-list";
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
      <AdminTable
        caption={t("onboarding.title")}
        rows={rows}
        rowTestId="onboarding-row"
        empty={t("onboarding.empty")}
        columns={[
          {
            header: t("onboarding.columns.supplier"),
            cell: (r) => (
              <Link href={`/${lng}/admin/onboarding/${r.id}`} className="text-brand underline">
                {r.supplier.name}
              </Link>
            ),
          },
          { header: t("onboarding.columns.customer"), cell: (r) => customerName(r.customer, lng) },
          { header: t("onboarding.columns.steps"), cell: (r) => r.submissions.filter((s) => s.status === "SUBMITTED").length },
          { header: t("onboarding.columns.submitted"), className: "whitespace-nowrap", cell: (r) => formatDateTime(r.updatedAt, lng, tz) },
        ]}
      />
    </section>
  );
}
