"use server";
import { isLng } from "@/lib/i18n/config";
import { signOut } from "@/server/auth";

export async function signOutAction(form: FormData): Promise<void> {
  const lng = form.get("lng");
  await signOut({ redirectTo: `/${isLng(lng) ? lng : "en"}/sign-in` });
}
