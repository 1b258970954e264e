import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/features/accounts/components/forms";
import { getT } from "@/lib/i18n/instance";
import { forgotPasswordAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("forgot.title") };
}

export default async function ForgotPasswordPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "accounts");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("forgot.title")}</h1>
      <ForgotPasswordForm action={forgotPasswordAction} lng={lng} />
    </>
  );
}
