import { AskAdminRightsForm } from "@/features/supplier-users/components/admin-recovery-forms";
import { recoveryState } from "@/features/supplier-users/admin-recovery";
import { formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { requestAdminRightsAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "settings")("recovery.title") };
}

/** When the company has no active admin, its users can ask support for admin rights here. */
export default async function AdminRecoveryPage({ params }: { params: Promise<{ lng: string }> }) {
  const tz = await readerTimeZone();
  const { lng } = await params;
  const me = await requireUser(lng, `/${lng}/profile/admin-recovery`);
  const t = getT(lng, "settings");
  const state = await recoveryState(me.id);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("recovery.title")}</h1>
      <p className="text-sm text-gray-700">{t("recovery.intro")}</p>
      <div className="rounded-lg border bg-white p-4 sm:p-6" data-testid={`recovery-${state.state}`}>
        {state.state === "eligible" ? (
          <>
            {state.lastDecision?.status === "REFUSED" && (
              <p className="mb-3 text-sm text-gray-700">{t("recovery.lastRefused", { comment: state.lastDecision.comment })}</p>
            )}
            <AskAdminRightsForm action={requestAdminRightsAction} lng={lng} />
          </>
        ) : state.state === "pending" ? (
          <p>{t("recovery.pending", { when: formatDateTime(state.since, lng, tz) })}</p>
        ) : (
          <p>{t(`recovery.${state.state}`)}</p>
        )}
      </div>
    </div>
  );
}
