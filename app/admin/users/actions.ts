"use server";
// The users page's actions: each calls the admin router as the signed-in user, so the same role check applies as
// over tRPC. Next refuses server actions from another origin (it compares Origin with Host).
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { createCaller } from "@/server/core/root";
import { getSessionUser } from "@/server/users/auth";
import { getDb } from "@/server/core/db";
import { USER_ROLES, type UserRole } from "@/server/core/constants";

import type { ActionState } from "@/components/users/action-form";

async function adminApi() {
  const [db, user] = await Promise.all([getDb(), getSessionUser(await headers())]);
  return createCaller({ db, now: () => new Date(), user });
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const role = (form: FormData): UserRole => {
  const value = text(form, "role");
  return (USER_ROLES as readonly string[]).includes(value) ? (value as UserRole) : "viewer";
};

async function run(fn: () => Promise<ActionState>): Promise<ActionState> {
  try {
    const state = await fn();
    revalidatePath("/admin/users");
    return state;
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
      const field = error.cause && "issues" in error.cause ? (error.cause as { issues: { message: string; path: PropertyKey[] }[] }).issues[0] : undefined;
      return { ok: false, message: field ? `${String(field.path[0])}: ${field.message}` : error.message };
    }
    console.error("[admin/users]", error);
    return { ok: false, message: "Internal error; it has been logged." };
  }
}

export async function inviteUser(_: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const api = await adminApi();
    const name = text(form, "name").trim();
    const { user, oneTimePassword } = await api.admin.users.invite({
      email: text(form, "email"),
      name: name || undefined,
      role: role(form),
    });
    return { ok: true, email: user.email, oneTimePassword };
  });
}

export async function changeRole(_: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    await (await adminApi()).admin.users.setRole({ userId: text(form, "userId"), role: role(form) });
    return { ok: true };
  });
}

export async function setActive(_: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => {
    const api = await adminApi();
    const userId = text(form, "userId");
    if (text(form, "active") === "true") await api.admin.users.reactivate({ userId });
    else await api.admin.users.deactivate({ userId });
    return { ok: true };
  });
}
