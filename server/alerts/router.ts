// Email alerts: thin — validate with the shared schemas, call an alerts service, map errors (server/core/trpc.ts).
// The public procedures are authorised by signed links (confirm, unsubscribe, manage) or open like a sign-up form
// (subscribe, which reveals nothing about the address and is limited per client address); the rest is admin-only.
import { linksFor } from "./deliver";
import {
  addFromManageLink,
  confirmFromLink,
  manageView,
  requestSubscription,
  setActiveFromManageLink,
  setPreferencesFromManageLink,
  setQuietFromManageLink,
} from "./self-service";
import {
  listSubscribers,
  notificationHistory,
  outbox,
  outboxCounts,
  outboxEmail,
  sendTestEmail,
  setSubscriptionActive,
  unsubscribe,
} from "./subscriptions";
import {
  adminSetActiveInput,
  addMuteInput,
  adminPageInput,
  contactPointIdInput,
  contactPointQuietInput,
  muteIdInput,
  createContactPointInput,
  updateContactPointInput,
  emailIdInput,
  historyInput,
  manageAddChannelInput,
  manageAddInput,
  manageRemoveChannelInput,
  managePreferencesInput,
  manageQuietInput,
  manageSetActiveInput,
  outboxInput,
  sendTestInput,
  subscribeInput,
  tokenInput,
} from "./schemas";
import { jobStatus } from "@/server/core/jobs";
import { NotFoundError } from "@/server/core/errors";
import { actorFrom } from "@/server/core/actor";
import { addOwnChannel, removeOwnChannel } from "./own-channels";
import { addMute, contactPointHistory, createContactPoint, deleteContactPoint, deleteMute, listContactPoints, listMutes, sendContactPointTest, setContactPointQuiet, updateContactPoint } from "./contact-points";
import type { AlertsConfig } from "@/server/core/config";
import { adminProcedure, createTRPCRouter, publicProcedure, readProcedure } from "@/server/core/trpc";

/** The app-relative manage link of a subscriber (for the confirm and unsubscribe pages). */
function managePath(config: AlertsConfig, subscriber: { id: number; linkVersion: number }): string {
  const links = linksFor(config, subscriber);
  return links.manage.slice(links.dashboard.length);
}

const manageRouter = createTRPCRouter({
  get: publicProcedure.input(tokenInput).query(({ ctx, input }) => manageView(ctx.db, ctx.config.alerts, input.token, ctx.now())),
  setActive: publicProcedure
    .input(manageSetActiveInput)
    .mutation(({ ctx, input }) => setActiveFromManageLink(ctx.db, ctx.config.alerts, input.token, input.subscriptionId, input.active, ctx.now())),
  add: publicProcedure
    .input(manageAddInput)
    .mutation(({ ctx, input }) => addFromManageLink(ctx.db, ctx.config.alerts, input.token, input.subscription, ctx.now())),
  /** Their own Slack/Teams/webhook channel for one subscription; a webhook's signing secret is returned this once. */
  addChannel: publicProcedure
    .input(manageAddChannelInput)
    .mutation(({ ctx, input }) => addOwnChannel(ctx.db, ctx.config.alerts, input.token, input, ctx.now())),
  removeChannel: publicProcedure.input(manageRemoveChannelInput).mutation(async ({ ctx, input }) => {
    await removeOwnChannel(ctx.db, ctx.config.alerts, input.token, input.id, ctx.now());
    return { ok: true as const };
  }),
  setQuietHours: publicProcedure.input(manageQuietInput).mutation(async ({ ctx, input }) => {
    const { token, ...quiet } = input;
    await setQuietFromManageLink(ctx.db, ctx.config.alerts, token, quiet, ctx.now());
    return { ok: true as const };
  }),
  setPreferences: publicProcedure.input(managePreferencesInput).mutation(async ({ ctx, input }) => {
    const { token, ...prefs } = input;
    await setPreferencesFromManageLink(ctx.db, ctx.config.alerts, token, prefs, ctx.now());
    return { ok: true as const };
  }),
});

