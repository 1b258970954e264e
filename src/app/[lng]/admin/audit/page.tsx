import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { sectionRole } from "@/features/admin/sections";
import { AuditLog } from "@/features/audit-log/components/audit-log";
import { auditFilterSchema } from "@/features/audit-log/schemas";
import { auditVocabulary, listAuditEvents } from "@/features/audit-log/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("audit.title") };
}

/** Every state change in the product: who, what, when, before and after. */
export default async function AuditLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("audit"));
  const filter = auditFilterSchema.parse(firstValues(await searchParams));
  const [events, vocabulary] = await Promise.all([listAuditEvents(filter), auditVocabulary()]);
  return <AuditLog lng={lng} filter={filter} events={events} vocabulary={vocabulary} />;
}
