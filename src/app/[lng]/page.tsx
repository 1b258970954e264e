import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/session";

export default async function LanguageRoot({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const user = await getSessionUser();
  if (!user) redirect(`/${lng}/sign-in`);
  redirect(user.kind === "STAFF" ? `/${lng}/admin` : `/${lng}/home`);
}
