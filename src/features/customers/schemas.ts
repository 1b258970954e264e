import { z } from "zod";
import { filterText, pageField } from "@/features/admin/filters";
import { isFreeMailDomain } from "@/lib/free-mail";
import { companyNameField, idField, optionalText } from "@/lib/validation";
import { aliasKinds, autoApproveRules, checkRequirements, isDomain, normaliseDomain, type AliasKind } from "./form-rules";

// Server side: the free-mail list is large; client components import ./form-rules.

const E = "staff:customers.errors.";

const yesNo = z.enum(["yes", "no"], { error: "validation.invalid" }).transform((v) => v === "yes");

/** The customer form's fields. Lists arrive as `aliasName[]`/`aliasKind[]` inputs and a domains textarea. */
const customerFields = z.object({
  name: companyNameField,
  nameZh: optionalText(160),
  taxId: optionalText(60),
  registrationNumber: optionalText(60),
  "aliasName[]": z.array(z.string()).optional().default([]),
  "aliasKind[]": z.array(z.string()).optional().default([]),
  domains: z.string().max(5000, "validation.tooLong").optional().default(""),
  acceptsRequests: yesNo,
  autoApproveRule: z.enum(autoApproveRules, { error: "validation.invalid" }),
  requirements: z.string().max(100_000, "validation.tooLong").optional().default("[]"),
  /** The customer's updatedAt when the form was opened (edits only) */
  version: z.string().max(40).optional(),
});

/** Checks the lists and the requirements, and shapes the input for the service. */
function toCustomer(v: z.output<typeof customerFields>, ctx: z.RefinementCtx) {
  const aliases: { name: string; kind: AliasKind }[] = [];
  const seenAliases = new Set<string>();
  v["aliasName[]"].forEach((raw, i) => {
    const name = raw.trim();
    const kind = v["aliasKind[]"][i] ?? "OTHER";
    if (!name) return; // an empty row is a row the user did not fill in
    if (name.length > 160) ctx.addIssue({ code: "custom", path: ["aliases"], message: `${E}aliasTooLong` });
    else if (!(aliasKinds as readonly string[]).includes(kind)) ctx.addIssue({ code: "custom", path: ["aliases"], message: "validation.invalid" });
    else if (!seenAliases.has(name.toLowerCase())) {
      seenAliases.add(name.toLowerCase());
      aliases.push({ name, kind: kind as AliasKind });
    }
  });
  if (aliases.length > 50) ctx.addIssue({ code: "custom", path: ["aliases"], message: `${E}tooManyAliases` });

  const domains: string[] = [];
  for (const raw of v.domains.split(/[\s,;]+/)) {
    const domain = normaliseDomain(raw);
    if (!domain) continue;
    if (!isDomain(domain)) {
      ctx.addIssue({ code: "custom", path: ["domains"], message: `${E}domain` });
      break;
    }
    if (isFreeMailDomain(domain)) {
      ctx.addIssue({ code: "custom", path: ["domains"], message: `${E}freeMailDomain` });
      break;
    }
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length > 50) ctx.addIssue({ code: "custom", path: ["domains"], message: `${E}tooManyDomains` });

  const checked = checkRequirements(v.requirements);
  if (!checked.ok) ctx.addIssue({ code: "custom", path: ["requirements"], message: checked.json ? `${E}requirementsJson` : `${E}requirements` });

  return {
    name: v.name,
    nameZh: v.nameZh,
    taxId: v.taxId,
    registrationNumber: v.registrationNumber,
    aliases,
    domains,
    acceptsRequests: v.acceptsRequests,
    autoApproveRule: v.autoApproveRule,
    requirements: checked.ok ? checked.steps : [],
    version: v.version,
  };
}

export const customerFormSchema = customerFields.transform(toCustomer);
/** An edit: the form plus the customer's id. */
export const customerUpdateSchema = customerFields.extend({ id: idField }).transform((v, ctx) => ({ id: v.id, ...toCustomer(v, ctx) }));
export type CustomerInput = z.output<typeof customerFormSchema>;

export const customerListSchema = z.object({
  q: filterText(160),
  page: pageField,
});
export type CustomerListFilter = z.output<typeof customerListSchema>;
