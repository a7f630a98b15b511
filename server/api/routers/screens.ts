// Status screens: thin — validate with the shared schemas, call a screens service as the signed-in editor. Any
// signed-in person may look at the screens; editors create and change them and manage their devices. `pair` is
// public on purpose: a TV types the short code an editor read out and gets its device token (the code authorises;
// limited per client address so codes cannot be guessed).
import { TRPCError } from "@trpc/server";
import { consumeAttempt, type Limit } from "@/server/auth/account-limit";
import { publicUrlFromEnv } from "@/server/alerts/config";
import {
  addDeviceInput,
  createScreenInput,
  deviceIdInput,
  pairInput,
  screenKeyInput,
  updateScreenInput,
} from "@/server/schemas/screens";
import {
  addDevice,
  createPairingCode,
  createScreen,
  getScreen,
  listScreens,
  redeemPairingCode,
  requestReload,
  revokeDevice,
  screenUrl,
  updateScreen,
  type ScreenActor,
} from "@/server/services/screens";
import { createTRPCRouter, editorProcedure, protectedProcedure, publicProcedure, type Context } from "../trpc";

/** Pairing attempts per client address: a 6-letter code from 29 letters is out of reach at this rate. */
export const PAIR_LIMIT: Limit = { windowSeconds: 600, max: 10 };

const actor = (ctx: Context & { user: { id: string } }): ScreenActor => ({ user: ctx.user, now: ctx.now() });
const publicUrl = (ctx: Context) => ctx.alerts?.publicUrl ?? publicUrlFromEnv();

export const screensRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listScreens(ctx.db)),
  get: protectedProcedure.input(screenKeyInput).query(async ({ ctx, input }) => {
    const screen = await getScreen(ctx.db, input.key);
    return { ...screen, url: screenUrl(publicUrl(ctx), screen.key) };
  }),
  create: editorProcedure.input(createScreenInput).mutation(({ ctx, input }) => createScreen(ctx.db, actor(ctx), input)),
  update: editorProcedure.input(updateScreenInput).mutation(({ ctx, input }) => updateScreen(ctx.db, actor(ctx), input)),
  requestReload: editorProcedure.input(screenKeyInput).mutation(({ ctx, input }) => requestReload(ctx.db, actor(ctx), input.key)),
  /** A device token, returned once with the screen's URL carrying it. */
  addDevice: editorProcedure.input(addDeviceInput).mutation(async ({ ctx, input }) => {
    const device = await addDevice(ctx.db, actor(ctx), input);
    return { ...device, url: screenUrl(publicUrl(ctx), device.screenKey, device.token) };
  }),
  createPairingCode: editorProcedure.input(addDeviceInput).mutation(({ ctx, input }) => createPairingCode(ctx.db, actor(ctx), input)),
  revokeDevice: editorProcedure.input(deviceIdInput).mutation(({ ctx, input }) => revokeDevice(ctx.db, actor(ctx), input.deviceId)),
  pair: publicProcedure.input(pairInput).mutation(async ({ ctx, input }) => {
    if (ctx.clientIp && !(await consumeAttempt(ctx.db, `screens-pair:${ctx.clientIp}`, PAIR_LIMIT, ctx.now().getTime()))) {
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many pairing attempts from this address; wait 10 minutes and try again." });
    }
    const paired = await redeemPairingCode(ctx.db, input.code, ctx.now());
    return { screenKey: paired.screenKey, token: paired.token, url: screenUrl(publicUrl(ctx), paired.screenKey, paired.token) };
  }),
});
