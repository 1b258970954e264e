// Import this module dynamically in tests that set process.env first: it loads the
// app modules, which read the environment once.
import crypto from "node:crypto";
import { createSupplierAccount } from "@/features/accounts/service";
import { hashPassword } from "@/server/passwords";
import { db } from "@/server/db";

export const PASSWORD = "Harbour-lights-7";

const unique = () => crypto.randomBytes(4).toString("hex");

/** A supplier company with its first admin user. */
export async function makeSupplier(overrides: { email?: string; companyName?: string; locale?: "en" | "zh" } = {}) {
  const email = overrides.email ?? `admin-${unique()}@supplier-${unique()}.test`;
  const res = await createSupplierAccount(
    { companyName: overrides.companyName ?? `Supplier ${unique()}`, name: "Ada Admin", email, password: PASSWORD, locale: overrides.locale ?? "en" },
    {},
  );
  if (!res.ok) throw new Error(res.error);
  return { ...res, email };
}

/** Another user of an existing company. */
export async function makeUser(supplierId: string, data: { permissions?: string; allCustomers?: boolean; email?: string } = {}) {
  return db.user.create({
    data: {
      email: data.email ?? `user-${unique()}@example.test`,
      name: "Member",
      passwordHash: await hashPassword(PASSWORD),
      supplierId,
      permissions: data.permissions ?? "",
      allCustomers: data.allCustomers ?? true,
    },
  });
}

export async function makeCustomer(data: { name?: string; domains?: string[]; acceptsRequests?: boolean; requirements?: unknown[] } = {}) {
  return db.customer.create({
    data: {
      name: data.name ?? `Customer ${unique()}`,
      acceptsRequests: data.acceptsRequests ?? true,
      requirements: JSON.stringify(data.requirements ?? []),
      domains: { create: (data.domains ?? []).map((domain) => ({ domain })) },
    },
  });
}

/** The authenticator-app key of test users enrolled with `enrolTotp`; compute a code with `totpCode(TEST_TOTP_SECRET)`. */
export const TEST_TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/** Gives a user a confirmed authenticator app with a known key (staff need a second factor to use the admin pages). */
export async function enrolTotp(userId: string, secret = TEST_TOTP_SECRET) {
  const { enrolKnownTotp } = await import("@/features/second-factor/service");
  await enrolKnownTotp(userId, secret);
}
