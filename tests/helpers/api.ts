// API-level test helpers: the people of a test database, a tRPC caller acting as one of them, and the refusal a call
// ends in.
//
//   await insertTestUsers(tdb.db);                                  // admin, editor and viewer rows
//   const api = callerAs(tdb.db, "editor", { now: NOW });           // or a SessionUser, or null (signed out)
//   expect(await codeOf(callerAs(tdb.db, "viewer", { now: NOW }).edit.measures.update(…))).toBe("FORBIDDEN");
//   const error = await errorOf(api.edit.measures.update(…));       // the TRPCError, for its message or cause
import { TRPCError } from "@trpc/server";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { UserRole } from "@/server/core/constants";
import { createCaller } from "@/server/core/root";
import type { SessionUser } from "@/server/core/session-user";
import type { Context } from "@/server/core/trpc";

/** One person per role. */
export const testUsers = {
  admin: { id: "u-admin", email: "admin@example.org", name: "Ada Admin", role: "admin" },
  editor: { id: "u-editor", email: "editor@example.org", name: "Eddie Editor", role: "editor" },
  viewer: { id: "u-viewer", email: "viewer@example.org", name: "Vee Viewer", role: "viewer" },
} as const satisfies Record<UserRole, SessionUser>;

/** Inserts the users' rows (by default the three testUsers), so audit entries and foreign keys find them. */
export async function insertTestUsers(db: Db, users: readonly SessionUser[] = Object.values(testUsers)): Promise<void> {
  await db.insert(t.users).values(users.map(({ id, email, name, role }) => ({ id, email, name, role })));
}

export type Caller = ReturnType<typeof createCaller>;

export type CallerOptions = Omit<Context, "db" | "user" | "now"> & {
  /** The caller's clock: an instant, or a function read on every call (for a clock the test moves). */
  now: Date | (() => Date);
};

/** A server-side tRPC caller acting as `who`: one of testUsers by role, any SessionUser, or null (signed out). */
export function callerAs(db: Db, who: UserRole | SessionUser | null, { now, ...context }: CallerOptions): Caller {
  const user = typeof who === "string" ? testUsers[who] : who;
  return createCaller({ ...context, db, user, now: typeof now === "function" ? now : () => now });
}

/** The TRPCError the call fails with; anything else (success, another error) fails the test. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The call's tRPC error code, "OK" when it succeeds, or a description of an error that is not a TRPCError. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}
