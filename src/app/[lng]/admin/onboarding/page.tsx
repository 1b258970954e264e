import type { Metadata } from "next";
import { sectionRole } from "@/features/admin/sections";
import { ReviewList } from "@/features/onboarding/components/review-list";
import { submittedOnboardings } from "@/features/onboarding/review";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("onboarding.title") };
}

/** Submitted onboarding waiting for review, the longest-waiting first. */
export default async function OnboardingReviewsPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("onboarding"));
  return <ReviewList lng={lng} rows={await submittedOnboardings()} />;
}
