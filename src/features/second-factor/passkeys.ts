import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { hashToken } from "@/server/tokens";

/**
 * Passkeys (WebAuthn) through SimpleWebAuthn. The relying party is the app's
 * configured address (PUBLIC_URL): its host name is the RP ID, its origin the
 * only accepted origin. Each ceremony's challenge is stored (hashed) for five
 * minutes and consumed by the first response that names it, so a response is
 * never accepted twice.
 */
const CHALLENGE_TTL_MS = 5 * 60 * 1000;
const rp = () => {
  const url = new URL(env.PUBLIC_URL);
  return { id: url.hostname, origin: url.origin, name: "Supplier Connect" };
};

export type PasskeyAssertion = AuthenticationResponseJSON;
export type PasskeyAttestation = RegistrationResponseJSON;

async function storeChallenge(challenge: string, kind: "register" | "authenticate", userId: string | null) {
  await db.oneTimeToken.create({
    data: { tokenHash: hashToken(challenge), purpose: "WEBAUTHN", userId, data: JSON.stringify({ kind }), expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
  });
}

/** Consumes a stored challenge (single use) when it was issued for this kind of ceremony and this user (or for anyone: null). */
async function consumeChallenge(challenge: string, kind: "register" | "authenticate", userId: string | null): Promise<boolean> {
  const used = await db.oneTimeToken.updateMany({
    where: {
      tokenHash: hashToken(challenge),
      purpose: "WEBAUTHN",
      data: JSON.stringify({ kind }),
      usedAt: null,
      expiresAt: { gt: new Date() },
      userId,
    },
    data: { usedAt: new Date() },
  });
  return used.count === 1;
}

const transportsOf = (value: string) => (value ? (value.split(",") as NonNullable<WebAuthnCredential["transports"]>) : undefined);

/** Options for adding a passkey to the signed-in user's account. */
export async function registrationOptions(user: { id: string; email: string; name: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp().name,
    rpID: rp().id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await storeChallenge(options.challenge, "register", user.id);
  return options;
}

/** Verifies a new passkey and stores it under `name`. False when the response does not verify. */
export async function addPasskey(user: { id: string; kind: string }, name: string, response: PasskeyAttestation, ip?: string): Promise<boolean> {
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(challenge, "register", user.id),
      expectedOrigin: rp().origin,
      expectedRPID: rp().id,
      requireUserVerification: false,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  const { credential } = verification.registrationInfo;
  await db.$transaction(async (tx) => {
    await tx.passkey.create({
      data: {
        id: credential.id,
        userId: user.id,
        name,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(","),
      },
    });
    await tx.user.updateMany({ where: { id: user.id, secondFactorSince: null }, data: { secondFactorSince: new Date() } });
    await audit(
      tx,
      { type: user.kind === "STAFF" ? "STAFF" : "USER", id: user.id, ip },
      { action: "second_factor.passkey_added", entityType: "Passkey", entityId: credential.id, after: { name } },
    );
  });
  return true;
}

/**
 * Options for signing in with a passkey: for the user of a pending sign-in (their
 * passkeys, as a second factor), or for anybody (passwordless: the browser
 * offers the passkeys it holds for this site, and user verification is required).
 */
export async function authenticationOptions(userId: string | null): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = userId ? await db.passkey.findMany({ where: { userId }, select: { id: true, transports: true } }) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp().id,
    allowCredentials: allow.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    userVerification: userId ? "preferred" : "required",
  });
  await storeChallenge(options.challenge, "authenticate", userId);
  return options;
}

/**
 * Verifies a passkey assertion; returns the id of the passkey's user, or null.
 * With `userId` the passkey must be that user's (second factor); with null it
 * may be anyone's but must have verified the user (PIN or biometrics), since it
 * replaces the password too.
 */
export async function verifyPasskeyAssertion(response: PasskeyAssertion, expected: { userId: string | null }): Promise<string | null> {
  if (typeof response?.id !== "string") return null;
  const passkey = await db.passkey.findUnique({ where: { id: response.id } });
  if (!passkey || (expected.userId && passkey.userId !== expected.userId)) return null;
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(challenge, "authenticate", expected.userId),
      expectedOrigin: rp().origin,
      expectedRPID: rp().id,
      credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: transportsOf(passkey.transports) },
      requireUserVerification: expected.userId === null,
    });
  } catch {
    return null;
  }
  if (!verification.verified) return null;
  // A counter that does not move on is allowed (many passkeys report 0); one that goes back was rejected above.
  const updated = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
  });
  return updated.count === 1 ? passkey.userId : null;
}
