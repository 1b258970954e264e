import type { Metadata } from "next";
import { sectionRole } from "@/features/admin/sections";
import { NewStaffScreen } from "@/features/staff-accounts/components/staff-list";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { createStaffAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("staff.new") };
}

export default async function NewStaffPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("staff"));
  return <NewStaffScreen lng={lng} action={createStaffAction} />;
}
