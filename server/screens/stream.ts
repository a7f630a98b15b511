// GET /api/screens/<key>/events?token=… — a status screen's live feed as Server-Sent Events. Built over injected
// dependencies like the REST handlers (app/api/** only binds them), so tests run it without Next.
//
// Events: `config` (the screen's configuration: first on connect, then when it changes), `snapshot` (what the
// panels show; on connect, then after each data change), `reload` (an editor asked the screen to reload), `revoked`
// (this device's token was revoked; the stream then closes), a `: ping <server time>` comment with a `ping` event
// {serverTime} every 15 s (keeps proxies from closing an idle stream and lets the screen notice silence and keep its
// clock in step), and a `retry: 3000` hint for the browser's automatic reconnection.
//
// For hundreds of screens: one hub per process and database (on globalThis) subscribes once to the change detector;
// a change reads the screens' rows and revoked devices in one query each, computes one snapshot per distinct
// configuration, encodes each event once and writes the same bytes to every open connection of that screen.
import { and, inArray, isNotNull } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { screenDevices, screens } from "@/db/schema";
import { screenSnapshot } from "./snapshot";
import { authenticateDevice, markDevicesSeen, type DeviceRefusal } from "./screens";
import type { ScreenConfig } from "./schemas";
import { changesReady, currentVersions, subscribe, type Change } from "./changes";

export const PING_INTERVAL_MS = 15_000;
export const RETRY_MS = 3000;

export type ScreenStreamDeps = {
  database: () => Promise<Pick<Database, "db">>;
  now: () => Date;
  /** Ping period (tests shorten it). */
  pingMs?: number;
};

const encoder = new TextEncoder();
export const sseEvent = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

const REFUSALS: Record<DeviceRefusal | "missing", string> = {
  missing: "This screen needs its device token: open the URL an editor gave you (…?token=…), or pair this device with a code.",
  unknown: "This device token is not valid for any screen. Ask an editor for the screen's URL or a new pairing code.",
  revoked: "This device was revoked by an editor. Ask an editor for a new pairing code.",
  "other-screen": "This device token belongs to another screen. Open that screen's URL, or ask an editor for this one's.",
};

