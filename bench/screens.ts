// Status-screen benchmarks (issue: team status screens), on the built app (`next start`, embedded database):
//
// 1. Fan-out: SCREEN_CONNECTIONS (default 500) live connections to one screen's event stream; an editor changes a
//    figure through tRPC SCREEN_UPDATES times; for every connection, the time from the change to the new snapshot
//    arriving (update-to-all latency, target p95 ≤ 1 s); the server's resident memory per connection.
// 2. Soak: the screen page in Chromium fed ≥ 10,000 snapshots (SCREEN_SOAK_UPDATES) through its real EventSource
//    code path (Playwright answers the event-stream request with batches of snapshots made from a real one); JS heap
//    (after a forced GC) and DOM node counts before and after (targets: heap growth < 10 MB, no DOM node growth).
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Route } from "playwright-core";
import { launchBrowser, ROOT, startApp, type AppServer } from "@/tests/helpers/app-server";

const PASSWORD = "bench password 0123456789";
const CONNECTIONS = Number(process.env.SCREEN_CONNECTIONS ?? 500);
const UPDATES = Number(process.env.SCREEN_UPDATES ?? 10);
const SOAK_UPDATES = Number(process.env.SCREEN_SOAK_UPDATES ?? 10_000);
const SOAK_BATCH = 500;

