// Status screens: thin — validate with the shared schemas, call a screens service as the signed-in editor. Any
// signed-in person may look at the screens; editors create and change them and manage their devices. `pair` is
// public on purpose: a TV types the short code an editor read out and gets its device token (the code authorises;
// limited per client address so codes cannot be guessed).
import { actorFrom as actor } from "@/server/core/actor";
import {
  addDeviceInput,
  createScreenInput,
  deviceIdInput,
  pairInput,
  screenKeyInput,
  updateScreenInput,
} from "./schemas";
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
} from "./screens";
import { createTRPCRouter, editorProcedure, protectedProcedure, publicProcedure } from "@/server/core/trpc";


export const screensRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listScreens(ctx.db)),
  get: protectedProcedure.input(screenKeyInput).query(async ({ ctx, input }) => {
    const screen = await getScreen(ctx.db, input.key);
    return { ...screen, url: screenUrl(ctx.config.alerts.publicUrl, screen.key) };
  }),
  create: editorProcedure.input(createScreenInput).mutation(({ ctx, input }) => createScreen(ctx.db, actor(ctx), input)),
  update: editorProcedure.input(updateScreenInput).mutation(({ ctx, input }) => updateScreen(ctx.db, actor(ctx), input)),
  requestReload: editorProcedure.input(screenKeyInput).mutation(({ ctx, input }) => requestReload(ctx.db, actor(ctx), input.key)),
  /** A device token, returned once with the screen's URL carrying it. */
  addDevice: editorProcedure.input(addDeviceInput).mutation(async ({ ctx, input }) => {
    const device = await addDevice(ctx.db, actor(ctx), input);
    return { ...device, url: screenUrl(ctx.config.alerts.publicUrl, device.screenKey, device.token) };
  }),
  createPairingCode: editorProcedure.input(addDeviceInput).mutation(({ ctx, input }) => createPairingCode(ctx.db, actor(ctx), input)),
  revokeDevice: editorProcedure.input(deviceIdInput).mutation(({ ctx, input }) => revokeDevice(ctx.db, actor(ctx), input.deviceId)),
  pair: publicProcedure.input(pairInput).mutation(async ({ ctx, input }) => {
    const paired = await redeemPairingCode(ctx.db, input.code, ctx.now(), { clientIp: ctx.clientIp });
    return { screenKey: paired.screenKey, token: paired.token, url: screenUrl(ctx.config.alerts.publicUrl, paired.screenKey, paired.token) };
  }),
});
