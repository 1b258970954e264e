import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate, rememberTimeZone } from "@/features/accounts/service";
import { consumeSignInTicket } from "@/features/accounts/sign-up";
import { beginSecondFactorSignIn, completeSecondFactorSignIn, signInWithPasskey, type Proof } from "@/features/second-factor/service";
import { afterSignIn } from "@/features/sessions/devices";
import { createSession, SESSION_TTL_MS } from "@/features/sessions/service";
import { env } from "./env";
import { timeZoneFromCookieHeader } from "@/lib/time-zone";
import { clientIpFrom } from "./request";

/** Sign-in failures carry only a coarse code: "invalid" or "too_many". */
class SignInFailed extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  // The cookie carries the id of a server-side Session row, checked on every request (src/server/session.ts).
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/en/sign-in" },
  logger: { error: (e) => (e instanceof CredentialsSignin ? undefined : console.error(e)) },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(String(credentials.email ?? ""), String(credentials.password ?? ""), clientIpFrom(request.headers));
        if (!result.ok && result.error === "second_factor") throw new SecondStepNeeded(await beginSecondFactorSignIn(result.userId));
        if (!result.ok) throw new SignInFailed(result.error);
        return withSession(result.user, request.headers);
      },
    }),
    // Signs in the person who just confirmed a sign-up from the emailed link
    // (they typed no password here): a one-minute, single-use ticket.
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        const user = await consumeSignInTicket(String(credentials.ticket ?? ""));
        if (!user) throw new SignInFailed("invalid");
        return withSession(user, request.headers);
      },
    }),
    ...secondFactorProviders(),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number, sid: token.sid as string | undefined };
    },
  },
});

// ------------------------------------------------------------- second factor (src/features/second-factor)

/** The password was right; the sign-in goes on at its second step with this ticket (never sent anywhere but our own cookie). */
class SecondStepNeeded extends CredentialsSignin {
  constructor(readonly ticket: string) {
    super();
    this.code = "second_factor";
  }
}

/** The second step of a password sign-in (a code or a passkey), and passwordless sign-in with a passkey. */
function secondFactorProviders() {
  return [
    Credentials({
      id: "second-factor",
      credentials: { ticket: {}, code: {}, passkey: {} },
      async authorize(credentials, request) {
        const proof = parseProof(credentials);
        if (!proof) throw new SignInFailed("invalid");
        const result = await completeSecondFactorSignIn(String(credentials.ticket ?? ""), proof, clientIpFrom(request.headers));
        if (!result.ok) throw new SignInFailed(result.error);
        return withSession(result.user, request.headers);
      },
    }),
    Credentials({
      id: "passkey",
      credentials: { passkey: {} },
      async authorize(credentials, request) {
        const proof = parseProof(credentials);
        if (!proof || !("passkey" in proof)) throw new SignInFailed("invalid");
        const result = await signInWithPasskey(proof.passkey, clientIpFrom(request.headers));
        if (!result.ok) throw new SignInFailed(result.error);
        return withSession(result.user, request.headers);
      },
    }),
  ];
}

function parseProof(credentials: Partial<Record<string, unknown>>): Proof | null {
  if (typeof credentials.passkey === "string" && credentials.passkey) {
    try {
      return { passkey: JSON.parse(credentials.passkey) };
    } catch {
      return null;
    }
  }
  return typeof credentials.code === "string" && credentials.code.length <= 40 ? { code: credentials.code } : null;
}

export type SecondStepResult = { ok: true } | { ok: false; error: string };

/** Signs in with the second step (ticket + code or passkey JSON), or passwordless with a passkey (no ticket). */
export async function startSessionWithSecondFactor(input: { ticket?: string; code?: string; passkey?: string }): Promise<SecondStepResult> {
  try {
    if (input.ticket) await signIn("second-factor", { ticket: input.ticket, code: input.code ?? "", passkey: input.passkey ?? "", redirect: false });
    else await signIn("passkey", { passkey: input.passkey ?? "", redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) return { ok: false, error: error.code };
    if (error instanceof AuthError) return { ok: false, error: "unexpected" };
    throw error;
  }
}

async function withSession(user: { id: string; email: string; name: string; sessionVersion: number }, headers: Headers) {
  const client = { userAgent: headers.get("user-agent"), ip: clientIpFrom(headers) };
  const sid = await createSession(user.id, client);
  // The browser's time zone (the `tz` cookie), kept for the times in this user's emails.
  await rememberTimeZone(user.id, timeZoneFromCookieHeader(headers.get("cookie")), client.ip);
  // Everything a sign-in sets off besides the session (the new-device email) lives in this one call.
  await afterSignIn(user.id, client);
  return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid };
}

/**
 * Starts a session from a server action. Returns null, or the message key to
 * show (invalid credentials, too many attempts); other errors propagate (the
 * redirect Next throws among them).
 */
export async function startSession(email: string, password: string): Promise<string | null | { secondStep: string }> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof SecondStepNeeded) return { secondStep: error.ticket };
    if (error instanceof CredentialsSignin) {
      return error.code === "too_many" ? "accounts:signIn.tooMany" : "accounts:signIn.invalid";
    }
    if (error instanceof AuthError) return "errors.unexpected";
    throw error;
  }
}

/** Starts a session from a sign-in ticket (a confirmed sign-up). False when the ticket is not valid. */
export async function startSessionWithTicket(ticket: string): Promise<boolean> {
  try {
    await signIn("ticket", { ticket, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}
