// Invitations from the command line, through the same service as the staff page:
//   npm run invite -- --customer "<customer id or exact name>" --email contact@supplier.com [--locale en|zh] [--message "..."]
//   npm run invite -- --resend <invitation id>
//   npm run invite -- --revoke <invitation id>
// With SMTP_URL the email is sent; without it, it is kept in the mail log.
import { parseArgs } from "node:util";
import { z } from "zod";
import { createInvitationSchema } from "@/features/customer-invitations/schemas";
import { createInvitation, resendInvitation, revokeInvitation } from "@/features/customer-invitations/staff";
import { findCustomerByRef } from "@/features/customers/service";
import type { Actor } from "@/server/audit";

const { values } = parseArgs({
  options: {
    customer: { type: "string" },
    email: { type: "string" },
    locale: { type: "string", default: "en" },
    message: { type: "string", default: "" },
    resend: { type: "string" },
    revoke: { type: "string" },
  },
});
const actor: Actor = { type: "SYSTEM" };

async function main(): Promise<number> {
  if (values.resend) {
    const r = await resendInvitation(values.resend, actor);
    if (!r.ok) return fail(r.error);
    console.log(`Resent as ${r.invitationId} (mail ${r.mailStatus}): ${r.link}`);
    return 0;
  }
  if (values.revoke) {
    const r = await revokeInvitation(values.revoke, actor);
    if (!r.ok) return fail(r.error);
    console.log(r.changed ? `Revoked ${values.revoke}` : `${values.revoke} was already revoked`);
    return 0;
  }
  if (!values.customer) return fail("--customer is required (id or exact name)");
  const customer = await findCustomerByRef(values.customer);
  if (!customer) return fail(`no customer "${values.customer}"`);
  const input = createInvitationSchema.safeParse({ ...values, customerId: customer.id });
  if (!input.success) return fail(z.prettifyError(input.error));
  const r = await createInvitation(input.data, actor);
  if (!r.ok) return fail(r.error);
  console.log(`Invited ${input.data.email} on behalf of ${customer.name}: invitation ${r.invitationId} (mail ${r.mailStatus})`);
  console.log(`Link (works once, 30 days): ${r.link}`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exit(await main());
