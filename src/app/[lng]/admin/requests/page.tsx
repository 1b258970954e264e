import type { Metadata } from "next";
import { firstValues } from "@/features/admin/filters";
import { sectionRole } from "@/features/admin/sections";
import { QueueList } from "@/features/connection-requests/queue/components/queue-list";
import { queueFilterSchema } from "@/features/connection-requests/queue/schemas";
import { listQueue } from "@/features/connection-requests/queue/service";
import { customerChoices } from "@/features/customers/service";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { bulkDecideAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("queue.title") };
}

/** Every supplier's connection requests: filter, search, open one, or decide several at once. */
export default async function RequestQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("requests"));
  const filter = queueFilterSchema.parse(firstValues(await searchParams));
  const [list, customers] = await Promise.all([listQueue(filter), customerChoices(filter.customerId)]);
  return <QueueList lng={lng} filter={filter} list={list} customers={customers} bulkDecideAction={bulkDecideAction} />;
}
