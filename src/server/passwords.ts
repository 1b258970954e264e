import bcrypt from "bcryptjs";

/** bcrypt's cost for every stored password (sign-up, invitations, colleagues, staff, resets). */
export const BCRYPT_ROUNDS = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_ROUNDS);
}
