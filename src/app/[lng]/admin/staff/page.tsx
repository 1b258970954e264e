import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { staffFilterSchema } from "@/features/staff-accounts/schemas";
import { sectionRole } from "@/features/admin/sections";
import { StaffList } from "@/features/staff-accounts/components/staff-list";
import { listStaff } from "@/features/staff-accounts/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { ResetFactorForm } from "@/features/second-factor/components/forms";
import { changeStaffRoleAction, deactivateStaffAction, reactivateStaffAction, resetSecondFactorAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("staff.title") };
}

/** Staff accounts (administrators only). */
export default async function StaffPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  const me = await requireStaff(lng, sectionRole("staff"));
  const { page } = staffFilterSchema.parse(firstValues(await searchParams));
  return (
    <div className="space-y-8">
      <StaffList
        lng={lng}
        meId={me.id}
        staff={await listStaff(page)}
        actions={{ changeRole: changeStaffRoleAction, deactivate: deactivateStaffAction, reactivate: reactivateStaffAction }}
      />
      <ResetFactorForm action={resetSecondFactorAction} lng={lng} />
    </div>
  );
}
