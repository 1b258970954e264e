import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { TopBar } from "@/components/shell/top-bar";
import { unreadCount } from "@/features/notifications/service";
import { enrolFirst, requireUser } from "@/server/guards";
import { signOutAction } from "./actions";
import { Translations } from "@/lib/i18n/translations";

/** The supplier portal: every page below is for a signed-in supplier user. */
export default async function PortalLayout({ children, params }: { children: ReactNode; params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireUser(lng);
  if (user.kind === "STAFF") redirect(`/${lng}/admin`);
  enrolFirst(user, lng);
  const unread = await unreadCount(user.id);
  return (
    <Translations lng={lng} ns={["shell"]}>
      <div className="min-h-screen">
        <TopBar lng={lng} user={user} unread={unread} signOut={signOutAction} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
      </div>
    </Translations>
  );
}
