import Link from "next/link";
import { SecurityPanel } from "@/features/sessions/components/security-panel";
import { listActiveSessions } from "@/features/sessions/service";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { revokeSessionAction, signOutAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "accounts")("security.title") };
}

/** Signed-in devices and "sign out everywhere" for supplier users (staff have the same page in the admin area). */
export default async function SecurityPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const me = await requireUser(lng, `/${lng}/profile/security`);
  const sessions = await listActiveSessions(me.id, me.sessionId);
  const ts = getT(lng, "settings");
  return (
    <div className="space-y-6">
      <SecurityPanel lng={lng} sessions={sessions} signOut={signOutAction} revoke={revokeSessionAction} />
      {/* Account settings beside the sessions: the sign-in email */}
      <nav aria-label={ts("accountLinks")} className="flex flex-wrap gap-4 text-sm">
        <Link href={`/${lng}/profile/email`} className="text-brand underline">
          {ts("emailChange.link")}
        </Link>
        <Link href={`/${lng}/profile/notifications`} className="text-brand underline">
          {ts("preferences.link")}
        </Link>
        {me.kind === "SUPPLIER" && !me.permissions.includes("admin") && (
          <Link href={`/${lng}/profile/admin-recovery`} className="text-brand underline">
            {ts("recovery.link")}
          </Link>
        )}
      </nav>
    </div>
  );
}
