// Status screens: named configurations shown on TVs, and the devices allowed to show them. A device holds a
// read-only token for one screen (only its SHA-256 is stored; shown once), got either directly from an editor or by
// typing a short pairing code on the TV. Editors' changes are audited like other edits (record type "screen").
import { createHash, randomBytes, randomInt } from "node:crypto";
import { and, asc, count, eq, gt, inArray, isNull, isNotNull, lt, max, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { screenDevices, screens } from "@/db/schema";
import {
  formatPairingCode,
  normalizePairingCode,
  PAIRING_ALPHABET,
  PAIRING_CODE_LENGTH,
} from "./rules";
import { screenConfig, slugify, type ScreenConfig, type ScreenConfigInput } from "./schemas";
import { inTransaction, type Tx } from "@/server/core/transactions";
import { writeAudit } from "@/server/core/audit";
import { MAX_LISTED_DEVICES, MAX_SCREENS } from "./constants";
import type { Actor } from "@/server/core/actor";
import { enforceLimit, type Limit } from "@/server/core/rate-limit";
import { BadInputError, NotFoundError, ServiceError } from "@/server/core/errors";


/** Pairing attempts per client address: a 6-letter code from 29 letters is out of reach at this rate. */
export const PAIR_LIMIT: Limit = { windowSeconds: 600, max: 10 };
export const MAX_ACTIVE_DEVICES_PER_SCREEN = 50;
export const PAIRING_CODE_MINUTES = 10;
/** last_seen_at is written at most this often per device. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
const TOKEN_PREFIX = "tws_";
export const MAX_DEVICE_TOKEN_LENGTH = 200;

export type Screen = typeof screens.$inferSelect;
export type ScreenDeviceRow = {
  id: number;
  screenId: number;
  label: string;
  /** Paired: has a token. Otherwise a pairing code waits to be typed (until pairingExpiresAt). */
  paired: boolean;
  pairingExpiresAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
};

const deviceColumns = {
  id: screenDevices.id,
  screenId: screenDevices.screenId,
  label: screenDevices.label,
  paired: sql<boolean>`${screenDevices.tokenHash} is not null`,
  pairingExpiresAt: screenDevices.pairingExpiresAt,
  createdAt: screenDevices.createdAt,
  lastSeenAt: screenDevices.lastSeenAt,
  revokedAt: screenDevices.revokedAt,
};

export const hashDeviceToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
const newDeviceToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

