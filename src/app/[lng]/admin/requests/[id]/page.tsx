import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { sectionRole } from "@/features/admin/sections";
import { QueueRequest } from "@/features/connection-requests/queue/components/queue-request";
import { queueDetail } from "@/features/connection-requests/queue/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { decideRequestAction, resetAttemptsAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("queue.detailTitle") };
}

/** One request: who asks whom, the contact and its flags, the history, and the decision. */
export default async function RequestDetailPage({ params }: { params: Promise<{ lng: string; id: string }> }) {
  const { lng, id } = await params;
  await requireStaff(lng, sectionRole("requests"));
  const request = await queueDetail(id);
  if (!request) notFound();
  return <QueueRequest lng={lng} request={request} decideRequestAction={decideRequestAction} resetAttemptsAction={resetAttemptsAction} />;
}
