import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "./env";

/**
 * The ticket of a sign-in waiting for its second factor, kept in an httpOnly
 * cookie between the password page and the code page (ten minutes, this site
 * only). The ticket itself is checked in the database (src/features/second-factor).
 */
const NAME = "sc-second-step";

export async function holdSecondStep(ticket: string): Promise<void> {
  (await cookies()).set(NAME, ticket, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.PUBLIC_URL.startsWith("https:"),
    path: "/",
    maxAge: 10 * 60,
  });
}

export async function secondStepTicket(): Promise<string | undefined> {
  return (await cookies()).get(NAME)?.value;
}

export async function dropSecondStep(): Promise<void> {
  (await cookies()).delete(NAME);
}

/** After a correct password for a user with a second factor: keep the ticket and go to the code page (which returns to `next`). */
export async function continueWithSecondStep(ticket: string, lng: string, next: string): Promise<never> {
  await holdSecondStep(ticket);
  redirect(`/${lng}/sign-in/verify?next=${encodeURIComponent(next)}`);
}

/**
 * Where a sign-in goes on: `next` when it is a page of this site in one of its
 * languages, else `home` (the language root, which sends each user to their
 * own start page).
 */
export function nextAfterSignIn(next: string | undefined, lng: string, home = `/${lng}`): string {
  return next && /^\/(en|zh)\/[^/]/.test(next) && !next.startsWith("//") ? next : home;
}
