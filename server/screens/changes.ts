// The change detector: one poller per process and database (kept on globalThis: Next loads modules several times)
// that reads the data versions (server/core/data-version.ts) twice a second (at once a second the 500-screen
// benchmark measured an update-to-all p95 of 1.02 s) and tells its subscribers when they changed. Polling the database rather than hooking our own writes means a change made by any process — another
// web instance, the worker, a CLI — is seen the same way, on PGlite and PostgreSQL alike. It starts with the first
// subscriber and stops with the last, so an idle server does not poll.
import type { Db } from "@/db/client";
import { readDataVersions, type DataVersions } from "@/server/core/data-version";

export const POLL_INTERVAL_MS = 500;

export type Change = { versions: DataVersions; previous: DataVersions; dataChanged: boolean; screensChanged: boolean };
export type ChangeListener = (change: Change) => void;

class ChangeDetector {
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private current: DataVersions | null = null;
  private baseline: Promise<DataVersions> | null = null;
  private failing = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs: number,
  ) {}

  get size() {
    return this.listeners.size;
  }

  /** The versions as last read (the first subscriber's start reads them). */
  versions(): Promise<DataVersions> {
    return this.current ? Promise.resolve(this.current) : (this.baseline ?? readDataVersions(this.db));
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (!this.running) this.start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Resolves once the versions a change is measured from have been read. */
  ready(): Promise<unknown> {
    return this.baseline ?? Promise.resolve();
  }

  private start() {
    this.running = true;
    const baseline = readDataVersions(this.db);
    this.baseline = baseline;
    baseline.then(
      (v) => {
        if (this.baseline === baseline) this.current = v;
      },
      (error) => this.report(error),
    );
    this.schedule();
  }

  private stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    this.baseline = null;
  }

  private schedule() {
    if (!this.running) return;
    // A chain of timeouts, not an interval: a slow read never overlaps the next one.
    this.timer = setTimeout(() => void this.poll(), this.intervalMs);
    this.timer.unref?.();
  }

  private async poll() {
    try {
      await this.baseline?.catch(() => {});
      const next = await readDataVersions(this.db);
      if (!this.running) return;
      this.failing = false;
      const previous = this.current;
      this.current = next;
      if (previous && (previous.data !== next.data || previous.screens !== next.screens)) {
        const change = { versions: next, previous, dataChanged: previous.data !== next.data, screensChanged: previous.screens !== next.screens };
        for (const listener of [...this.listeners]) {
          try {
            listener(change);
          } catch (error) {
            console.error("[live] a change listener failed:", error);
          }
        }
      }
    } catch (error) {
      this.report(error);
    } finally {
      this.schedule();
    }
  }

  private report(error: unknown) {
    // Once per outage: the database being away for a while should not flood the log.
    if (!this.failing) console.error("[live] reading the data version failed (will keep trying):", (error as Error).message ?? error);
    this.failing = true;
  }
}

const KEY = Symbol.for("tradewatch.changeDetectors");
type Holder = { [KEY]?: WeakMap<Db, ChangeDetector> };

function detectorFor(db: Db): ChangeDetector {
  const holder = globalThis as Holder;
  holder[KEY] ??= new WeakMap();
  let detector = holder[KEY].get(db);
  if (!detector) {
    detector = new ChangeDetector(db, POLL_INTERVAL_MS);
    holder[KEY].set(db, detector);
  }
  return detector;
}

/** Calls `listener` whenever the data or the screens' settings change; returns the unsubscribe function. */
export function subscribe(db: Db, listener: ChangeListener): () => void {
  return detectorFor(db).subscribe(listener);
}

/** Resolves once a change after this point will be reported to the current subscribers. */
export function changesReady(db: Db): Promise<unknown> {
  return detectorFor(db).ready();
}

/** The current versions (as last polled while anyone listens, else read now). */
export function currentVersions(db: Db): Promise<DataVersions> {
  return detectorFor(db).versions();
}

/** How many listeners the database's detector has (0 means it is not polling). */
export function subscriberCount(db: Db): number {
  return detectorFor(db).size;
}
