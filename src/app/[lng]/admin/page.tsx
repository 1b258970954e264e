import type { Metadata } from "next";
import { Dashboard } from "@/features/admin/components/dashboard";
import { dashboardCounts } from "@/features/admin/dashboard";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("dashboard.title") };
}

/** What waits for staff, and the sections this staff member may open. */
export default async function AdminDashboard({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await requireStaff(lng);
  return <Dashboard lng={lng} name={user.name} role={user.staffRole} counts={await dashboardCounts()} />;
}
