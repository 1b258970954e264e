import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/features/accounts/service";
import { env } from "./env";
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
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/en/sign-in" },
  logger: { error: (e) => (e instanceof CredentialsSignin ? undefined : console.error(e)) },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(
          String(credentials.email ?? ""),
          String(credentials.password ?? ""),
          clientIpFrom(request.headers),
        );
        if (!result.ok) throw new SignInFailed(result.error);
        return { id: result.user.id, email: result.user.email, name: result.user.name, sv: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
});

/**
 * Starts a session from a server action. Returns null, or the message key to
 * show (invalid credentials, too many attempts); other errors propagate (the
 * redirect Next throws among them).
 */
export async function startSession(email: string, password: string): Promise<string | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return error.code === "too_many" ? "accounts:signIn.tooMany" : "accounts:signIn.invalid";
    }
    if (error instanceof AuthError) return "errors.unexpected";
    throw error;
  }
}
