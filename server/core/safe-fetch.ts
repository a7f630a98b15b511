// Server-side fetching of untrusted URLs (articles, feeds, market data): the SSRF guard and the limits.
//  - http: and https: only;
//  - the host is resolved here, every address checked (loopback, private, CGNAT, link-local, unique-local,
//    unspecified, multicast, broadcast, reserved, and those wrapped in IPv4-mapped / NAT64 / 6to4 IPv6), and the
//    connection goes to the address that was checked (no second resolution, so no DNS-rebinding window) while the
//    Host header and the TLS server name stay the original name;
//  - redirects are followed by hand, each hop checked again, at most policy.maxRedirects;
//  - one deadline (policy.timeoutMs) for the whole exchange, body included; policy.maxBytes on Content-Length and
//    while reading (after decompression);
//  - policy.allowPrivate (FETCH_ALLOW_PRIVATE) names hosts, addresses or CIDR networks that may be reached although
//    they are not public. Cloud metadata endpoints are refused whatever it says.
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { BadInputError } from "./errors";
import type { FetchPolicy } from "./config";

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to all its addresses (injectable so tests can map names without a DNS server). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type SafeFetchRequest = {
  url: string;
  policy: FetchPolicy;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for conditional feed requests. */
  headers?: Record<string, string>;
  /** The Accept header; default: HTML, XML and text. */
  accept?: string;
  userAgent?: string;
  /** DNS resolution; default: the system resolver (all addresses). */
  lookup?: HostResolver;
  /** Extra trusted CA certificates (PEM) for https, e.g. a test server's; the system CAs otherwise. */
  ca?: string;
};

export type SafeFetchResponse = {
  /** The URL finally answered, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The body (empty for 304), at most policy.maxBytes. */
  body: Uint8Array;
  contentType: string | null;
  charset: string | null;
};

export const FETCH_REFUSAL_REASONS = ["scheme", "address", "redirect", "too_large", "timeout", "http_status", "network"] as const;
export type FetchRefusalReason = (typeof FETCH_REFUSAL_REASONS)[number];

/** A URL that was not fetched, or whose answer was not accepted; the message names the URL or host and why. */
export class FetchRefusedError extends BadInputError {
  constructor(
    readonly reason: FetchRefusalReason,
    message: string,
    /** The HTTP status, for reason "http_status". */
    readonly status?: number,
    /** The answer's headers (lower-case names), for reason "http_status": Retry-After on 429/503. */
    readonly headers?: Record<string, string>,
  ) {
    super("url", message);
    this.name = "FetchRefusedError";
  }
}

const DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
export const DEFAULT_USER_AGENT = "Tradewatch/1.0 (news ingestion; +https://github.com/)";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Names that point at cloud instance metadata services; refused whatever FETCH_ALLOW_PRIVATE says. */
const METADATA_HOSTS = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "metadata.azure.com",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.packet.net",
  "metadata.platformequinix.com",
  "metadata.tencentyun.com",
  "100-100-100-200.aliyun.com",
]);
/** Metadata addresses (AWS/GCP/Azure 169.254.169.254, AWS IPv6, Alibaba, Oracle); refused whatever the allow-list. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "169.254.170.2", "192.0.0.192"]);

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Host name without IPv6 brackets or a trailing dot, lower-case. */
function bareHost(hostname: string): string {
  let host = hostname.toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  if (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

/**
 * The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64
 * 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002:AABB:CCDD::/48), or null.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  if (p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 && (p[6] !== 0 || p[7]! > 1)) {
    return v4(p[6]!, p[7]!); // deprecated IPv4-compatible ::a.b.c.d
  }
  if (p[0] === 0x64 && p[1] === 0xff9b && (p[2] === 0 || p[2] === 1)) return v4(p[6]!, p[7]!);
  if (p[0] === 0x2002) return v4(p[1]!, p[2]!);
  return null;
}

/** Why an address may not be reached (its range), or null when it is a public unicast address. */
export function blockedRange(raw: string): string | null {
  if (!ipaddr.isValid(raw)) return "not an IP address";
  const address = ipaddr.parse(raw);
  if (address.kind() === "ipv6") {
    const inner = embeddedIPv4(address as ipaddr.IPv6);
    if (inner) {
      const why = blockedRange(inner.toString());
      return why ? `${why} (inside ${raw})` : null;
    }
  }
  const range = address.range();
  if (range === "unicast") return null;
  const names: Record<string, string> = {
    loopback: "loopback",
    private: "private",
    carrierGradeNat: "carrier-grade NAT (private)",
    linkLocal: "link-local",
    uniqueLocal: "unique-local (private)",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "broadcast",
    reserved: "reserved",
  };
  return names[range] ?? `special-purpose (${range})`;
}

function inAllowList(host: string, address: string, allow: string[]): boolean {
  const parsed = ipaddr.parse(address);
  const candidates = [parsed];
  if (parsed.kind() === "ipv6") {
    const inner = embeddedIPv4(parsed as ipaddr.IPv6);
    if (inner) candidates.push(inner);
  }
  for (const entry of allow) {
    const e = bareHost(entry.trim());
    if (!e) continue;
    if (e.includes("/")) {
      try {
        const [net, bits] = ipaddr.parseCIDR(e);
        if (candidates.some((c) => c.kind() === net.kind() && c.match(net, bits))) return true;
      } catch {
        // not a CIDR: no match
      }
    } else if (ipaddr.isValid(e)) {
      const ip = ipaddr.parse(e);
      if (candidates.some((c) => c.kind() === ip.kind() && c.toNormalizedString() === ip.toNormalizedString())) return true;
    } else if (e === host) {
      return true;
    }
  }
  return false;
}

/** Checks one resolved address for a host; throws the refusal. */
function checkAddress(url: URL, host: string, address: string, policy: FetchPolicy): void {
  const normal = ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
  if (METADATA_ADDRESSES.has(normal) || METADATA_ADDRESSES.has(address.toLowerCase())) {
    throw new FetchRefusedError("address", `Refused to fetch ${url.href}: ${host} is a cloud metadata address (${address}).`);
  }
  const why = blockedRange(address);
  if (why && !inAllowList(host, address, policy.allowPrivate)) {
    const at = host === address ? "" : ` resolves to ${address}, which`;
    throw new FetchRefusedError(
      "address",
      `Refused to fetch ${url.href}: ${host}${at} is a ${why} address. Only public addresses are fetched unless FETCH_ALLOW_PRIVATE allows them.`,
    );
  }
}

const systemResolver: HostResolver = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Checks the URL (scheme, host name, every address) and returns the address to connect to. */
export async function checkUrl(
  url: URL,
  policy: FetchPolicy,
  resolve: HostResolver = systemResolver,
): Promise<ResolvedAddress> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusedError("scheme", `Refused to fetch ${url.href}: the ${url.protocol} scheme is not allowed; only http: and https: URLs are fetched.`);
  }
  const host = bareHost(url.hostname);
  if (!host) throw new FetchRefusedError("address", `Refused to fetch ${url.href}: the URL has no host.`);
  if (METADATA_HOSTS.has(host)) {
    throw new FetchRefusedError("address", `Refused to fetch ${url.href}: ${host} is a cloud metadata host.`);
  }
  if (ipaddr.isValid(host)) {
    checkAddress(url, host, host, policy);
    return { address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 };
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new FetchRefusedError("network", `Could not fetch ${url.href}: the host ${host} was not found${code ? ` (${code})` : ""}.`);
  }
  if (addresses.length === 0) {
    throw new FetchRefusedError("network", `Could not fetch ${url.href}: the host ${host} has no address.`);
  }
  // Every address must pass: the system could pick any of them, and an attacker controls the order.
  for (const a of addresses) checkAddress(url, host, a.address, policy);
  return addresses[0]!;
}

type Hop = { status: number; headers: Record<string, string>; body: Uint8Array };

function headerMap(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function tooLarge(url: URL, max: number): FetchRefusedError {
  return new FetchRefusedError("too_large", `Refused ${url.href}: the answer is larger than ${megabytes(max)}.`);
}

/** One request to the checked address; resolves with the status, headers and (limited) body. */
export function requestOnce(
  url: URL,
  target: ResolvedAddress,
  headers: Record<string, string>,
  policy: FetchPolicy,
  signal: AbortSignal,
  ca?: string,
  send: { method: "GET" | "POST"; body?: Uint8Array; readAnyStatus?: boolean } = { method: "GET" },
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    // The connection goes to the address checked above: this lookup answers with it, whatever DNS says now.
    const pinned: LookupFunction = (_hostname, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
      } else callback(null, target.address, target.family);
    };
    const client = url.protocol === "https:" ? https : http;
    const host = bareHost(url.hostname);
    const req = client.request(
      url,
      {
        method: send.method,
        headers: send.body ? { ...headers, "content-length": String(send.body.length) } : headers,
        lookup: pinned,
        signal,
        // TLS: verify the certificate against the original name (an IP literal sends no SNI).
        ...(url.protocol === "https:" && !ipaddr.isValid(host) ? { servername: host } : {}),
        ...(url.protocol === "https:" && ca ? { ca } : {}),
      },
      (res) => {
        res.on("error", () => {}); // reported through the stream handlers below (or irrelevant once resolved)
        const status = res.statusCode ?? 0;
        const resHeaders = headerMap(res.headers);
        if (!send.readAnyStatus && (REDIRECT_STATUSES.has(status) || status === 304 || status < 200 || status >= 300)) {
          res.resume();
          resolve({ status, headers: resHeaders, body: new Uint8Array() });
          return;
        }
        const declared = Number(resHeaders["content-length"]);
        if (Number.isFinite(declared) && declared > policy.maxBytes) {
          res.destroy();
          reject(tooLarge(url, policy.maxBytes));
          return;
        }
        const encoding = (resHeaders["content-encoding"] ?? "").trim().toLowerCase();
        let stream: NodeJS.ReadableStream = res;
        if (encoding === "gzip" || encoding === "x-gzip") stream = res.pipe(zlib.createGunzip());
        else if (encoding === "deflate") stream = res.pipe(zlib.createInflate());
        else if (encoding === "br") stream = res.pipe(zlib.createBrotliDecompress());
        const chunks: Buffer[] = [];
        let size = 0;
        let done = false;
        const fail = (error: Error) => {
          if (done) return;
          done = true;
          res.destroy();
          reject(error);
        };
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) return fail(tooLarge(url, policy.maxBytes));
          chunks.push(chunk);
        });
        stream.on("error", (error: Error) => fail(error));
        if (stream !== res) res.on("error", (error: Error) => fail(error));
        res.on("aborted", () => fail(new Error("the connection was closed before the answer was complete")));
        stream.on("end", () => {
          if (done) return;
          done = true;
          resolve({ status, headers: resHeaders, body: new Uint8Array(Buffer.concat(chunks)) });
        });
      },
    );
    req.on("error", reject);
    req.end(send.body);
  });
}

