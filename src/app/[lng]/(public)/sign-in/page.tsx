import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/features/accounts/components/forms";
import { PasskeySignIn } from "@/features/second-factor/components/forms";
import { getT } from "@/lib/i18n/instance";
import { currentUser } from "@/server/guards";
import { signInAction } from "../actions";
import { passkeySignInAction, passkeySignInOptionsAction } from "../two-factor/actions";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("signIn.title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string }>;
  searchParams: Promise<{ next?: string; reset?: string }>;
}) {
  const { lng } = await params;
  const { next, reset } = await searchParams;
  if (await currentUser()) redirect(next && next.startsWith(`/${lng}/`) ? next : `/${lng}`);
  const t = getT(lng, "accounts");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("signIn.title")}</h1>
      <SignInForm action={signInAction} lng={lng} next={next} notice={reset ? "signIn.resetDone" : undefined} />
      <PasskeySignIn action={passkeySignInAction} optionsAction={passkeySignInOptionsAction} lng={lng} next={next} />
    </>
  );
}
