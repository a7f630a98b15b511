// A local HTTP server that answers as Slack incoming webhooks, Teams Workflows and webhook receivers do, scripted per
// path: each path has a queue of answers (status, body, headers; "slow" never answers in time; "reset" drops the
// connection), the last one repeating. Every request is recorded with its headers and body.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Scripted = { status: number; body?: string; headers?: Record<string, string> } | "slow" | "reset";
/** Every path under a prefix answers `ok`, except a deterministic share `rate` of requests that get a 500. */
export type Flaky = { prefix: string; rate: number; ok: Scripted; seed?: number };
export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number; status: number };

export type Receivers = {
  url: (path: string) => string;
  script: (path: string, answers: Scripted[]) => void;
  flaky: (rule: Flaky | null) => void;
  /** Requests answered 2xx, per path. */
  accepted: (prefix: string) => Received[];
  received: Received[];
  on: (path: string) => Received[];
  close: () => Promise<void>;
};

export async function startReceivers(): Promise<Receivers> {
  const scripts = new Map<string, Scripted[]>();
  const received: Received[] = [];
  let flaky: (Flaky & { state: number }) | null = null;
  // mulberry32: the same failures on every run.
  const random = () => {
    let x = (flaky!.state = (flaky!.state + 0x6d2b79f5) >>> 0);
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    // A sender killed mid-request resets the connection: nothing to answer, nothing to record.
    req.on("error", () => {});
    res.on("error", () => {});
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      let answer: Scripted;
      if (flaky && path.startsWith(flaky.prefix)) answer = random() < flaky.rate ? { status: 500, body: "try later" } : flaky.ok;
      else {
        const queue = scripts.get(path) ?? [{ status: 404, body: "no_service" }];
        answer = queue.length > 1 ? queue.shift()! : queue[0]!;
      }
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now(), status: typeof answer === "string" ? 0 : answer.status });
      if (answer === "reset") return req.socket.destroy();
      if (answer === "slow") return; // never answers: the sender's deadline must end it
      res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers }).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    script: (path, answers) => scripts.set(path, [...answers]),
    flaky: (rule) => (flaky = rule ? { ...rule, state: rule.seed ?? 7 } : null),
    accepted: (prefix) => received.filter((r) => r.path.startsWith(prefix) && r.status >= 200 && r.status < 300),
    received,
    on: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
