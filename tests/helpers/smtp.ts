// A real SMTP server in the test process (smtp-server): records every accepted message (its Message-ID, recipients
// and raw text), and can reject a share of transactions with a transient 451 or delay each one — for delivery tests.
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = { messageId: string; to: string[]; raw: string; subject: string };

export type TestSmtp = {
  url: string;
  port: number;
  received: ReceivedMessage[];
  /** Transactions answered with a transient error. */
  rejected: number;
  setOptions(o: Partial<SmtpBehaviour>): void;
  close(): Promise<void>;
};

export type SmtpBehaviour = {
  /** Share of transactions (0–1) rejected with 451 after DATA. */
  transientRate: number;
  /** Deterministic pseudo-random source for the rejections. */
  seed: number;
  /** Milliseconds to wait before answering each DATA. */
  delayMs: number;
  /** Reject everything to this address with 550 (permanent). */
  rejectPermanently?: string;
};

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, " ").trim() : "";
}

export async function startTestSmtp(initial: Partial<SmtpBehaviour> = {}): Promise<TestSmtp> {
  const behaviour: SmtpBehaviour = { transientRate: 0, seed: 42, delayMs: 0, ...initial };
  let state = behaviour.seed;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const received: ReceivedMessage[] = [];
  const result = { rejected: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((r) => r.address);
        const answer = () => {
          if (behaviour.rejectPermanently && to.includes(behaviour.rejectPermanently)) {
            return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
          }
          if (random() < behaviour.transientRate) {
            result.rejected++;
            return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          }
          received.push({ messageId: header(raw, "Message-ID"), to, raw, subject: header(raw, "Subject") });
          callback();
        };
        if (behaviour.delayMs > 0) setTimeout(answer, behaviour.delayMs);
        else answer();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A client that vanishes mid-session (a worker killed with SIGKILL) resets its connection: smtp-server reports it
  // as a server error event; that is the client's doing, not a failure of the server under test.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    get rejected() {
      return result.rejected;
    },
    setOptions(o) {
      Object.assign(behaviour, o);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
