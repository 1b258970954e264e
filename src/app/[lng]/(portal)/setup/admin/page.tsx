import type { Metadata } from "next";
import { TeamRefused, TeamScreen } from "@/features/supplier-users/components/team-screen";
import { INVITE_TTL_DAYS } from "@/features/supplier-users/core";
import { teamView } from "@/features/supplier-users/team";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";
import {
  approveJoinAction,
  deactivateAction,
  declineJoinAction,
  inviteAction,
  reactivateAction,
  resendColleagueInvitationAction,
  revokeColleagueInvitationAction,
  updateAccessAction,
} from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "users")("title") };
}

/** Setup -> Admin: the company's users, invitations and join requests (the `users` permission). */
export default async function SetupAdminPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireSupplier(lng, "users", `/${lng}/setup/admin`);
  // The service re-reads the user: a permission removed since sign-in counts.
  const view = user && (await teamView({ id: user.id, supplierId: user.supplierId }));
  if (!view) return <TeamRefused lng={lng} />;
  return (
    <TeamScreen
      lng={lng}
      view={view}
      inviteDays={INVITE_TTL_DAYS}
      actions={{
        invite: inviteAction,
        resendInvitation: resendColleagueInvitationAction,
        revokeInvitation: revokeColleagueInvitationAction,
        updateAccess: updateAccessAction,
        deactivate: deactivateAction,
        reactivate: reactivateAction,
        approveJoin: approveJoinAction,
        declineJoin: declineJoinAction,
      }}
    />
  );
}
