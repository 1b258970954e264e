import type { Metadata } from "next";
import { sectionRole } from "@/features/admin/sections";
import { recoveryRequestsForStaff } from "@/features/supplier-users/admin-recovery";
import { RecoveryReview } from "@/features/supplier-users/components/admin-recovery-review";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { decideAdminRightsAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "settings")("recoveryAdmin.title") };
}

/** Requests for company admin rights from companies left without an active admin. */
export default async function AdminRecoveryReviewPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("adminRecovery"));
  return <RecoveryReview lng={lng} rows={await recoveryRequestsForStaff()} decide={decideAdminRightsAction} />;
}
