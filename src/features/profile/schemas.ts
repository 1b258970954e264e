import { z } from "zod";
import type { FieldRule } from "@/features/requirements/fields";
import { isCountryCode } from "@/lib/countries";
import { companyNameField, optionalText } from "@/lib/validation";

/** Private profile sections: visible only to customers the supplier shares them with. */
export const privateSections = ["TAX", "REMIT_TO", "BANK", "CONTACTS", "DOCUMENTS"] as const;
export type PrivateSection = (typeof privateSections)[number];

export function isPrivateSection(v: unknown): v is PrivateSection {
  return typeof v === "string" && (privateSections as readonly string[]).includes(v);
}

/** The fields of each form section (DOCUMENTS is the list of uploaded documents). Labels: profile:fields.<key>. */
export const sectionFields: Record<Exclude<PrivateSection, "DOCUMENTS">, FieldRule[]> = {
  TAX: [
    { key: "taxId", type: "text", required: true },
    { key: "vatNumber", type: "text", required: false },
    { key: "registrationNumber", type: "text", required: false },
    { key: "taxCountry", type: "country", required: false },
  ],
  REMIT_TO: [
    { key: "remitName", type: "text", required: true },
    { key: "remitAddress", type: "address", required: true },
    { key: "remitCountry", type: "country", required: true },
    { key: "remitEmail", type: "email", required: false },
  ],
  BANK: [
    { key: "bankName", type: "text", required: true },
    { key: "accountHolder", type: "text", required: true },
    { key: "iban", type: "iban", required: false },
    { key: "swift", type: "swift", required: false },
    { key: "accountNumber", type: "bankAccount", required: false },
    { key: "routingNumber", type: "routingNumber", required: false },
  ],
  CONTACTS: [
    { key: "primaryName", type: "text", required: true },
    { key: "primaryEmail", type: "email", required: true },
    { key: "primaryPhone", type: "phone", required: false },
    { key: "arName", type: "text", required: false },
    { key: "arEmail", type: "email", required: false },
    { key: "arPhone", type: "phone", required: false },
  ],
};

const website = z
  .string()
  .trim()
  .max(200, "validation.tooLong")
  .refine((v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "validation.invalid")
  .optional()
  .default("");

export const publicProfileSchema = z.object({
  name: companyNameField,
  description: optionalText(2000),
  website,
  addressLine: optionalText(200),
  city: optionalText(100),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isCountryCode(v), "validation.invalid")
    .optional()
    .default(""),
  categories: optionalText(500).transform((v) =>
    [
      ...new Set(
        v
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ]
      .slice(0, 20)
      .join(","),
  ),
});
export type PublicProfileInput = z.output<typeof publicProfileSchema>;

/** A private section's form: its fields (`sectionFields`) are checked by the service against their rules. */
export const sectionFormSchema = z
  .object({ section: z.enum(["TAX", "REMIT_TO", "BANK", "CONTACTS"], { error: "validation.invalid" }) })
  .catchall(z.string({ error: "validation.invalid" }).max(2000, "validation.tooLong"));

/** One uploaded file (its type and size are checked by the service). */
export const uploadSchema = z.object({
  file: z.instanceof(Blob, { error: "profile:documents.choose" }).refine((f) => f.size > 0, "profile:documents.choose"),
});

export const sharingSchema = z.object({
  customerId: z.string().min(1).max(40),
  "sections[]": z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(privateSections, { error: "validation.invalid" }))),
});
