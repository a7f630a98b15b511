// Accounts: list, create with a role (invite / CLI), change role, deactivate and reactivate. Functions take the
// database first; the admin router, the CLI and tests call them. Deactivating is better-auth's "ban": the user
// cannot sign in and their sessions are revoked at once.
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/core/actor";
import { accounts, sessions, users } from "@/db/schema";
import { DEFAULT_USER_ROLE, type UserRole } from "@/server/core/constants";
import { passwordProblem } from "./password-rules";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
};

/** A readable random password (24 characters, 144 bits), shown once to whoever creates the account. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The accounts by email: a page of `limit` from `offset` (the admin page), or every one (the users CLI). */
export async function listUsers(db: Db, page?: { offset: number; limit: number }): Promise<UserRow[]> {
  const query = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      banned: users.banned,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email), asc(users.id))
    .$dynamic();
  const rows = await (page ? query.offset(page.offset).limit(page.limit) : query);
  return rows.map(({ banned, ...row }) => ({ ...row, active: !banned }));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export type CreatedUser = { user: UserRow; password: string; generated: boolean };

/**
 * Creates an account that signs in with email + password. Without a password one is generated and returned: the
 * caller shows it once; only its hash is stored.
 */
export async function createUser(
  db: Db,
  input: { email: string; name?: string; role?: UserRole; password?: string },
  now: Date,
): Promise<CreatedUser> {
  const email = normalizeEmail(input.email);
  const generated = input.password === undefined;
  const password = input.password ?? generateOneTimePassword();
  const problem = passwordProblem(password, email);
  if (problem) throw new BadInputError("password", problem);
  const hash = await hashPassword(password);
  const id = randomUUID();
  const role = input.role ?? DEFAULT_USER_ROLE;
  const name = input.name?.trim() || email.split("@")[0]!;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({ id, email, name, role, emailVerified: false, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted.length === 0) throw new ServiceError(`An account for ${email} already exists`, "CONFLICT", "email");
    await tx.insert(accounts).values({
      id: randomUUID(),
      accountId: id,
      providerId: "credential",
      userId: id,
      password: hash,
      createdAt: now,
      updatedAt: now,
    });
  });
  return { user: { id, email, name, role, active: true, createdAt: now }, password, generated };
}

async function otherActiveAdmins(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.banned, false), ne(users.id, userId)));
  return row?.n ?? 0;
}

async function requireUser(db: Db, userId: string) {
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFoundError("The user");
  return user;
}

export async function setUserRole(db: Db, userId: string, role: UserRole, now: Date): Promise<void> {
  const user = await requireUser(db, userId);
  if (user.role === "admin" && role !== "admin" && (await otherActiveAdmins(db, userId)) === 0) {
    throw new ServiceError("This is the last active admin: make someone else admin first", "CONFLICT", "role");
  }
  await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
}

/** Bans the account and ends its sessions at once. Nobody deactivates their own account, nor the last active admin. */
export async function deactivateUser(db: Db, { userId, reason }: { userId: string; reason?: string }, actor: Actor): Promise<void> {
  if (actor.user?.id === userId) throw new BadInputError("userId", "You cannot deactivate your own account");
  const user = await requireUser(db, userId);
  if (user.role === "admin" && (await otherActiveAdmins(db, userId)) === 0) {
    throw new ServiceError("This is the last active admin: make someone else admin first", "CONFLICT", "userId");
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ banned: true, banReason: reason ?? null, banExpires: null, updatedAt: actor.now })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}

export async function reactivateUser(db: Db, userId: string, now: Date): Promise<void> {
  await requireUser(db, userId);
  await db
    .update(users)
    .set({ banned: false, banReason: null, banExpires: null, updatedAt: now })
    .where(eq(users.id, userId));
}