function parseContentType(value: string | undefined): { contentType: string | null; charset: string | null } {
  if (!value) return { contentType: null, charset: null };
  const [type, ...params] = value.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { contentType: type!.trim().toLowerCase() || null, charset };
}

/**
 * Fetches a URL under the policy: 2xx and 304 answers are returned; anything else (refused address or scheme, too
 * many redirects, too large, too slow, another status, a network failure) is a FetchRefusedError naming the URL.
 */
export async function safeFetch(request: SafeFetchRequest): Promise<SafeFetchResponse> {
  const { policy } = request;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FetchRefusedError("scheme", `"${request.url.slice(0, 200)}" is not a URL; give a full address starting with http:// or https://.`);
  }
  const baseHeaders: Record<string, string> = {
    accept: request.accept ?? DEFAULT_ACCEPT,
    "accept-encoding": "gzip, deflate, br",
    "user-agent": request.userAgent ?? DEFAULT_USER_AGENT,
    ...Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  const timedOut = () =>
    new FetchRefusedError("timeout", `Gave up on ${url.href}: no complete answer within ${policy.timeoutMs / 1000} s.`);
  // DNS cannot be aborted: race it against the deadline.
  const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(timedOut())));
  deadline.catch(() => {});
  try {
    for (let redirects = 0; ; redirects++) {
      const target = await Promise.race([checkUrl(url, policy, request.lookup), deadline]);
      let hop: Hop;
      try {
        hop = await requestOnce(url, target, baseHeaders, policy, controller.signal, request.ca);
      } catch (error) {
        if (error instanceof FetchRefusedError) throw error;
        if (controller.signal.aborted) throw timedOut();
        const e = error as { code?: string; message?: string };
        throw new FetchRefusedError("network", `Could not fetch ${url.href}: ${e.code ?? e.message ?? "network error"}.`);
      }
      if (REDIRECT_STATUSES.has(hop.status)) {
        const location = hop.headers.location;
        if (!location) {
          throw new FetchRefusedError("http_status", `${url.href} answered ${hop.status} (a redirect) without a Location.`, hop.status);
        }
        if (redirects >= policy.maxRedirects) {
          throw new FetchRefusedError("redirect", `Gave up on ${request.url}: more than ${policy.maxRedirects} redirects.`);
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchRefusedError("redirect", `${url.href} redirected to an invalid URL (${location.slice(0, 200)}).`);
        }
        try {
          // Checked here already so the message says it was a redirect; the loop checks it again before connecting.
          await Promise.race([checkUrl(next, policy, request.lookup), deadline]);
        } catch (error) {
          if (error instanceof FetchRefusedError && (error.reason === "address" || error.reason === "scheme")) {
            throw new FetchRefusedError("redirect", `Refused the redirect from ${url.href}: ${error.message}`);
          }
          throw error;
        }
        url = next;
        continue;
      }
      if (hop.status === 304 || (hop.status >= 200 && hop.status < 300)) {
        const { contentType, charset } = parseContentType(hop.headers["content-type"]);
        return { url: url.href, status: hop.status, headers: hop.headers, body: hop.body, contentType, charset };
      }
      throw new FetchRefusedError("http_status", `${url.href} answered HTTP ${hop.status}; nothing was read.`, hop.status, hop.headers);
    }
  } finally {
    clearTimeout(timer);
  }
}
