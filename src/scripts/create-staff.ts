// Creates a support staff or administrator account:
//   npm run staff:create -- --email a@b.com --name "Ann Lee" --role SUPPORT|ADMINISTRATOR
// The password is read from STAFF_PASSWORD or generated and printed once.
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createStaffUser } from "@/features/accounts/service";
import { passwordField } from "@/lib/passwords";
import { emailField, nameField } from "@/lib/validation";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "SUPPORT" }, locale: { type: "string", default: "en" } },
});
const password = process.env.STAFF_PASSWORD ?? `${crypto.randomBytes(9).toString("base64url")}7a`;
const input = z
  .object({ email: emailField, name: nameField, password: passwordField, role: z.enum(["SUPPORT", "ADMINISTRATOR"]), locale: z.enum(["en", "zh"]) })
  .safeParse({ ...values, password });
if (!input.success) {
  console.error(z.prettifyError(input.error));
  process.exit(2);
}
const user = await createStaffUser(input.data);
console.log(`Created ${input.data.role} ${user.email}${process.env.STAFF_PASSWORD ? "" : ` with password ${password}`}`);
