import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { sectionRole } from "@/features/admin/sections";
import { ReviewDetail } from "@/features/onboarding/components/review-detail";
import { onboardingForReview } from "@/features/onboarding/review";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { approveOnboardingAction, sendBackOnboardingAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("onboarding.detailTitle") };
}

/** One supplier's onboarding for one customer: the answers per step, and the review. */
export default async function OnboardingReviewPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  await requireStaff(lng, sectionRole("onboarding"));
  const review = await onboardingForReview(id);
  if (!review) notFound();
  return <ReviewDetail lng={lng} review={review} approve={approveOnboardingAction} sendBack={sendBackOnboardingAction} />;
}
