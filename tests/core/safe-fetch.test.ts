// safeFetch against a local HTTP server: the SSRF guard (schemes, every spelling of private addresses, DNS answers,
// redirects re-checked), the limits (redirect count, size by Content-Length and while streaming, the deadline) and
// what passes (2xx, 304 for conditional requests, gzip). Names are mapped by an injected resolver; nothing leaves
// the machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchPolicy } from "@/server/core/config";
import { blockedRange, FetchRefusedError, safeFetch, type HostResolver } from "@/server/core/safe-fetch";
import { BadInputError } from "@/server/core/errors";

const MB = 1024 * 1024;
let server: http.Server;
let port = 0;
const open = new Set<http.ServerResponse>();

const names: Record<string, string[]> = {
  "news.test": ["127.0.0.1"],
  localhost: ["127.0.0.1", "::1"],
  "intranet.test": ["10.1.2.3"],
  "cgnat.test": ["100.64.0.9"],
  "mixed.test": ["93.184.216.34", "192.168.1.5"],
  "v6local.test": ["fd12::1"],
  "metadata-alias.test": ["169.254.169.254"],
  "public.test": ["93.184.216.34"],
};
const resolver: HostResolver = async (host) => {
  const list = names[host];
  if (!list) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

function policy(over: Partial<FetchPolicy> = {}): FetchPolicy {
  return { allowPrivate: ["news.test"], maxBytes: 5 * MB, timeoutMs: 3000, maxRedirects: 3, ...over };
}

async function refusal(url: string, p: FetchPolicy = policy(), headers?: Record<string, string>): Promise<FetchRefusedError> {
  try {
    await safeFetch({ url, policy: p, lookup: resolver, headers });
  } catch (error) {
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(error).toBeInstanceOf(BadInputError);
    return error as FetchRefusedError;
  }
  throw new Error(`${url} was fetched`);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const u = new URL(req.url ?? "/", "http://x");
    const html = "<html><head><title>Hi</title></head><body><p>Hello</p></body></html>";
    switch (u.pathname) {
      case "/ok":
        res.writeHead(200, { "content-type": "text/html; charset=UTF-8", "x-host-seen": req.headers.host ?? "" });
        return res.end(html);
      case "/to": // redirect to ?u=
        res.writeHead(Number(u.searchParams.get("code") ?? 302), { location: u.searchParams.get("u") ?? "/ok" });
        return res.end();
      case "/loop":
        res.writeHead(301, { location: "/loop" });
        return res.end();
      case "/chain": {
        const n = Number(u.searchParams.get("n"));
        res.writeHead(307, { location: n > 1 ? `/chain?n=${n - 1}` : "/ok" });
        return res.end();
      }
      case "/big-declared":
        res.writeHead(200, { "content-type": "text/html", "content-length": String(6 * MB) });
        return res.write("<p>start</p>");
      case "/big-stream": {
        res.writeHead(200, { "content-type": "text/html" }); // chunked, no Content-Length
        const chunk = Buffer.alloc(256 * 1024, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 7 * MB) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once("drain", pump);
          }
          res.end();
        };
        return pump();
      }
      case "/hang":
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<p>one drop");
        return; // never ends
      case "/etag":
        if (req.headers["if-none-match"] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          return res.end();
        }
        res.writeHead(200, { etag: '"v1"', "content-type": "application/rss+xml" });
        return res.end("<rss/>");
      case "/gzip":
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-encoding": "gzip" });
        return res.end(zlib.gzipSync("compressed words"));
      case "/gzip-bomb":
        res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        return res.end(zlib.gzipSync(Buffer.alloc(8 * MB, "a")));
      case "/missing":
        res.writeHead(404, { "content-type": "text/plain" });
        return res.end("no");
      default:
        res.writeHead(500);
        return res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("addresses refused (no allow-list entry)", () => {
  const cases: [string, string][] = [
    ["http://127.0.0.1:PORT/ok", "loopback"],
    ["http://localhost:PORT/ok", "loopback"],
    ["http://2130706433:PORT/ok", "loopback"], // decimal
    ["http://0177.0.0.1:PORT/ok", "loopback"], // octal
    ["http://0x7f.0.0.1:PORT/ok", "loopback"], // hex
    ["http://127.1:PORT/ok", "loopback"], // short form
    ["http://[::1]:PORT/ok", "loopback"],
    ["http://[::ffff:127.0.0.1]:PORT/ok", "loopback"], // IPv4-mapped
    ["http://[64:ff9b::a00:1]/", "private"], // NAT64 of 10.0.0.1
    ["http://[2002:c0a8:101::1]/", "private"], // 6to4 of 192.168.1.1
    ["http://10.0.0.1/", "private"],
    ["http://172.16.5.4/", "private"],
    ["http://192.168.0.1/", "private"],
    ["http://100.64.0.1/", "carrier-grade NAT"],
    ["http://169.254.10.1/", "link-local"],
    ["http://169.254.169.254/latest/meta-data/", "metadata"],
    ["http://[fe80::1]/", "link-local"],
    ["http://[fc00::1]/", "unique-local"],
    ["http://0.0.0.0/", "unspecified"],
    ["http://[::]/", "unspecified"],
    ["http://224.0.0.1/", "multicast"],
    ["http://255.255.255.255/", "broadcast"],
    ["http://240.0.0.1/", "reserved"],
    ["http://metadata.google.internal/computeMetadata/v1/", "metadata"],
    ["http://intranet.test/", "10.1.2.3"], // DNS answer private
    ["http://cgnat.test/", "100.64.0.9"],
    ["http://mixed.test/", "192.168.1.5"], // one of several answers private
    ["http://v6local.test/", "fd12::1"],
    ["http://metadata-alias.test/", "metadata"],
  ];
  it.each(cases)("%s → %s", async (raw, why) => {
    const error = await refusal(raw.replace("PORT", String(port)), policy({ allowPrivate: [] }));
    expect(error.reason).toBe("address");
    expect(error.field).toBe("url");
    expect(error.message).toContain(why);
    expect(error.message).toMatch(/Refused to fetch http:\/\//);
  });

  it("metadata addresses stay refused even when their network is allowed", async () => {
    const error = await refusal("http://169.254.169.254/", policy({ allowPrivate: ["169.254.0.0/16"] }));
    expect(error.message).toContain("metadata");
  });

  it("classifies public addresses as reachable", () => {
    expect(blockedRange("93.184.216.34")).toBeNull();
    expect(blockedRange("2606:4700::1111")).toBeNull();
    expect(blockedRange("::ffff:8.8.8.8")).toBeNull();
  });
});

describe("schemes", () => {
  it.each(["ftp://news.test/a.html", "file:///etc/passwd", "javascript:alert(1)", "gopher://news.test/", "data:text/html,hi"])(
    "%s is refused naming the scheme",
    async (raw) => {
      const error = await refusal(raw);
      expect(error.reason).toBe("scheme");
      expect(error.message).toContain(new URL(raw).protocol);
      expect(error.message).toContain("only http: and https:");
    },
  );
  it("a non-URL is refused clearly", async () => {
    const error = await refusal("not a url");
    expect(error.message).toContain("is not a URL");
  });
});

describe("allowed host", () => {
  it("reaches a private address through an allowed name, with the original Host header", async () => {
    const res = await safeFetch({ url: `http://news.test:${port}/ok`, policy: policy(), lookup: resolver });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("text/html");
    expect(res.charset).toBe("utf-8");
    expect(res.headers["x-host-seen"]).toBe(`news.test:${port}`);
    expect(new TextDecoder().decode(res.body)).toContain("<p>Hello</p>");
  });

  it("an allowed IP or CIDR lets that address through, and only it", async () => {
    const ok = await safeFetch({ url: `http://127.0.0.1:${port}/ok`, policy: policy({ allowPrivate: ["127.0.0.0/8"] }) });
    expect(ok.status).toBe(200);
    const viaIp = await safeFetch({ url: `http://localhost:${port}/ok`, policy: policy({ allowPrivate: ["127.0.0.1"] }), lookup: async () => [{ address: "127.0.0.1", family: 4 }] });
    expect(viaIp.status).toBe(200);
    const other = await refusal("http://intranet.test/", policy({ allowPrivate: ["127.0.0.1"] }));
    expect(other.reason).toBe("address");
  });

  it("follows redirects and reports the final URL", async () => {
    const res = await safeFetch({ url: `http://news.test:${port}/chain?n=2`, policy: policy(), lookup: resolver });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://news.test:${port}/ok`);
  });

  it("decompresses gzip", async () => {
    const res = await safeFetch({ url: `http://news.test:${port}/gzip`, policy: policy(), lookup: resolver });
    expect(new TextDecoder().decode(res.body)).toBe("compressed words");
  });

  it("passes conditional headers through and returns 304", async () => {
    const first = await safeFetch({ url: `http://news.test:${port}/etag`, policy: policy(), lookup: resolver });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    const again = await safeFetch({
      url: `http://news.test:${port}/etag`,
      policy: policy(),
      lookup: resolver,
      headers: { "If-None-Match": '"v1"', "If-Modified-Since": "Mon, 23 Nov 2026 09:00:00 GMT" },
    });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });
});

describe("redirects re-checked", () => {
  it("from an allowed host to 127.0.0.1 (not itself allowed) is refused", async () => {
    const error = await refusal(`http://news.test:${port}/to?u=${encodeURIComponent(`http://127.0.0.1:${port}/ok`)}`);
    expect(error.reason).toBe("redirect");
    expect(error.message).toContain("127.0.0.1");
    expect(error.message).toContain("loopback");
  });
  it("to the metadata address is refused", async () => {
    const error = await refusal(`http://news.test:${port}/to?u=${encodeURIComponent("http://169.254.169.254/latest/meta-data/")}`);
    expect(error.reason).toBe("redirect");
    expect(error.message).toContain("169.254.169.254");
  });
  it("to a private name is refused, for 301/303/307/308 too", async () => {
    for (const code of [301, 303, 307, 308]) {
      const error = await refusal(`http://news.test:${port}/to?code=${code}&u=${encodeURIComponent("http://intranet.test/")}`);
      expect(error.reason).toBe("redirect");
    }
  });
  it("to file: is refused", async () => {
    const error = await refusal(`http://news.test:${port}/to?u=${encodeURIComponent("file:///etc/passwd")}`);
    expect(error.reason).toBe("redirect");
    expect(error.message).toContain("file:");
  });
  it("too many redirects", async () => {
    const error = await refusal(`http://news.test:${port}/loop`);
    expect(error.reason).toBe("redirect");
    expect(error.message).toContain("more than 3 redirects");
    const within = await safeFetch({ url: `http://news.test:${port}/chain?n=3`, policy: policy(), lookup: resolver });
    expect(within.status).toBe(200);
    const beyond = await refusal(`http://news.test:${port}/chain?n=4`);
    expect(beyond.reason).toBe("redirect");
  });
});

describe("limits", () => {
  it("refuses a body declared larger than 5 MB", async () => {
    const error = await refusal(`http://news.test:${port}/big-declared`);
    expect(error.reason).toBe("too_large");
    expect(error.message).toContain("larger than 5 MB");
  });
  it("stops reading a streamed body beyond 5 MB", async () => {
    const error = await refusal(`http://news.test:${port}/big-stream`);
    expect(error.reason).toBe("too_large");
    expect(error.message).toContain("larger than 5 MB");
  });
  it("counts decompressed bytes (gzip bomb)", async () => {
    const error = await refusal(`http://news.test:${port}/gzip-bomb`);
    expect(error.reason).toBe("too_large");
  });
  it("gives up on a server that never finishes", async () => {
    const started = Date.now();
    const error = await refusal(`http://news.test:${port}/hang`, policy({ timeoutMs: 500 }));
    expect(error.reason).toBe("timeout");
    expect(error.message).toContain("within 0.5 s");
    expect(Date.now() - started).toBeLessThan(3000);
  });
  it("other statuses are errors naming the status", async () => {
    const error = await refusal(`http://news.test:${port}/missing`);
    expect(error.reason).toBe("http_status");
    expect(error.status).toBe(404);
    expect(error.message).toContain("HTTP 404");
  });
  it("unknown hosts and refused connections are network errors", async () => {
    expect((await refusal("http://nowhere.test/")).reason).toBe("network");
    const closed = await refusal("http://127.0.0.1:1/", policy({ allowPrivate: ["127.0.0.1"] }));
    expect(closed.reason).toBe("network");
    expect(closed.message).toContain("ECONNREFUSED");
  });
});

describe("https", () => {
  let tls: https.Server;
  let tlsPort = 0;
  let cert = "";
  const servernames: (string | undefined)[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tw-fetch-tls-"));
    try {
      const made = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", path.join(dir, "k.pem"), "-out", path.join(dir, "c.pem"), "-days", "1", "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test"]);
      if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
      cert = readFileSync(path.join(dir, "c.pem"), "utf8");
      tls = https.createServer({ key: readFileSync(path.join(dir, "k.pem")), cert }, (req, res) => {
        servernames.push((req.socket as import("node:tls").TLSSocket).servername || undefined);
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<p>secure</p>");
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
    tlsPort = (tls.address() as AddressInfo).port;
  });
  afterAll(async () => {
    tls?.closeAllConnections();
    await new Promise((r) => tls?.close(r));
  });

  it("connects to the checked address but verifies the certificate for the original name (SNI sent)", async () => {
    const res = await safeFetch({ url: `https://news.test:${tlsPort}/`, policy: policy(), lookup: resolver, ca: cert });
    expect(new TextDecoder().decode(res.body)).toBe("<p>secure</p>");
    expect(servernames.at(-1)).toBe("news.test");
  });

  it("an untrusted certificate is a network error", async () => {
    const error = await refusal(`https://news.test:${tlsPort}/`);
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/SELF_SIGNED|self-signed/i);
  });

  it("a certificate for another name is refused", async () => {
    const other = async () => [{ address: "127.0.0.1", family: 4 as const }];
    await expect(
      safeFetch({ url: `https://other.test:${tlsPort}/`, policy: policy({ allowPrivate: ["other.test"] }), lookup: other, ca: cert }),
    ).rejects.toThrow(/ERR_TLS_CERT_ALTNAME_INVALID|altname/i);
  });
});