/** The screen's page for a device: where a TV is pointed. */
export function screenUrl(publicUrl: string, key: string, token?: string): string {
  const base = `${publicUrl.replace(/\/+$/, "")}/screen/${encodeURIComponent(key)}`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

/** JSON with sorted keys: jsonb does not keep key order, so configurations are compared in this form. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const audit = writeAudit;

async function screenByKey(db: Db | Tx, key: string, forUpdate = false): Promise<Screen> {
  const query = db.select().from(screens).where(eq(screens.key, key));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Screen "${key}"`);
  return row;
}

/** Creates a screen; its key is the given one or the slug of its name ("War room Seoul" → "war-room-seoul"). */
export async function createScreen(db: Db, actor: Actor, input: ScreenConfigInput & { key?: string }): Promise<Screen> {
  const { key: givenKey, ...rest } = input;
  const config = screenConfig.parse(rest);
  // A name with nothing usable in a URL (e.g. only Hangul) gets a neutral key.
  const key = givenKey ?? (slugify(config.name) || `screen-${randomBytes(4).toString("hex")}`);
  return inTransaction(db, async (tx) => {
    const [taken] = await tx.select({ id: screens.id }).from(screens).where(eq(screens.key, key));
    const [made] = await tx.select({ n: count() }).from(screens);
    if (Number(made?.n ?? 0) >= MAX_SCREENS) {
      throw new ServiceError(`There are ${MAX_SCREENS} screens already, the most there can be: delete one first`, "CONFLICT", "name");
    }
    if (taken) {
      throw new ServiceError(`A screen with the key "${key}" already exists; choose another name or give a key`, "CONFLICT", givenKey ? "key" : "name");
    }
    const [row] = await tx
      .insert(screens)
      .values({ key, name: config.name, config, configVersion: 1, createdBy: actor.user?.id ?? null, createdAt: actor.now, updatedAt: actor.now })
      .returning();
    await audit(tx, actor, { action: "create", recordType: "screen", recordKey: key, after: { name: config.name, config } });
    return row!;
  });
}

/** Replaces a screen's configuration and bumps its config_version (open screens get it as a `config` event). */
export async function updateScreen(db: Db, actor: Actor, input: { key: string; config: ScreenConfigInput }): Promise<Screen> {
  const config = screenConfig.parse(input.config);
  return inTransaction(db, async (tx) => {
    const old = await screenByKey(tx, input.key, true);
    if (canonical(old.config) === canonical(config)) {
      throw new BadInputError("config", "Nothing changed: this is the screen's current configuration");
    }
    const [row] = await tx
      .update(screens)
      .set({ name: config.name, config, configVersion: sql`${screens.configVersion} + 1`, updatedAt: actor.now })
      .where(eq(screens.id, old.id))
      .returning();
    await audit(tx, actor, {
      action: "update",
      recordType: "screen",
      recordKey: input.key,
      before: { name: old.name, config: old.config, configVersion: old.configVersion },
      after: { name: row!.name, config: row!.config, configVersion: row!.configVersion },
    });
    return row!;
  });
}

export type ScreenSummary = Screen & { activeDevices: number; lastSeenAt: Date | null };

/** Every screen with how many devices may show it and when one of them was last seen. */
export async function listScreens(db: Db): Promise<ScreenSummary[]> {
  const active = db
    .select({ screenId: screenDevices.screenId, n: count().as("n"), lastSeenAt: max(screenDevices.lastSeenAt).as("last_seen_at") })
    .from(screenDevices)
    .where(and(isNull(screenDevices.revokedAt), isNotNull(screenDevices.tokenHash)))
    .groupBy(screenDevices.screenId)
    .as("active");
  const rows = await db
    .select({ screen: screens, n: active.n, lastSeenAt: active.lastSeenAt })
    .from(screens)
    .leftJoin(active, eq(active.screenId, screens.id))
    .orderBy(asc(screens.name), asc(screens.id))
    .limit(MAX_SCREENS);
  return rows.map((r) => ({ ...r.screen, activeDevices: Number(r.n ?? 0), lastSeenAt: r.lastSeenAt ? new Date(r.lastSeenAt) : null }));
}

/** One screen with its devices (never a token or its hash). */
export async function getScreen(db: Db, key: string): Promise<Screen & { devices: ScreenDeviceRow[] }> {
  const screen = await screenByKey(db, key);
  const devices = await db
    .select(deviceColumns)
    .from(screenDevices)
    .where(eq(screenDevices.screenId, screen.id))
    // Active ones first, in the order they were added (at most MAX_ACTIVE_DEVICES_PER_SCREEN), then the most recently
    // revoked.
    .orderBy(sql`${screenDevices.revokedAt} is null desc`, sql`case when ${screenDevices.revokedAt} is null then ${screenDevices.id} else -${screenDevices.id} end`)
    .limit(MAX_LISTED_DEVICES);
  return { ...screen, devices };
}

/** Asks every open copy of the screen to reload its page (a `reload` event). */
export async function requestReload(db: Db, actor: Actor, key: string): Promise<Screen> {
  return inTransaction(db, async (tx) => {
    const screen = await screenByKey(tx, key, true);
    const [row] = await tx.update(screens).set({ reloadRequestedAt: actor.now, updatedAt: actor.now }).where(eq(screens.id, screen.id)).returning();
    await audit(tx, actor, { action: "update", recordType: "screen", recordKey: key, note: "reload requested" });
    return row!;
  });
}

async function checkDeviceRoom(tx: Tx, screenId: number, now: Date) {
  // Active = not revoked, and either paired or holding a code that still works.
  const [active] = await tx
    .select({ n: count() })
    .from(screenDevices)
    .where(
      and(
        eq(screenDevices.screenId, screenId),
        isNull(screenDevices.revokedAt),
        or(isNotNull(screenDevices.tokenHash), gt(screenDevices.pairingExpiresAt, now)),
      ),
    );
  if ((active?.n ?? 0) >= MAX_ACTIVE_DEVICES_PER_SCREEN) {
    throw new BadInputError("label", `This screen already has ${MAX_ACTIVE_DEVICES_PER_SCREEN} devices; revoke one that is no longer used first`);
  }
}

/** A new device for the screen; the returned `token` is the only time it is seen in clear. */
export async function addDevice(
  db: Db,
  actor: Actor,
  input: { key: string; label: string },
): Promise<ScreenDeviceRow & { token: string; screenKey: string }> {
  return inTransaction(db, async (tx) => {
    const screen = await screenByKey(tx, input.key, true);
    await checkDeviceRoom(tx, screen.id, actor.now);
    const token = newDeviceToken();
    const [row] = await tx
      .insert(screenDevices)
      .values({ screenId: screen.id, label: input.label, tokenHash: hashDeviceToken(token), createdAt: actor.now })
      .returning(deviceColumns);
    await audit(tx, actor, { action: "update", recordType: "screen", recordKey: input.key, note: `device #${row!.id} "${input.label}" added` });
    return { ...row!, token, screenKey: screen.key };
  });
}

function newPairingCode(): string {
  let code = "";
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/**
 * A short code ("K7M-42Q") an editor reads out and someone types on the TV once, within PAIRING_CODE_MINUTES; the
 * TV exchanges it for its device token (redeemPairingCode). The device exists from now on (revocable like any).
 */
export async function createPairingCode(
  db: Db,
  actor: Actor,
  input: { key: string; label: string },
): Promise<ScreenDeviceRow & { code: string; expiresAt: Date; screenKey: string }> {
  const expiresAt = new Date(actor.now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  return inTransaction(db, async (tx) => {
    const screen = await screenByKey(tx, input.key, true);
    await checkDeviceRoom(tx, screen.id, actor.now);
    // Codes are unique across all devices ever paired (a used code is kept to say "already used"); a clash of
    // random codes is rare, so a few fresh draws settle it.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newPairingCode();
      const [row] = await tx
        .insert(screenDevices)
        .values({ screenId: screen.id, label: input.label, pairingCode: code, pairingExpiresAt: expiresAt, createdAt: actor.now })
        .onConflictDoNothing({ target: screenDevices.pairingCode })
        .returning(deviceColumns);
      if (!row) continue;
      await audit(tx, actor, { action: "update", recordType: "screen", recordKey: input.key, note: `pairing code for device #${row.id} "${input.label}"` });
      return { ...row, code: formatPairingCode(code), expiresAt, screenKey: screen.key };
    }
    throw new ServiceError("Could not draw a free pairing code; try again", "CONFLICT");
  });
}

const PAIRING_REFUSED = {
  unknown: "This pairing code is not valid: check it and type it again (letters and digits, e.g. K7M-42Q), or ask an editor for a new one",
  expired: `This pairing code has expired (codes work for ${PAIRING_CODE_MINUTES} minutes); ask an editor for a new one`,
  used: "This pairing code was already used; ask an editor for a new one",
  revoked: "This device was revoked; ask an editor for a new pairing code",
} as const;

/** Exchanges a pairing code for the device's token (once). A wrong, expired or used code is a BAD_REQUEST saying which. */
export async function redeemPairingCode(
  db: Db,
  typed: string,
  now: Date,
  { clientIp }: { clientIp?: string | null } = {},
): Promise<{ screenKey: string; token: string; deviceId: number }> {
  if (clientIp) {
    const message = "Too many pairing attempts from this address; wait 10 minutes and try again.";
    await enforceLimit(db, `screens-pair:${clientIp}`, PAIR_LIMIT, now, message);
  }
  const code = normalizePairingCode(typed);
  if (!code) throw new BadInputError("code", PAIRING_REFUSED.unknown);
  const token = newDeviceToken();
  // One atomic update: of two TVs typing the same code at once, one gets the token.
  const [paired] = await db
    .update(screenDevices)
    .set({ tokenHash: hashDeviceToken(token), lastSeenAt: now })
    .where(
      and(
        eq(screenDevices.pairingCode, code),
        isNull(screenDevices.tokenHash),
        isNull(screenDevices.revokedAt),
        gt(screenDevices.pairingExpiresAt, now),
      ),
    )
    .returning({ id: screenDevices.id, screenId: screenDevices.screenId });
  if (paired) {
    const [screen] = await db.select({ key: screens.key }).from(screens).where(eq(screens.id, paired.screenId));
    return { screenKey: screen!.key, token, deviceId: paired.id };
  }
  const [device] = await db
    .select({ tokenHash: screenDevices.tokenHash, revokedAt: screenDevices.revokedAt })
    .from(screenDevices)
    .where(eq(screenDevices.pairingCode, code));
  const reason = !device ? "unknown" : device.revokedAt ? "revoked" : device.tokenHash ? "used" : "expired";
  throw new BadInputError("code", PAIRING_REFUSED[reason]);
}

/** Revokes a device (again is a no-op); its open streams get `revoked` and close. */
export async function revokeDevice(db: Db, actor: Actor, deviceId: number): Promise<ScreenDeviceRow & { screenKey: string }> {
  return inTransaction(db, async (tx) => {
    const [found] = await tx
      .select({ device: deviceColumns, key: screens.key })
      .from(screenDevices)
      .innerJoin(screens, eq(screens.id, screenDevices.screenId))
      .where(eq(screenDevices.id, deviceId))
      .for("update");
    if (!found) throw new NotFoundError(`Screen device ${deviceId}`);
    if (found.device.revokedAt) return { ...found.device, screenKey: found.key };
    const [row] = await tx.update(screenDevices).set({ revokedAt: actor.now }).where(eq(screenDevices.id, deviceId)).returning(deviceColumns);
    // Also marks the screen as changed, so the change detector notices the revocation.
    await tx.update(screens).set({ updatedAt: actor.now }).where(eq(screens.key, found.key));
    await audit(tx, actor, { action: "update", recordType: "screen", recordKey: found.key, note: `device #${deviceId} "${found.device.label}" revoked` });
    return { ...row!, screenKey: found.key };
  });
}

export type DeviceRefusal = "unknown" | "revoked" | "other-screen";
export type DeviceCheck = { ok: true; screen: Screen; deviceId: number } | { ok: false; reason: DeviceRefusal };

/**
 * Checks a device token against the screen in the URL. A good token records the device as seen (at most once a
 * minute, so hundreds of screens reconnecting do not turn into a write each).
 */
export async function authenticateDevice(db: Db, screenKey: string, token: string, now: Date): Promise<DeviceCheck> {
  if (token.length === 0 || token.length > MAX_DEVICE_TOKEN_LENGTH) return { ok: false, reason: "unknown" };
  const [row] = await db
    .select({ device: { id: screenDevices.id, revokedAt: screenDevices.revokedAt, lastSeenAt: screenDevices.lastSeenAt }, screen: screens })
    .from(screenDevices)
    .innerJoin(screens, eq(screens.id, screenDevices.screenId))
    .where(eq(screenDevices.tokenHash, hashDeviceToken(token)));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.device.revokedAt) return { ok: false, reason: "revoked" };
  if (row.screen.key !== screenKey) return { ok: false, reason: "other-screen" };
  if (!row.device.lastSeenAt || now.getTime() - row.device.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await markDevicesSeen(db, [row.device.id], now);
  }
  return { ok: true, screen: row.screen, deviceId: row.device.id };
}

/** Records that devices are still connected (one statement for all; skips those seen within the last minute). */
export async function markDevicesSeen(db: Db, deviceIds: readonly number[], now: Date): Promise<void> {
  if (deviceIds.length === 0) return;
  const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS + 1);
  await db
    .update(screenDevices)
    .set({ lastSeenAt: now })
    .where(
      and(
        inArray(screenDevices.id, [...deviceIds]),
        or(isNull(screenDevices.lastSeenAt), lt(screenDevices.lastSeenAt, stale)),
      ),
    );
}

export type { ScreenConfig };
