import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/pager";
import { RoleForm, StaffButton } from "@/features/staff-accounts/components/forms";
import { ui } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { firstValues } from "@/features/admin/filters";
import { staffFilterSchema } from "@/features/staff-accounts/schemas";
import { sectionRole } from "@/features/admin/sections";
import { listStaff } from "@/features/staff-accounts/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { changeStaffRoleAction, deactivateStaffAction, reactivateStaffAction } from "./actions";

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
  const t = getT(lng, "staff");
  const staff = await listStaff(page);
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className={ui.h1}>{t("staff.title")}</h1>
        <Link href={`/${lng}/admin/staff/new`} className={ui.primary}>{t("staff.new")}</Link>
      </div>
      <p className="mt-2 text-gray-700">{t("staff.intro")}</p>
      <ul className="mt-4 space-y-2">
        {staff.items.map((s) => (
          <li key={s.id} className={ui.card} data-testid="staff-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p>
                <span className="font-semibold">{s.name}</span> · {s.email}
              </p>
              <p className="text-sm">
                <span data-testid="staff-role">{t(`roles.${s.staffRole}`)}</span> ·{" "}
                <span data-testid="staff-status" className={s.status === "ACTIVE" ? "text-green-800" : "text-red-700"}>{t(`staff.statuses.${s.status}`)}</span>
              </p>
            </div>
            <p className="text-xs text-gray-600">{t("staff.lastSignIn")}: {formatDateTime(s.lastSignInAt, lng)}</p>
            {s.id === me.id ? (
              <p className="mt-2 text-sm text-gray-600">{t("staff.thisIsYou")}</p>
            ) : (
              <div className="mt-2 flex flex-wrap gap-3">
                <RoleForm action={changeStaffRoleAction} lng={lng} id={s.id} role={s.staffRole} label={t("staff.roleOf", { name: s.name })} />
                {s.status === "ACTIVE" ? (
                  <StaffButton action={deactivateStaffAction} lng={lng} id={s.id} label={t("staff.deactivate")} />
                ) : (
                  <StaffButton action={reactivateStaffAction} lng={lng} id={s.id} label={t("staff.reactivate")} />
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <Pager lng={lng} page={staff} path={`/${lng}/admin/staff`} query={{}} />
    </section>
  );
}
