import { z } from "zod";

/**
 * The admin lists' filters come from the URL: anything malformed is ignored
 * rather than an error. Each admin capability owns its filter schema (e.g.
 * audit-log/schemas.ts) built from these fields.
 */

/** Optional text of at most `max` characters; empty or malformed is "no filter". */
export const filterText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** The 1-based page number (1 when missing or malformed). */
export const pageField = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** A day as yyyy-mm-dd, or no filter. */
export const dayField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Reads Next's searchParams (string | string[]) into a plain object for the filter schemas. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
