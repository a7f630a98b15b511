// The signed-in person as the rest of the app sees them: id, email, name and one role.
import { DEFAULT_USER_ROLE, USER_ROLES, type UserRole } from "./constants";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === "string" && (USER_ROLES as readonly string[]).includes(value);
}

/** From better-auth's user record; a deactivated (banned) user has no session user. */
export function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  role?: string | null;
  banned?: boolean | null;
}): SessionUser | null {
  if (user.banned) return null;
  return { id: user.id, email: user.email, name: user.name, role: isUserRole(user.role) ? user.role : DEFAULT_USER_ROLE };
}

/** Roles in increasing power: a role may do everything the roles before it may. */
export function hasRole(user: SessionUser, atLeast: UserRole): boolean {
  const rank = (role: UserRole) => USER_ROLES.length - 1 - USER_ROLES.indexOf(role);
  return rank(user.role) >= rank(atLeast);
}
