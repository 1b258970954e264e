import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { issueMessageKey } from "@/lib/action-result";
import type { FormValidator } from "./form";

/** A zod schema of a form's fields that the browser may run (no server-only rules such as the password strength check). */
export type FormSchema = z.ZodType<Record<string, unknown>>;

/**
 * The browser's check of an ActionForm with the action's own schema; the
 * messages are the keys the server would answer. Only the forms that pass one
 * bring zod to their page (about 40 KB gzip, docs/benchmarks.md).
 */
export function checkedWith(schema: FormSchema): FormValidator {
  return ({ formData }) =>
    parseWithZod(formData, {
      schema,
      // The server parses the posted strings as they are (src/server/action.ts): so does the browser.
      disableAutoCoercion: true,
      formatError: (issues: z.core.$ZodIssue[]) => [issueMessageKey(issues[0])],
    });
}
