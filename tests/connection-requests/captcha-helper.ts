// Solves a CAPTCHA the way the browser widget does (import after setting process.env).
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { newChallenge } from "@/features/connection-requests/captcha";

export async function solvedCaptcha(): Promise<string> {
  const challenge = await newChallenge();
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("could not solve");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}
