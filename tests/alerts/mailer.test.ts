// The SMTP mailer against a real in-process SMTP server (smtp-server): what arrives (Message-ID, headers, both parts,
// the .ics attachment), how refusals and outages are classified, AUTH from the URL; SMTP_URL parsing; backoff table.
import { createServer, type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  backoffSeconds,
  createSmtpMailer,
  MAX_BACKOFF_SECONDS,
  parseSmtpUrl,
  SmtpUrlError,
  type Mailer,
  type OutgoingEmail,
} from "@/server/alerts/mailer";
import { RETRY_BASE_SECONDS } from "@/server/alerts/constants";

type Received = { from: string; to: string[]; raw: string; user?: string };

/** An SMTP server on 127.0.0.1 at a free port, collecting what it is sent. */
async function startServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An SMTP-style error the server answers with. */
function reply(code: number, text: string) {
  return Object.assign(new Error(text), { responseCode: code });
}

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", () => resolve()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

// ---- a minimal MIME reader for the assertions (headers, multipart, base64 / quoted-printable) ----

type Part = { headers: Map<string, string>; body: string };

function splitHead(raw: string): Part {
  const at = raw.indexOf("\r\n\r\n");
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? "" : raw.slice(at + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

function decode(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = part.body
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return part.body;
}

/** Every leaf part of a message, depth first. */
function leaves(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces
    .filter((p) => !p.startsWith("--"))
    .map((p) => splitHead(p.replace(/^\r\n/, "").replace(/\r\n$/, "")))
    .flatMap(leaves);
}

const ICS = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tradewatch//Test//EN", "METHOD:PUBLISH", "END:VCALENDAR", ""].join("\r\n");

const message = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  from: "Tradewatch <alerts@tradewatch.test>",
  to: "reader@example.org",
  subject: "In 7 days: 25% tariff on Korean goods (1 Aug, 00:01 EDT) — 관세",
  html: "<p>Hello <b>reader</b> — 관세 마감</p>",
  text: "Hello reader — 관세 마감",
  ics: ICS,
  messageId: "<alert-42.1@tradewatch.test>",
  headers: {
    "List-Unsubscribe": "<https://tradewatch.test/alerts/unsubscribe?token=abc>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  ...over,
});

describe("SMTP mailer", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const track = <T extends Mailer>(m: T) => (cleanup.push(() => m.close()), m);

  it("delivers one message with the given Message-ID, From/To/Subject, text + HTML, the .ics and list headers", async () => {
    const smtp = await startServer();
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "Default <default@tradewatch.test>" }));

    const result = await mailer.send(message());
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.response).toMatch(/^250/);
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.from).toBe("alerts@tradewatch.test");
    expect(got.to).toEqual(["reader@example.org"]);

    const top = splitHead(got.raw);
    expect(top.headers.get("message-id")).toBe("<alert-42.1@tradewatch.test>");
    expect(top.headers.get("from")).toBe("Tradewatch <alerts@tradewatch.test>");
    expect(top.headers.get("to")).toBe("reader@example.org");
    expect(top.headers.get("subject")).toMatch(/^=\?UTF-8\?/i); // non-ASCII subject is RFC 2047 encoded
    expect(top.headers.get("list-unsubscribe")).toBe("<https://tradewatch.test/alerts/unsubscribe?token=abc>");
    expect(top.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    const parts = leaves(top);
    const byType = (t: string) => parts.find((p) => (p.headers.get("content-type") ?? "").toLowerCase().startsWith(t));
    expect(decode(byType("text/plain")!)).toBe("Hello reader — 관세 마감");
    expect(decode(byType("text/html")!)).toBe("<p>Hello <b>reader</b> — 관세 마감</p>");
    const cal = byType("text/calendar")!;
    expect(cal.headers.get("content-type")).toMatch(/method=PUBLISH/i);
    expect(cal.headers.get("content-disposition")).toMatch(/attachment; filename="?deadline\.ics"?/);
    expect(decode(cal)).toBe(ICS);
  });

  it("uses the default From when the message has none, and sends no attachment without ics", async () => {
    const smtp = await startServer();
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "Default <default@tradewatch.test>" }));
    expect(await mailer.send(message({ from: "", ics: null, headers: undefined }))).toMatchObject({ ok: true });
    const top = splitHead(smtp.received[0]!.raw);
    expect(top.headers.get("from")).toBe("Default <default@tradewatch.test>");
    expect(top.headers.has("list-unsubscribe")).toBe(false);
    expect(leaves(top).some((p) => (p.headers.get("content-type") ?? "").includes("calendar"))).toBe(false);
  });

  it("a retry sends the same Message-ID again (receivers can drop the duplicate)", async () => {
    const smtp = await startServer();
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "x@tradewatch.test" }));
    await mailer.send(message());
    await mailer.send(message());
    expect(smtp.received.map((r) => splitHead(r.raw).headers.get("message-id"))).toEqual([
      "<alert-42.1@tradewatch.test>",
      "<alert-42.1@tradewatch.test>",
    ]);
  });

  it.each([
    [451, "4.3.0 Try again later", false],
    [452, "4.2.2 Mailbox full", false],
    [550, "5.1.1 No such user", true],
    [554, "5.7.1 Message rejected as spam", true],
  ])("the server answering %i to the message → ok: false, permanent: %s", async (code, text, permanent) => {
    const smtp = await startServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback(reply(code, text)));
      },
    });
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "x@tradewatch.test" }));
    const result = await mailer.send(message());
    expect(result).toMatchObject({ ok: false, permanent, code });
    expect(!result.ok && result.error).toContain(text);
  });

  it("a recipient refused with 550 at RCPT TO is permanent", async () => {
    const smtp = await startServer({ onRcptTo: (_a, _s, callback) => callback(reply(550, "5.1.1 Unknown recipient")) });
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "x@tradewatch.test" }));
    expect(await mailer.send(message())).toMatchObject({ ok: false, permanent: true, code: 550 });
  });

  it("a server that is down (connection refused) is transient, and send does not throw", async () => {
    const port = await closedPort();
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${port}`, { from: "x@tradewatch.test" }));
    const result = await mailer.send(message());
    expect(result).toMatchObject({ ok: false, permanent: false });
    expect(!result.ok && result.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
  });

  it("a server that accepts the connection but never greets times out: transient", async () => {
    const sockets = new Set<import("node:net").Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", () => resolve()));
    cleanup.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const port = (silent.address() as AddressInfo).port;
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${port}`, { from: "x@tradewatch.test", timeouts: { greetingTimeout: 300 } }));
    const started = Date.now();
    const result = await mailer.send(message());
    expect(result).toMatchObject({ ok: false, permanent: false });
    expect(!result.ok && result.error).toMatch(/ETIMEDOUT/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("AUTH with the user and (percent-encoded) password from the URL", async () => {
    const password = "p@ss:w/rd 관";
    const smtp = await startServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "mailer@tradewatch.test" && auth.password === password) return callback(null, { user: auth.username });
        return callback(reply(535, "5.7.8 Authentication failed"));
      },
    });
    cleanup.push(smtp.close);
    const url = (pass: string) =>
      `smtp://${encodeURIComponent("mailer@tradewatch.test")}:${encodeURIComponent(pass)}@127.0.0.1:${smtp.port}`;

    const good = track(createSmtpMailer(url(password), { from: "x@tradewatch.test" }));
    expect(await good.send(message())).toMatchObject({ ok: true });
    expect(smtp.received[0]!.user).toBe("mailer@tradewatch.test");

    // Wrong credentials are our configuration, not the message: transient, so the email waits for the fix.
    const bad = track(createSmtpMailer(url("wrong"), { from: "x@tradewatch.test" }));
    const result = await bad.send(message());
    expect(result).toMatchObject({ ok: false, permanent: false, code: 535 });
    expect(smtp.received).toHaveLength(1);
  });

  it("without AUTH against a server that requires it: refused, not sent", async () => {
    const smtp = await startServer({ authOptional: false, allowInsecureAuth: true, onAuth: (_a, _s, cb) => cb(null, { user: "x" }) });
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, { from: "x@tradewatch.test" }));
    expect(await mailer.send(message())).toMatchObject({ ok: false });
    expect(smtp.received).toHaveLength(0);
  });

  it("?starttls=required refuses to send in clear text to a server without STARTTLS", async () => {
    const smtp = await startServer();
    cleanup.push(smtp.close);
    const mailer = track(createSmtpMailer(`smtp://127.0.0.1:${smtp.port}?starttls=required`, { from: "x@tradewatch.test" }));
    expect(await mailer.send(message())).toMatchObject({ ok: false, permanent: false });
    expect(smtp.received).toHaveLength(0);
  });

  it("after close() it answers a transient failure instead of throwing", async () => {
    const mailer = createSmtpMailer("smtp://127.0.0.1:25", { from: "x@tradewatch.test" });
    await mailer.close();
    expect(await mailer.send(message())).toEqual({ ok: false, permanent: false, error: "The mailer is closed" });
  });
});

