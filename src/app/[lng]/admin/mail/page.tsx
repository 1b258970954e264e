import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { sectionRole } from "@/features/admin/sections";
import { MailLog } from "@/features/mail-log/components/mail-log";
import { mailFilterSchema } from "@/features/mail-log/schemas";
import { listMail, mailTemplates } from "@/features/mail-log/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { resendMailAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("mail.title") };
}

/** The mail log: every message kept or sent, newest first, filterable, failed ones resendable. */
export default async function MailLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  const user = await requireStaff(lng, sectionRole("mail"));
  const filter = mailFilterSchema.parse(firstValues(await searchParams));
  const [mails, templates] = await Promise.all([listMail(filter, user.staffRole ?? "SUPPORT"), mailTemplates()]);
  return <MailLog lng={lng} filter={filter} mails={mails} templates={templates} resend={resendMailAction} />;
}