const unauthorized = (message: string) =>
  new Response(`${message}\n`, { status: 401, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

type Connection = { deviceId: number; controller: ReadableStreamDefaultController<Uint8Array>; closed: boolean };

type Channel = {
  screenId: number;
  key: string;
  config: ScreenConfig;
  configVersion: number;
  reloadRequestedAt: number | null;
  connections: Set<Connection>;
  /** The data version of the last snapshot sent to this screen's connections. */
  sentDataVersion: string | null;
};

function canonical(config: ScreenConfig): string {
  return JSON.stringify({ panels: config.panels.map((p) => p.panel), language: config.language });
}

class ScreenHub {
  private readonly channels = new Map<number, Channel>();
  private unsubscribe: (() => void) | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** Snapshots of the current data version by configuration, shared by every screen with that configuration. */
  private snapshots = new Map<string, Promise<Uint8Array & { dataVersion?: string }>>();
  private snapshotsVersion: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly pingMs: number,
  ) {}

  get connectionCount() {
    let n = 0;
    for (const c of this.channels.values()) n += c.connections.size;
    return n;
  }

  /** The snapshot event for a configuration at data version `version`, computed once. */
  private snapshotFor(config: ScreenConfig, version: string): Promise<{ bytes: Uint8Array; dataVersion: string }> {
    if (this.snapshotsVersion !== version) {
      this.snapshots = new Map();
      this.snapshotsVersion = version;
    }
    const key = canonical(config);
    let entry = this.snapshots.get(key) as Promise<Uint8Array & { dataVersion?: string }> | undefined;
    if (!entry) {
      entry = screenSnapshot(this.db, config, this.now()).then((s) => Object.assign(sseEvent("snapshot", s), { dataVersion: s.dataVersion }));
      entry.catch(() => this.snapshots.delete(key));
      this.snapshots.set(key, entry);
    }
    return entry.then((bytes) => ({ bytes, dataVersion: bytes.dataVersion! }));
  }

  async attach(screen: typeof screens.$inferSelect, deviceId: number, controller: ReadableStreamDefaultController<Uint8Array>): Promise<Connection> {
    if (!this.unsubscribe) {
      this.unsubscribe = subscribe(this.db, (change) => this.enqueue(change));
      this.pingTimer = setInterval(() => void this.ping(), this.pingMs);
      this.pingTimer.unref?.();
    }
    const connection: Connection = { deviceId, controller, closed: false };
    let channel = this.channels.get(screen.id);
    if (!channel) {
      channel = {
        screenId: screen.id,
        key: screen.key,
        config: screen.config,
        configVersion: screen.configVersion,
        reloadRequestedAt: screen.reloadRequestedAt?.getTime() ?? null,
        connections: new Set(),
        sentDataVersion: null,
      };
      this.channels.set(screen.id, channel);
    }
    channel.connections.add(connection);
    try {
      // A change after the detector's baseline is reported; the snapshot reads its data after that point.
      await changesReady(this.db);
      const { data } = await currentVersions(this.db);
      const { bytes, dataVersion } = await this.snapshotFor(channel.config, data);
      channel.sentDataVersion ??= dataVersion;
      // The screen page learns its configuration here (it has only a device token), then gets the data.
      write(connection, sseEvent("config", { configVersion: channel.configVersion, config: channel.config }));
      write(connection, bytes);
    } catch (error) {
      console.error(`[live] first snapshot for screen ${screen.key} failed:`, error);
      this.close(connection, channel);
    }
    return connection;
  }

  detach(connection: Connection) {
    for (const channel of this.channels.values()) {
      if (channel.connections.delete(connection)) {
        if (channel.connections.size === 0) this.channels.delete(channel.screenId);
        break;
      }
    }
    connection.closed = true;
    if (this.channels.size === 0) this.stop();
  }

  private close(connection: Connection, channel?: Channel) {
    if (!connection.closed) {
      connection.closed = true;
      try {
        connection.controller.close();
      } catch {
        // already closed by the client
      }
    }
    if (channel) {
      channel.connections.delete(connection);
      if (channel.connections.size === 0) this.channels.delete(channel.screenId);
    }
    if (this.channels.size === 0) this.stop();
  }

  private stop() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.snapshots = new Map();
    this.snapshotsVersion = null;
  }

  private enqueue(change: Change) {
    // One change at a time, in order: a slow snapshot never interleaves with the next change.
    this.queue = this.queue.then(() => this.apply(change)).catch((error) => console.error("[live] applying a change failed:", error));
  }

  private async apply(change: Change) {
    if (this.channels.size === 0) return;
    const channels = [...this.channels.values()];
    const configChanged = new Set<Channel>();
    if (change.screensChanged) {
      const ids = channels.map((c) => c.screenId);
      const deviceIds = channels.flatMap((c) => [...c.connections].map((k) => k.deviceId));
      const [rows, revoked] = await Promise.all([
        this.db.select().from(screens).where(inArray(screens.id, ids)),
        deviceIds.length
          ? this.db.select({ id: screenDevices.id }).from(screenDevices).where(and(inArray(screenDevices.id, deviceIds), isNotNull(screenDevices.revokedAt)))
          : Promise.resolve([]),
      ]);
      const revokedIds = new Set(revoked.map((r) => r.id));
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const channel of channels) {
        const row = byId.get(channel.screenId);
        for (const connection of [...channel.connections]) {
          if (!row || revokedIds.has(connection.deviceId)) {
            write(connection, sseEvent("revoked", { message: REFUSALS.revoked }));
            this.close(connection, channel);
          }
        }
        if (!row) continue;
        if (row.configVersion !== channel.configVersion) {
          channel.config = row.config;
          channel.configVersion = row.configVersion;
          configChanged.add(channel);
          broadcast(channel, sseEvent("config", { configVersion: row.configVersion, config: row.config }));
        }
        const reloadAt = row.reloadRequestedAt?.getTime() ?? null;
        if (reloadAt !== null && reloadAt !== channel.reloadRequestedAt) {
          broadcast(channel, sseEvent("reload", { requestedAt: row.reloadRequestedAt!.toISOString() }));
        }
        channel.reloadRequestedAt = reloadAt;
      }
    }
    for (const channel of channels) {
      if (channel.connections.size === 0) continue;
      if (!configChanged.has(channel) && channel.sentDataVersion === change.versions.data) continue;
      const { bytes, dataVersion } = await this.snapshotFor(channel.config, change.versions.data);
      channel.sentDataVersion = dataVersion;
      broadcast(channel, bytes);
    }
  }

  private async ping() {
    const at = this.now();
    // A comment for proxies and a `ping` event a browser's EventSource can see (comments never reach it): the
    // screen notices silence and keeps its clock in step with the server's.
    const bytes = encoder.encode(`: ping ${at.toISOString()}\nevent: ping\ndata: ${JSON.stringify({ serverTime: at.toISOString() })}\n\n`);
    const deviceIds: number[] = [];
    for (const channel of this.channels.values()) {
      broadcast(channel, bytes);
      for (const c of channel.connections) deviceIds.push(c.deviceId);
    }
    // Connected devices stay "last seen now" (one statement; each device at most once a minute).
    await markDevicesSeen(this.db, deviceIds, at).catch((error) => console.error("[live] recording devices as seen failed:", error));
  }
}

