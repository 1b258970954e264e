// Server only: the zxcvbn dictionaries weigh several megabytes. Schemas that
// use `passwordField` are parsed by server actions; client files never import
// this module, directly or through a schema file (tests/lib/client-bundle.test.ts
// checks). `import "server-only"` would say so to the bundler, but the package
// is not installed.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { passwordRulesField } from "./validation";

/**
 * The one zxcvbn configuration of the product: common passwords, English words
 * and names, keyboard patterns, and the product's own names (a password built
 * on "supplier" or "coupa" is the first one an attacker tries here). Built on
 * first use: ranking the dictionaries takes up to a second, which only the
 * requests that set a password should pay.
 */
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: {
      ...common.dictionary,
      ...en.dictionary,
      product: ["supplier", "connect", "supplierconnect", "coupa", "portal"],
    },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Bounded work per check (measured on a 72-character passphrase, 2 busy
    // cores: the defaults took 3.5 s, these 0.2–0.6 s). Passwords are capped at
    // 72 bytes anyway (bcrypt), and few l33t substitutions cover the real ones.
    maxLength: 72,
    l33tMaxSubstitutions: 10,
  });
  return factory;
}

/** zxcvbn's score from 0 (too guessable) to 4 (very unguessable); 3 and up is accepted. */
export const MIN_PASSWORD_SCORE = 3;

export function passwordScore(password: string, userInputs: string[] = []): number {
  return zxcvbn().check(password, userInputs).score;
}

/** A password an attacker would find among the first ~10^8 guesses (breach lists, words, names, patterns). */
export function isGuessablePassword(password: string, userInputs: string[] = []): boolean {
  return passwordScore(password, userInputs) < MIN_PASSWORD_SCORE;
}

const bytes = (v: string) => Buffer.byteLength(v, "utf8");

/**
 * A new password: 8 to 72 bytes (bcrypt's limit), a letter and a digit, and
 * not guessable (zxcvbn score below 3: breach lists, words and names,
 * keyboard runs, dates, a word with digits appended). Messages are keys in
 * the `common` namespace, like the fields in `./validation`.
 */
export const passwordField = passwordRulesField
  // Judged only once the length is right: the other messages already say what to fix.
  .refine((v) => bytes(v) < 8 || bytes(v) > 72 || !isGuessablePassword(v), "validation.passwordCommon");
