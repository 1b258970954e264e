"use server";
import { revalidatePath } from "next/cache";
import { inviteColleague, resendColleagueInvitation, revokeColleagueInvitation } from "@/features/supplier-users/colleague-invitations";
import { approveJoinRequest, declineJoinRequest } from "@/features/supplier-users/join-requests";
import {
  approveJoinSchema,
  colleagueInvitationSchema,
  inviteSchema,
  requestIdSchema,
  updateAccessSchema,
  userIdSchema,
} from "@/features/supplier-users/schemas";
import { deactivateUser, reactivateUser, updateAccess } from "@/features/supplier-users/team";
import type { ActionResult } from "@/lib/action-result";
import { supplierAction, type SupplierCtx } from "@/server/action";

// Setup -> Admin. Every action needs the `users` permission (admins hold it);
// the service re-checks it inside its transaction and scopes by company.
const manager = (ctx: SupplierCtx) => ({ id: ctx.user.id, supplierId: ctx.supplierId, ip: ctx.ip });

function refresh(result: ActionResult<undefined>, lng: string) {
  if (result.ok) revalidatePath(`/${lng}/setup/admin`);
  return result;
}

// Adding a user and changing a user's permissions are step-up changes (a recent password or second-factor check).
const stepUp = { stepUp: true };

export const inviteAction = supplierAction("users", inviteSchema, async (input, ctx) => refresh(await inviteColleague(manager(ctx), input), ctx.lng), stepUp);

export const resendColleagueInvitationAction = supplierAction("users", colleagueInvitationSchema, async (input, ctx) =>
  refresh(await resendColleagueInvitation(manager(ctx), input.email), ctx.lng),
);

export const revokeColleagueInvitationAction = supplierAction("users", colleagueInvitationSchema, async (input, ctx) =>
  refresh(await revokeColleagueInvitation(manager(ctx), input.email), ctx.lng),
);

export const updateAccessAction = supplierAction(
  "users",
  updateAccessSchema,
  async (input, ctx) => refresh(await updateAccess(manager(ctx), input.userId, input.grant), ctx.lng),
  stepUp,
);

export const deactivateAction = supplierAction("users", userIdSchema, async (input, ctx) => refresh(await deactivateUser(manager(ctx), input.userId), ctx.lng));

export const reactivateAction = supplierAction("users", userIdSchema, async (input, ctx) => refresh(await reactivateUser(manager(ctx), input.userId), ctx.lng));

export const approveJoinAction = supplierAction(
  "users",
  approveJoinSchema,
  async (input, ctx) => refresh(await approveJoinRequest(manager(ctx), input.requestId, input.grant), ctx.lng),
  stepUp,
);

export const declineJoinAction = supplierAction("users", requestIdSchema, async (input, ctx) =>
  refresh(await declineJoinRequest(manager(ctx), input.requestId), ctx.lng),
);
