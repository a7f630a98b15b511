// A local HTTP server that answers as Slack incoming webhooks, Teams Workflows and webhook receivers do, scripted per
// path: each path has a queue of answers (status, body, headers; "slow" never answers in time; "reset" drops the
// connection), the last one repeating. Every request is recorded with its headers and body.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Scripted = { status: number; body?: string; headers?: Record<string, string> } | "slow" | "reset";
export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

export type Receivers = {
  url: (path: string) => string;
  script: (path: string, answers: Scripted[]) => void;
  received: Received[];
  on: (path: string) => Received[];
  close: () => Promise<void>;
};

export async function startReceivers(): Promise<Receivers> {
  const scripts = new Map<string, Scripted[]>();
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const queue = scripts.get(path) ?? [{ status: 404, body: "no_service" }];
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
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
    received,
    on: (path) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
