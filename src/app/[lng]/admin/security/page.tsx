import { SecurityPanel } from "@/features/sessions/components/security-panel";
import { listActiveSessions } from "@/features/sessions/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { revokeSessionAction, signOutAction } from "../../(portal)/actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "accounts")("security.title") };
}

/** The staff member's own signed-in devices and "sign out everywhere". */
export default async function StaffSecurityPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const me = await requireStaff(lng);
  const sessions = await listActiveSessions(me.id, me.sessionId);
  return <SecurityPanel lng={lng} sessions={sessions} signOut={signOutAction} revoke={revokeSessionAction} />;
}
