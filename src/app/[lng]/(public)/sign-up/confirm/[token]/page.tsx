import type { Metadata } from "next";
import { ConfirmSignUpScreen } from "@/features/accounts/components/confirm-sign-up";
import { pendingSignUp } from "@/features/accounts/sign-up";
import { getT } from "@/lib/i18n/instance";
import { confirmSignUpAction } from "../../../actions";
import { TOKEN_PAGE_REFERRER } from "@/server/security-headers";

export async function generateMetadata({ params }: { params: Promise<{ lng: string }> }): Promise<Metadata> {
  return { title: getT((await params).lng, "accounts")("confirm.title"), referrer: TOKEN_PAGE_REFERRER };
}

/**
 * The link from the sign-up email. Opening it changes nothing (mail scanners
 * open links too); the button creates the account and signs in.
 */
export default async function ConfirmSignUpPage({
  params,
  searchParams,
}: {
  params: Promise<{ lng: string; token: string }>;
  searchParams: Promise<{ choice?: string }>;
}) {
  const { lng, token } = await params;
  const { choice } = await searchParams;
  const pending = await pendingSignUp(token);
  return <ConfirmSignUpScreen lng={lng} token={token} pending={pending} choice={choice} action={confirmSignUpAction} />;
}
