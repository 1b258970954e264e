"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { markRead, openNotification } from "@/features/notifications/service";
import { fail, ok } from "@/lib/action-result";
import { idSchema } from "@/lib/validation";
import { userAction } from "@/server/action";

const markOne = userAction(idSchema, async ({ id }, ctx) => {
  await markRead(ctx.user.id, id);
  revalidatePath(`/${ctx.lng}`, "layout");
  return ok(undefined);
});

const markAll = userAction(z.object({}), async (_input, ctx) => {
  await markRead(ctx.user.id);
  revalidatePath(`/${ctx.lng}`, "layout");
  return ok(undefined);
});

const open = userAction(idSchema, async ({ id }, ctx) => {
  const href = await openNotification(ctx.user.id, id, ctx.lng);
  if (href === undefined) return fail("notifications:notFound");
  revalidatePath(`/${ctx.lng}`, "layout");
  redirect(href ?? `/${ctx.lng}/notifications`);
});

// Plain <form action> handlers (they work without JavaScript); each goes through the wrapper above.
export async function markReadAction(form: FormData): Promise<void> {
  await markOne(undefined, form);
}
export async function markAllReadAction(form: FormData): Promise<void> {
  await markAll(undefined, form);
}
export async function openNotificationAction(form: FormData): Promise<void> {
  await open(undefined, form);
}