function cli(dataDir: string, script: string, args: string[], stdin = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} ${args.join(" ")} exited ${code}: ${err}`))));
    child.stdin.end(stdin);
  });
}

/** Resident memory of a process and its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, i = 0; p && i < 64; p = parents.get(p), i++) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

type Connection = { snapshots: number[]; close: () => void; firstSnapshot: Promise<void> };

/** One event-stream connection that records when each `snapshot` event arrives (performance.now()). */
function connect(url: string): Connection {
  const controller = new AbortController();
  const snapshots: number[] = [];
  let resolveFirst!: () => void;
  const firstSnapshot = new Promise<void>((r) => (resolveFirst = r));
  void (async () => {
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: "text/event-stream" } });
      if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: snapshot$/m.test(message)) {
            snapshots.push(performance.now());
            if (snapshots.length === 1) resolveFirst();
          }
        }
      }
    } catch (error) {
      if ((error as Error).name !== "AbortError") console.error("connection failed:", (error as Error).message);
    }
  })();
  return { snapshots, close: () => controller.abort(), firstSnapshot };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

async function signInCookie(app: AppServer, email: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: HTTP ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function mutate(app: AppServer, cookie: string, pathName: string, input: unknown) {
  const res = await fetch(`${app.url}/api/trpc/${pathName}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, cookie },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${pathName}: HTTP ${res.status} ${await res.text()}`);
}

export type ScreenBench = {
  fanout: { connections: number; connectMs: number; updates: number; deliveries: number; missing: number; p50Ms: number; p95Ms: number; maxMs: number; rssBeforeMb: number; rssAfterMb: number; bytesPerConnection: number };
  soak: { updates: number; heapBeforeMb: number; heapAfterMb: number; heapGrowthMb: number; nodesBefore: number; nodesAfter: number; listenersBefore: number; listenersAfter: number; shownLast: boolean };
};

/** Round to one decimal of a megabyte. */
const mb1 = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An editor and a screen made through the CLIs, as an operator would; the screen's URL carries its token. */
async function createScreen(dataDir: string): Promise<{ screenUrl: string; key: string; token: string }> {
  await cli(dataDir, "scripts/users.ts", ["create", "--email", "bench-editor@example.org", "--role", "editor"], `${PASSWORD}\n`);
  const screenUrl = (await cli(dataDir, "scripts/screens.ts", ["create", "--name", "Bench wall", "--panels", "deadlines,tariffs,market,support,changes", "--layout", "grid"])).trim().split("\n").at(-1)!;
  const { pathname, searchParams } = new URL(screenUrl);
  return { screenUrl, key: pathname.split("/").at(-1)!, token: searchParams.get("token")! };
}

/** 1. Fan-out: CONNECTIONS screens on one event stream, UPDATES figure edits, each edit's time to every screen. */
async function fanout(app: AppServer, events: string, cookie: string): Promise<ScreenBench["fanout"]> {
  const warm = connect(events);
  await warm.firstSnapshot;
  warm.close();
  await sleep(1000);
  const rssBefore = treeRss(app.pid);
  const t0 = performance.now();
  const conns = Array.from({ length: CONNECTIONS }, () => connect(events));
  await Promise.all(conns.map((c) => c.firstSnapshot));
  const connectMs = performance.now() - t0;
  await sleep(2000);
  const rssAfter = treeRss(app.pid);
  const latencies: number[] = [];
  let missing = 0;
  for (let i = 0; i < UPDATES; i++) {
    const seen = conns.map((c) => c.snapshots.length);
    const sent = performance.now();
    await mutate(app, cookie, "edit.figures.update", { key: "trade-balance-kr-us-2024", title: `Korea–US trade balance 2024 (bench ${i})` });
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && conns.some((c, j) => c.snapshots.length <= seen[j]!)) await sleep(20);
    conns.forEach((c, j) => {
      const arrived = c.snapshots[seen[j]!];
      if (arrived === undefined) missing++;
      else latencies.push(arrived - sent);
    });
    await sleep(1200);
  }
  for (const c of conns) c.close();
  return {
    connections: CONNECTIONS,
    connectMs: Math.round(connectMs),
    updates: UPDATES,
    deliveries: latencies.length,
    missing,
    p50Ms: Math.round(quantile(latencies, 0.5)),
    p95Ms: Math.round(quantile(latencies, 0.95)),
    maxMs: Math.round(Math.max(...latencies)),
    rssBeforeMb: Math.round(rssBefore / 2 ** 20),
    rssAfterMb: Math.round(rssAfter / 2 ** 20),
    bytesPerConnection: Math.round((rssAfter - rssBefore) / CONNECTIONS),
  };
}

/** The real config and one real snapshot payload to vary, read from the stream as text. */
async function realStream(events: string) {
  const sample = connect(events);
  await sample.firstSnapshot;
  sample.close();
  const res = await fetch(events, { headers: { accept: "text/event-stream" } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/event: snapshot\ndata: .*\n\n/.test(text) || !/event: config\ndata: .*\n\n/.test(text)) {
    text += decoder.decode((await reader.read()).value, { stream: true });
  }
  await reader.cancel();
  return {
    real: JSON.parse(/event: snapshot\ndata: (.*)\n\n/.exec(text)![1]!) as Record<string, unknown> & { panels: Record<string, unknown> },
    configEvent: `event: config\ndata: ${/event: config\ndata: (.*)\n\n/.exec(text)![1]!}\n\n`,
  };
}

/** Event-stream answers for the page: batches of snapshots varying the real one's market close, counted. */
function snapshotFeed({ real, configEvent }: Awaited<ReturnType<typeof realStream>>) {
  const feed = { served: 0, target: 0 };
  const batch = (n: number) => {
    let body = `retry: 20\n\n${configEvent}`;
    for (let i = 0; i < n; i++) {
      const k = feed.served + i;
      const market = { ...(real.panels.market as Record<string, unknown>), close: 2500 + (k % 1000) / 10, changePct: ((k % 200) - 100) / 50 };
      const snapshot = { ...real, serverTime: new Date().toISOString(), dataVersion: `bench-${k}`, panels: { ...real.panels, market } };
      body += `event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`;
    }
    feed.served += n;
    return body;
  };
  const answer = (route: Route) => {
    if (feed.served >= feed.target) return route.fulfill({ status: 200, headers: { "content-type": "text/event-stream" }, body: `retry: 20\n\n${configEvent}event: ping\ndata: {"serverTime":"${new Date().toISOString()}"}\n\n` });
    return route.fulfill({ status: 200, headers: { "content-type": "text/event-stream", "cache-control": "no-store" }, body: batch(Math.min(SOAK_BATCH, feed.target - feed.served)) });
  };
  return { feed, answer };
}

/** 2. Soak: the screen page fed SOAK_UPDATES snapshots through its own EventSource; heap and DOM before and after. */
async function soak(app: AppServer, events: string, screenUrl: string): Promise<ScreenBench["soak"]> {
  const { feed, answer } = snapshotFeed(await realStream(events));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.route(/\/api\/screens\/[^/]+\/events/, answer);
    await page.goto(screenUrl.replace(/^https?:\/\/[^/]+/, app.url));
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      const dom = (await cdp.send("Memory.getDOMCounters")) as { nodes: number; jsEventListeners: number };
      return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    const push = async (n: number) => {
      feed.target = feed.served + n;
      const deadline = Date.now() + 600_000;
      while (feed.served < feed.target && Date.now() < deadline) await sleep(100);
      await page.waitForTimeout(1500);
    };
    await push(1000); // warm-up: first renders, fonts, caches
    const before = await measure();
    await push(SOAK_UPDATES);
    const after = await measure();
    const lastClose = 2500 + ((feed.served - 1) % 1000) / 10;
    const bodyText = ((await page.locator("body").textContent()) ?? "").replace(/[,\s]/g, "");
    const shownLast = bodyText.includes(lastClose.toFixed(2));
    if (!shownLast && process.env.SCREEN_DEBUG) {
      console.log("expected", lastClose.toFixed(2), "in", page.url(), bodyText.slice(-800));
      await page.screenshot({ path: "/tmp/bench-screen.png" });
    }
    return {
      updates: feed.served - 1000,
      heapBeforeMb: mb1(before.heap),
      heapAfterMb: mb1(after.heap),
      heapGrowthMb: mb1(after.heap - before.heap),
      nodesBefore: before.nodes,
      nodesAfter: after.nodes,
      listenersBefore: before.listeners,
      listenersAfter: after.listeners,
      shownLast,
    };
  } finally {
    await browser.close();
  }
}

export async function benchScreens(): Promise<ScreenBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "tw-bench-screens-"));
  let app: AppServer | null = null;
  try {
    const { screenUrl, key, token } = await createScreen(dataDir);
    app = await startApp({ dataDir });
    const events = `${app.url}/api/screens/${key}/events?token=${encodeURIComponent(token)}`;
    const cookie = await signInCookie(app, "bench-editor@example.org");
    return { fanout: await fanout(app, events, cookie), soak: await soak(app, events, screenUrl) };
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchScreens().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