const adminRouter = createTRPCRouter({
  /** A page of the subscribers (by email) with their subscriptions, and how many there are. */
  subscribers: adminProcedure.input(adminPageInput).query(({ ctx, input }) => listSubscribers(ctx.db, input)),
  setSubscriptionActive: adminProcedure
    .input(adminSetActiveInput)
    .mutation(({ ctx, input }) => setSubscriptionActive(ctx.db, input.subscriberId, input.subscriptionId, input.active)),
  /** "Why did or didn't I get this?": each notification with its status, reason and email delivery. */
  history: adminProcedure.input(historyInput).query(({ ctx, input }) => notificationHistory(ctx.db, input)),
  /** The outbox without the bodies (see `email` for one with them), and how many emails are in each status. */
  outbox: adminProcedure.input(outboxInput).query(async ({ ctx, input }) => {
    const [emails, counts] = await Promise.all([outbox(ctx.db, input), outboxCounts(ctx.db)]);
    return { emails, counts };
  }),
  email: adminProcedure.input(emailIdInput).query(({ ctx, input }) => outboxEmail(ctx.db, input.id)),
  sendTest: adminProcedure.input(sendTestInput).mutation(({ ctx, input }) => sendTestEmail(ctx.db, ctx.config.alerts, input, ctx.now())),
  jobs: adminProcedure.query(async ({ ctx }) => jobStatus(ctx.db, (await ctx.jobs?.()) ?? [])),
  contactPoints: createTRPCRouter({
    /** Team contact points without their URLs or secrets (a hint only). */
    list: adminProcedure.input(adminPageInput).query(({ ctx, input }) => listContactPoints(ctx.db, input)),
    /** One of them, as the list shows it (NOT_FOUND for an unknown id). */
    get: adminProcedure.input(contactPointIdInput).query(async ({ ctx, input }) => {
      const [point] = (await listContactPoints(ctx.db, { offset: 0, limit: 1, id: input.id })).points;
      if (!point) throw new NotFoundError("This contact point");
      return point;
    }),
    /** Returns the id and, for a webhook, its signing secret: shown this once, never again. */
    create: adminProcedure.input(createContactPointInput).mutation(({ ctx, input }) => createContactPoint(ctx.db, ctx.config.alerts, actorFrom(ctx), input)),
    update: adminProcedure.input(updateContactPointInput).mutation(async ({ ctx, input }) => {
      await updateContactPoint(ctx.db, ctx.config.alerts, actorFrom(ctx), input);
      return { ok: true as const };
    }),
    delete: adminProcedure.input(contactPointIdInput).mutation(async ({ ctx, input }) => {
      await deleteContactPoint(ctx.db, actorFrom(ctx), input.id);
      return { ok: true as const };
    }),
    sendTest: adminProcedure.input(contactPointIdInput).mutation(({ ctx, input }) => sendContactPointTest(ctx.db, ctx.config.alerts, input.id, ctx.now())),
    history: adminProcedure.input(contactPointIdInput).query(({ ctx, input }) => contactPointHistory(ctx.db, input.id)),
    setQuietHours: adminProcedure.input(contactPointQuietInput).mutation(async ({ ctx, input }) => {
      await setContactPointQuiet(ctx.db, actorFrom(ctx), input);
      return { ok: true as const };
    }),
    mutes: adminProcedure.input(contactPointIdInput).query(({ ctx, input }) => listMutes(ctx.db, input.id)),
    addMute: adminProcedure.input(addMuteInput).mutation(({ ctx, input }) => addMute(ctx.db, actorFrom(ctx), input)),
    deleteMute: adminProcedure.input(muteIdInput).mutation(async ({ ctx, input }) => {
      await deleteMute(ctx.db, actorFrom(ctx), input.id);
      return { ok: true as const };
    }),
  }),
  /** Whether mail goes out (SMTP_URL set) or is held in the outbox for the preview. */
  delivery: adminProcedure.query(({ ctx }) => ({ smtp: ctx.config.alerts.mailer !== null })),
});

export const alertsRouter = createTRPCRouter({
  /**
   * The subscribe form. Open like a sign-up form (and to readers only when READ_ACCESS=signed-in: emails carry the
   * dashboard's content); the answer is the same whatever the address, always "check your inbox".
   */
  subscribe: readProcedure.input(subscribeInput).mutation(async ({ ctx, input }) => {
    await requestSubscription(ctx.db, ctx.config.alerts, input, ctx.now(), { clientIp: ctx.clientIp });
    return { checkInbox: true as const };
  }),
  /** The confirm link's button (a POST: link scanners that prefetch the page confirm nothing). */
  confirm: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    const s = await confirmFromLink(ctx.db, ctx.config.alerts, input.token, ctx.now());
    return { email: s.email, manage: managePath(ctx.config.alerts, s) };
  }),
  unsubscribe: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    const s = await unsubscribe(ctx.db, ctx.config.alerts, input.token, ctx.now());
    return { email: s.email, unsubscribedAt: s.unsubscribedAt!, manage: managePath(ctx.config.alerts, s) };
  }),
  manage: manageRouter,
  admin: adminRouter,
});
