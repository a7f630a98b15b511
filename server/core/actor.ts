// Who makes a change, and when: every write service takes an actor (the clock is passed in, never read).
import type { SessionUser } from "./session-user";

/** `user` is null for the command line, jobs and paired TVs: their changes are not audited under anyone's name. */
export type Actor = { user: Pick<SessionUser, "id"> | null; now: Date };

/** A signed-in person (the edit services): every change they make has an audit entry naming them. */
export type SignedInActor = Actor & { user: Pick<SessionUser, "id"> };

/** The actor of a procedure that requires a role (its context has a user). */
export const actorFrom = (ctx: { user: Pick<SessionUser, "id">; now: () => Date }): SignedInActor => ({ user: ctx.user, now: ctx.now() });