describe("parseSmtpUrl", () => {
  it.each([
    ["smtp://mail.example.org", { host: "mail.example.org", port: 587, secure: false, requireTLS: false, ignoreTLS: false, auth: null }],
    ["smtp://mail.example.org:25/", { host: "mail.example.org", port: 25, secure: false, requireTLS: false, ignoreTLS: false, auth: null }],
    ["smtps://u:p@mail.example.org", { host: "mail.example.org", port: 465, secure: true, requireTLS: false, ignoreTLS: false, auth: { user: "u", pass: "p" } }],
    ["smtp://u%40x.org:p%3Aw%2Fd@mail.example.org:2525?starttls=required", { port: 2525, requireTLS: true, auth: { user: "u@x.org", pass: "p:w/d" } }],
    ["smtp://relay.local:25?starttls=never", { requireTLS: false, ignoreTLS: true }],
    ["smtp://relay.local?starttls=opportunistic", { requireTLS: false, ignoreTLS: false }],
    ["smtp://apikey@[::1]:587", { host: "::1", auth: { user: "apikey", pass: "" } }],
  ])("%s", (url, expected) => {
    expect(parseSmtpUrl(url)).toMatchObject(expected);
  });

  it.each([
    ["not a url", /not a URL/],
    ["http://mail.example.org", /smtp:\/\/ or smtps:\/\//],
    ["smtp://mail.example.org/inbox", /path/],
    ["smtp://mail.example.org?tls=1", /unknown option "tls"/],
    ["smtp://mail.example.org?starttls=yes", /starttls must be required, opportunistic, never/],
    ["smtps://mail.example.org?starttls=required", /smtp:\/\/ only/],
    ["smtp://:secret@mail.example.org", /no user name/],
    ["smtp://mail.example.org#x", /fragment/],
  ])("%s is refused", (url, message) => {
    expect(() => parseSmtpUrl(url)).toThrow(SmtpUrlError);
    expect(() => parseSmtpUrl(url)).toThrow(message);
  });

  it("never repeats the password in an error", () => {
    try {
      parseSmtpUrl("smtp://user:hunter2hunter2@mail.example.org/x");
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("hunter2");
    }
  });
});

describe("backoffSeconds", () => {
  it.each([
    [0, RETRY_BASE_SECONDS],
    [1, RETRY_BASE_SECONDS],
    [2, RETRY_BASE_SECONDS * 2],
    [3, RETRY_BASE_SECONDS * 4],
    [4, RETRY_BASE_SECONDS * 8],
    [5, RETRY_BASE_SECONDS * 16],
    [6, RETRY_BASE_SECONDS * 32],
    [7, MAX_BACKOFF_SECONDS],
    [40, MAX_BACKOFF_SECONDS],
    [Number.MAX_SAFE_INTEGER, MAX_BACKOFF_SECONDS],
  ])("after attempt %i: %i s", (attempt, seconds) => {
    expect(backoffSeconds(attempt)).toBe(Math.min(seconds, MAX_BACKOFF_SECONDS));
  });

  it("never decreases and never passes the cap", () => {
    let previous = 0;
    for (let a = 1; a <= 100; a++) {
      const s = backoffSeconds(a);
      expect(s).toBeGreaterThanOrEqual(previous);
      expect(s).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
      previous = s;
    }
  });

  it.each([-1, 1.5, Number.NaN, Infinity])("refuses %s", (attempt) => {
    expect(() => backoffSeconds(attempt)).toThrow(RangeError);
  });
});
