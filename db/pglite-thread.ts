// PGlite on a worker thread (db/pglite-worker.mjs), behind the part of PGlite's interface that Drizzle uses: query,
// exec and transaction. PostgreSQL's start-up (~0.3 s) and every query then run beside the web server's module
// loading and rendering, on the machine's other core. Transactions keep PGlite's own semantics: a transaction
// holds the database until it ends, and queries outside it wait.
import path from "node:path";
import { Worker } from "node:worker_threads";

type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, (value: string, typeId: number) => unknown> };
type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Message = { op: string; sql?: string; params?: unknown[]; tx?: number; commit?: boolean; rowMode?: string; raw?: number[] };
type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };

const WORKER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "pglite-worker.mjs");
/** Where `npm start`'s preload leaves the thread it started (scripts/early-db.cjs). */
const EARLY = Symbol.for("tradewatch.earlyDatabase");
type Early = { dataDir: string; worker: Worker };

/** The thread `npm start` started for dataDir before Next loaded, if there is one; it is handed out once. */
export function adoptEarlyThread(dataDir: string): PGliteThread | null {
  const holder = globalThis as { [EARLY]?: Early };
  const early = holder[EARLY];
  if (!early || early.dataDir !== path.resolve(dataDir)) return null;
  delete holder[EARLY];
  return new PGliteThread(early.worker);
}

/** Type ids whose parser leaves the text as it is (Drizzle's for dates and intervals); no other parser can cross. */
function rawTypes(parsers: QueryOptions["parsers"]): number[] {
  return Object.entries(parsers ?? {}).map(([oid, parse]) => {
    if (parse("2025-01-01 00:00:00+00", Number(oid)) !== "2025-01-01 00:00:00+00") {
      throw new Error(`PGlite on a thread: the parser for type ${oid} is not the identity; only the identity crosses threads`);
    }
    return Number(oid);
  });
}

/** Queries on the database, or inside one open transaction (`tx`). */
class Connection {
  constructor(
    private readonly send: (message: Message) => Promise<unknown>,
    private readonly tx?: number,
  ) {}

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts: QueryOptions = {}): Promise<Results & { rows: T[] }> {
    return this.send({ op: "query", sql, params, tx: this.tx, rowMode: opts.rowMode, raw: rawTypes(opts.parsers) }) as never;
  }

  exec(sql: string, opts: QueryOptions = {}): Promise<Results[]> {
    return this.send({ op: "exec", sql, tx: this.tx, rowMode: opts.rowMode, raw: rawTypes(opts.parsers) }) as never;
  }
}

export class PGliteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;
  /** Resolves once PostgreSQL has started (saying whether the seeded image was copied in first). */
  readonly waitReady: Promise<{ restored: boolean }>;

  private readonly root = new Connection((m) => this.send(m));

  /** A new thread on dataDir (starting it as a copy of `image` when it holds no database yet), or a started one. */
  constructor(target: { dataDir: string; image?: string | null } | Worker) {
    this.worker = target instanceof Worker ? target : new Worker(WORKER, { workerData: { dataDir: path.resolve(target.dataDir), image: target.image ?? null }, execArgv: [] });
    this.worker.on("message", (reply: Reply) => {
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.error) call.reject(Object.assign(new Error(reply.error.message), reply.error));
      else call.resolve(reply.result);
    });
    const fail = (error: Error) => {
      for (const call of this.waiting.values()) call.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => {
      this.closed = true;
      fail(new Error(`the database thread stopped (exit code ${code})`));
    });
    this.waitReady = this.send({ op: "ready" }) as Promise<{ restored: boolean }>;
    // A database that cannot start leaves no thread behind.
    this.waitReady.catch(() => void this.worker.terminate());
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: QueryOptions): Promise<Results & { rows: T[] }> {
    return this.root.query<T>(sql, params, opts);
  }

  exec(sql: string, opts?: QueryOptions): Promise<Results[]> {
    return this.root.exec(sql, opts);
  }

  private send(message: Message): Promise<unknown> {
    const id = this.nextId++;
    if (this.closed) return Promise.reject(new Error("the database is closed"));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** PGlite's transaction(): `fn` gets a connection inside it; committed when `fn` resolves, rolled back if it throws. */
  async transaction<T>(fn: (tx: Connection) => Promise<T>): Promise<T> {
    const id = this.nextId; // the begin message's id names the transaction
    await this.send({ op: "begin" });
    let result: T;
    try {
      result = await fn(new Connection((m) => this.send(m), id));
    } catch (error) {
      await this.send({ op: "end", tx: id, commit: false });
      throw error;
    }
    await this.send({ op: "end", tx: id, commit: true });
    return result;
  }

  async close(): Promise<void> {
    try {
      await this.send({ op: "close" });
    } finally {
      this.closed = true;
      await this.worker.terminate();
    }
  }
}
