import Link from "next/link";
import { getT } from "@/lib/i18n/instance";

export default async function AdminHome({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "shell");
  return (
    <section>
      <h1 className="text-2xl font-semibold">{t("staff.title")}</h1>
      <ul className="mt-4 list-disc pl-6">
        <li>
          <Link href={`/${lng}/admin/invitations`} className="text-brand underline">
            {getT(lng, "invitations")("staff.title")}
          </Link>
        </li>
        <li>
          <Link href={`/${lng}/admin/mail`} className="text-brand underline">
            {t("staff.mailLog")}
          </Link>
        </li>
      </ul>
    </section>
  );
}
