import { ProfileScreen } from "@/features/profile/components/profile-screen";
import { loadProfile } from "@/features/profile/service";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";
import { updatePublicProfileAction, updateSectionAction, updateSharingAction, uploadDocumentAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "profile")("title") };
}

export default async function ProfilePage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const me = await requireSupplier(lng, null, `/${lng}/profile`, { orNotFound: true });
  return (
    <ProfileScreen
      lng={lng}
      profile={await loadProfile(me)}
      actions={{
        updatePublic: updatePublicProfileAction,
        updateSection: updateSectionAction,
        upload: uploadDocumentAction,
        updateSharing: updateSharingAction,
      }}
    />
  );
}
