import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { Pager } from "@/components/pager";
import { ui } from "@/components/ui";
import type { FormAction } from "@/lib/action-result";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { Paged } from "@/lib/paging";
import type { StaffRow } from "../service";
import { CreateStaffForm, RoleForm } from "./forms";

type StaffAction = FormAction<{ userId: string }>;

/** Admin -> Staff (administrators): every staff account with its role and status; nobody changes their own. */
export async function StaffList({
  lng,
  meId,
  staff,
  actions,
}: {
  lng: string;
  /** The viewer's own account: shown, not changeable */
  meId: string;
  staff: Paged<StaffRow>;
  actions: { changeRole: StaffAction; deactivate: StaffAction; reactivate: StaffAction };
}) {
  const tz = await readerTimeZone();
  const t = getT(lng, "staff");
  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className={ui.h1}>{t("staff.title")}</h1>
        <Link href={`/${lng}/admin/staff/new`} className={ui.primary}>
          {t("staff.new")}
        </Link>
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
                <span data-testid="staff-status" className={s.status === "ACTIVE" ? "text-green-800" : "text-red-700"}>
                  {t(`staff.statuses.${s.status}`)}
                </span>
              </p>
            </div>
            <p className="text-xs text-gray-600">
              {t("staff.lastSignIn")}: {formatDateTime(s.lastSignInAt, lng, tz)}
            </p>
            {s.id === meId ? (
              <p className="mt-2 text-sm text-gray-600">{t("staff.thisIsYou")}</p>
            ) : (
              <div className="mt-2 flex flex-wrap gap-3">
                <RoleForm action={actions.changeRole} lng={lng} id={s.id} role={s.staffRole} label={t("staff.roleOf", { name: s.name })} />
                {s.status === "ACTIVE" ? (
                  <ActionButton key="deactivate" action={actions.deactivate} lng={lng} fields={{ id: s.id }} className={ui.button}>
                    {t("staff.deactivate")}
                  </ActionButton>
                ) : (
                  <ActionButton key="reactivate" action={actions.reactivate} lng={lng} fields={{ id: s.id }} className={ui.button}>
                    {t("staff.reactivate")}
                  </ActionButton>
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

/** Admin -> Staff -> New. */
export function NewStaffScreen({ lng, action }: { lng: string; action: StaffAction }) {
  const t = getT(lng, "staff");
  return (
    <section className="max-w-xl">
      <Link href={`/${lng}/admin/staff`} className="text-sm text-brand underline">
        ← {t("staff.title")}
      </Link>
      <h1 className={`${ui.h1} mt-2`}>{t("staff.new")}</h1>
      <div className="mt-4">
        <CreateStaffForm action={action} lng={lng} />
      </div>
    </section>
  );
}
