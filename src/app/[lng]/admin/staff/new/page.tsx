import type { Metadata } from "next";
import Link from "next/link";
import { CreateStaffForm } from "@/features/staff-accounts/components/forms";
import { ui } from "@/components/ui";
import { sectionRole } from "@/features/admin/sections";
import { getT } from "@/lib/i18n/instance";
import { requireStaff } from "@/server/guards";
import { createStaffAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "staff")("staff.new") };
}

export default async function NewStaffPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  await requireStaff(lng, sectionRole("staff"));
  const t = getT(lng, "staff");
  return (
    <section className="max-w-xl">
      <Link href={`/${lng}/admin/staff`} className="text-sm text-brand underline">← {t("staff.title")}</Link>
      <h1 className={`${ui.h1} mt-2`}>{t("staff.new")}</h1>
      <div className="mt-4">
        <CreateStaffForm action={createStaffAction} lng={lng} />
      </div>
    </section>
  );
}
