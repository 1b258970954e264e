import type { Metadata } from "next";
import { SignUpForm } from "@/features/accounts/components/forms";
import { getT } from "@/lib/i18n/instance";
import { signUpAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("signUp.title") };
}

export default async function SignUpPage({ params }: { params: Promise<{ lng: string }> }) {
  const { lng } = await params;
  const t = getT(lng, "accounts");
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("signUp.title")}</h1>
      <p className="mb-4 text-sm text-gray-700">{t("signUp.intro")}</p>
      <SignUpForm action={signUpAction} lng={lng} />
    </>
  );
}
