import { notFound } from "next/navigation";
import { loadOnboarding } from "@/features/onboarding/answers";
import { OnboardingScreen } from "@/features/onboarding/components/onboarding-screen";
import { getT } from "@/lib/i18n/instance";
import { requireSupplier } from "@/server/guards";
import { copyAnswersAction, saveStepAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  return { title: getT(lng, "onboarding")("title") };
}

export default async function OnboardingPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; customerId: string }>;
  searchParams: Promise<{ step?: string; saved?: string; copied?: string }>;
}) {
  const { lng, customerId } = await params;
  const { step, saved, copied } = await searchParams;
  const me = await requireSupplier(lng, null, `/${lng}/setup/customers/${customerId}/onboarding`, { orNotFound: true });
  const view = await loadOnboarding(me, customerId);
  if (!view) notFound();
  return (
    <OnboardingScreen
      lng={lng}
      customerId={customerId}
      view={view}
      permissions={me.permissions}
      stepParam={step}
      saved={saved}
      copied={copied}
      actions={{ saveStep: saveStepAction, copyAnswers: copyAnswersAction }}
    />
  );
}
