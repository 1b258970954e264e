import type { Metadata } from "next";
import { LearningCenter } from "@/components/shell/learning-center";
import { getT } from "@/lib/i18n/instance";
import { requireUser } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "learning")("title") };
}

/** Learning Center: "Adding users to your account" and the FAQ, linked from the Setup sidebar. */
export default async function LearningCenterPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireUser(lng, `/${lng}/setup/learning`);
  return <LearningCenter lng={lng} />;
}
