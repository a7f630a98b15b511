// Operator CLI for email alerts (`npm run alerts`, usage below). Runs on the configured database (DATABASE_URL, else
// DATA_DIR; the embedded one allows one process: stop the server).
import { parseArgs } from "node:util";
import { alertsConfigFrom, type AlertsConfig } from "@/server/core/config";
import { parseEnv, type Env } from "@/server/core/env.js";
import { outbox, subscribe } from "@/server/alerts/subscriptions";
import { runTick } from "@/server/alerts/tick";
import { subscribeInput } from "@/server/alerts/schemas";
import { printer, runCommand, UsageError, zodMessage, type CliIo } from "../cli";
import { withDatabase } from "../with-database";

export const USAGE = `Usage:
  npm run alerts -- subscribe --email <address> (--deadlines all|<deadline-key> | --sector <sector> | --kind <kind>)
        [--offsets 30d,7d,1d,0] [--tz Asia/Seoul] [--lang en|ko] [--name <name>] [--confirmed] [--measures] [--kospi-move <pct>] [--now <ISO>]
      Without --confirmed a confirmation email is queued (double opt-in). --now records the subscription as made at
      that instant (for backfills and replays with tick --now).
  npm run alerts -- tick --now <ISO-8601 instant, e.g. 2025-07-25T04:01:00Z> [--dry-run]
      One scheduler pass (plan, compose, digests, deliver) as if the clock read that instant; --dry-run prints what
      would be sent and changes nothing.
  npm run alerts -- outbox
      The latest 20 outbox emails with their status.`;

type Run = { env: Env; config: AlertsConfig; io: CliIo };

function parseNow(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new UsageError(`--now "${text}" is not an ISO-8601 instant with a zone, e.g. 2025-07-25T04:01:00Z or 2025-07-25T00:01-04:00.`);
  }
  return new Date(text);
}

async function subscribeCommand(rest: string[], { env, config, io }: Run): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      email: { type: "string" },
      deadlines: { type: "string" },
      sector: { type: "string" },
      kind: { type: "string" },
      offsets: { type: "string" },
      tz: { type: "string" },
      lang: { type: "string" },
      name: { type: "string" },
      confirmed: { type: "boolean" },
      measures: { type: "boolean" },
      "kospi-move": { type: "string" },
      now: { type: "string" },
    },
  });
  const scopes = [values.deadlines, values.sector, values.kind].filter((v) => v !== undefined);
  if (scopes.length !== 1) throw new UsageError("Give exactly one of --deadlines, --sector or --kind.");
  const scope = values.sector !== undefined ? "sector" : values.kind !== undefined ? "kind" : values.deadlines === "all" ? "all" : "deadline";
  const parsed = subscribeInput.safeParse({
    email: values.email,
    name: values.name,
    timeZone: values.tz,
    language: values.lang,
    subscription: {
      scope,
      scopeValue: scope === "all" ? undefined : (values.sector ?? values.kind ?? values.deadlines),
      offsets: values.offsets,
      notifyMeasures: values.measures ?? false,
      marketMovePct: values["kospi-move"] === undefined ? undefined : Number(values["kospi-move"]),
    },
  });
  if (!parsed.success) {
    printer(io.stderr)(zodMessage(parsed.error));
    return 1;
  }
  const at = values.now === undefined ? new Date() : parseNow(values.now);
  const result = await withDatabase(env, (db) => subscribe(db, config, parsed.data, at, { confirmed: values.confirmed ?? false }));
  printer(io.stdout)(
    `Subscribed ${parsed.data.email} (${scope}${scope === "all" ? "" : ` ${parsed.data.subscription.scopeValue}`}, offsets ${parsed.data.subscription.offsets}, ${parsed.data.timeZone}, ${parsed.data.language}).` +
      (result.confirmed ? " Confirmed." : result.confirmationSent ? " A confirmation email is in the outbox." : " Awaiting confirmation."),
  );
  return 0;
}

async function tickCommand(rest: string[], { env, config, io }: Run): Promise<number> {
  const print = printer(io.stdout);
  const { values } = parseArgs({ args: rest, strict: true, options: { now: { type: "string" }, "dry-run": { type: "boolean" } } });
  if (!values.now) throw new UsageError("--now <ISO-8601 instant> is required.");
  const now = parseNow(values.now);
  const dryRun = values["dry-run"] ?? false;
  const result = await withDatabase(env, (db) => runTick(db, config, now, { dryRun }));
  if (dryRun) {
    print(`Dry run at ${result.now}: nothing was changed.`);
    for (const e of result.wouldSend ?? []) print(`would send\t${e.kind}\t${e.to}\t${e.late ? "LATE\t" : ""}${e.subject}`);
    if ((result.wouldSend ?? []).length === 0) print("Nothing would be sent.");
  } else {
    print(JSON.stringify(result));
    if (!config.mailer && result.deliver.held > 0) print("SMTP_URL is not set: mail is kept in the outbox (see /admin/alerts).");
  }
  return 0;
}

async function outboxCommand(rest: string[], { env, io }: Run): Promise<number> {
  const print = printer(io.stdout);
  parseArgs({ args: rest, strict: true, options: {} });
  const rows = await withDatabase(env, (db) => outbox(db, { limit: 20 }));
  for (const r of rows) print([r.id, r.status, r.kind, r.toAddress, r.attempts, r.subject, r.lastError ?? ""].join("\t"));
  if (rows.length === 0) print("The outbox is empty.");
  return 0;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const env = parseEnv(io.env);
  const config = alertsConfigFrom(env, io.env.PORT);
  try {
    if (command === "subscribe") return await subscribeCommand(rest, { env, config, io });
    if (command === "tick") return await tickCommand(rest, { env, config, io });
    if (command === "outbox") return await outboxCommand(rest, { env, config, io });
    throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
  } finally {
    await config.mailer?.close();
  }
}

export function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(run, USAGE, argv, io);
}
