import { PreferencesForm } from "@/features/notifications/components/preferences-form";
import { getPreferences } from "@/features/notifications/preferences";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";
import { savePreferencesAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "settings")("preferences.title") };
}

/** How the user hears about each kind of event: email, in the portal, or both. */
export default async function NotificationPreferencesPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const me = await requireUser(lng, `/${lng}/profile/notifications`);
  const t = getT(lng, "settings");
  const current = await getPreferences(me.id);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("preferences.title")}</h1>
      <p className="text-sm text-gray-700">{t("preferences.intro")}</p>
      <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="security-note">
        {t("preferences.securityNote")}
      </p>
      <div className="rounded-lg border bg-white p-4 sm:p-6">
        <PreferencesForm action={savePreferencesAction} lng={lng} current={current} />
      </div>
    </div>
  );
}
