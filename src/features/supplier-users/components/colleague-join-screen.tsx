import Link from "next/link";
import type { FormAction } from "@/lib/action-result";
import { getT } from "@/lib/i18n/instance";
import type { InviteState } from "../colleague-join";
import { ColleagueJoinForm } from "./forms";

/** The colleague invitation's registration page: the form, or why the link no longer works. */
export function ColleagueJoinScreen({
  lng,
  token,
  invite,
  inviteDays,
  action,
}: {
  lng: string;
  token: string;
  invite: InviteState;
  inviteDays: number;
  action: FormAction;
}) {
  const t = getT(lng, "users");
  if (invite.state !== "valid") {
    return (
      <div data-testid="join-invalid">
        <h1 className="mb-3 text-2xl font-semibold">{t(`register.${invite.state}Title`)}</h1>
        <p className="mb-4 text-gray-700">{t(`register.${invite.state}Body`, { days: inviteDays })}</p>
        <Link href={`/${lng}/sign-in`} className="text-brand underline">
          {t("register.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("register.title", { company: invite.company })}</h1>
      <p className="mb-4 text-sm text-gray-700">{t("register.intro", { company: invite.company })}</p>
      <ColleagueJoinForm action={action} lng={lng} token={token} email={invite.email} name={invite.name} />
    </>
  );
}