function write(connection: Connection, bytes: Uint8Array) {
  if (connection.closed) return;
  try {
    connection.controller.enqueue(bytes);
  } catch {
    connection.closed = true; // the client went away; detach follows from its abort
  }
}

function broadcast(channel: Channel, bytes: Uint8Array) {
  for (const connection of channel.connections) write(connection, bytes);
}

const KEY = Symbol.for("tradewatch.screenHubs");
type Holder = { [KEY]?: WeakMap<Db, ScreenHub> };

function hubFor(db: Db, deps: ScreenStreamDeps): ScreenHub {
  const holder = globalThis as Holder;
  holder[KEY] ??= new WeakMap();
  let hub = holder[KEY].get(db);
  if (!hub) {
    hub = new ScreenHub(db, deps.now, deps.pingMs ?? PING_INTERVAL_MS);
    holder[KEY].set(db, hub);
  }
  return hub;
}

/** How many screen streams are open on this database in this process. */
export function openScreenStreams(db: Db): number {
  return (globalThis as Holder)[KEY]?.get(db)?.connectionCount ?? 0;
}

export function createScreenStreamHandler(deps: ScreenStreamDeps) {
  return async (req: Request, key: string): Promise<Response> => {
    const token = new URL(req.url).searchParams.get("token");
    if (!token) return unauthorized(REFUSALS.missing);
    const db = (await deps.database()).db;
    const check = await authenticateDevice(db, key, token, deps.now());
    if (!check.ok) return unauthorized(REFUSALS[check.reason]);

    const hub = hubFor(db, deps);
    let connection: Connection | null = null;
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      if (connection) hub.detach(connection);
    };
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
        connection = await hub.attach(check.screen, check.deviceId, controller);
        if (aborted) hub.detach(connection);
      },
      cancel() {
        req.signal.removeEventListener("abort", onAbort);
        onAbort();
      },
    });
    req.signal.addEventListener("abort", onAbort, { once: true });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-store, no-transform",
        connection: "keep-alive",
        // nginx and similar proxies: pass events through as they come.
        "x-accel-buffering": "no",
      },
    });
  };
}
