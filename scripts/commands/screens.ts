// Operator CLI for status screens (`npm run screens`, usage below). Runs on the configured database (DATABASE_URL,
// else DATA_DIR; the embedded one allows one process: stop the server). Changes made here are not in the audit log
// (no signed-in person); the dashboard's are.
import { parseArgs } from "node:util";
import { publicUrlFrom } from "@/server/core/config";
import { parseEnv, type Env } from "@/server/core/env.js";
import { SCREEN_PANELS } from "@/server/screens/constants";
import { createScreenInput } from "@/server/screens/schemas";
import { addDevice, createScreen, getScreen, listScreens, revokeDevice, screenUrl } from "@/server/screens/screens";
import { printer, runCommand, UsageError, zodMessage, type CliIo } from "../cli";
import { withDatabase } from "../with-database";

export const USAGE = `Usage:
  npm run screens -- create --name <name> [--panels ${SCREEN_PANELS.join(",")}] [--watchlist wl-…] [--layout grid|rotation]
        [--lang en|ko] [--theme dark|light] [--key <key>] [--device <label>]
      Creates a screen (key: the slug of the name unless given) and a device for it; prints the screen's URL with
      the device's token (shown once). Panels default to all of them.
  npm run screens -- list
      Every screen: key, name, configuration version, active devices.
  npm run screens -- revoke --device <id>
      Revokes a device (ids are listed by the dashboard's screen page and by "list").`;

async function create(rest: string[], env: Env, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      name: { type: "string" },
      panels: { type: "string" },
      layout: { type: "string" },
      lang: { type: "string" },
      theme: { type: "string" },
      key: { type: "string" },
      device: { type: "string" },
      watchlist: { type: "string" },
    },
  });
  if (values.name === undefined) throw new UsageError("--name <name> is required.");
  // By default every panel but "products", which shows a watchlist only when given one.
  const panels = (values.panels ?? SCREEN_PANELS.filter((p) => p !== "products" || values.watchlist).join(","))
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((panel) => ({ panel }));
  const parsed = createScreenInput.safeParse({ name: values.name, panels, layout: values.layout, language: values.lang, theme: values.theme, key: values.key, watchlist: values.watchlist });
  if (!parsed.success) {
    printer(io.stderr)(zodMessage(parsed.error));
    return 1;
  }
  const now = new Date();
  const { screen, device } = await withDatabase(env, async (db) => {
    const screen = await createScreen(db, { user: null, now }, parsed.data);
    const device = await addDevice(db, { user: null, now }, { key: screen.key, label: values.device ?? "Command line" });
    return { screen, device };
  });
  printer(io.stdout)(screenUrl(publicUrlFrom(env, io.env.PORT), screen.key, device.token));
  printer(io.stderr)(`Created screen "${screen.name}" (${screen.key}) with device #${device.id}; the token is shown only this once.`);
  return 0;
}

async function list(rest: string[], env: Env, io: CliIo): Promise<number> {
  const print = printer(io.stdout);
  parseArgs({ args: rest, strict: true, options: {} });
  const rows = await withDatabase(env, async (db) => Promise.all((await listScreens(db)).map((s) => getScreen(db, s.key))));
  for (const s of rows) {
    const devices = s.devices.map((d) => `#${d.id} ${d.label}${d.revokedAt ? " (revoked)" : d.paired ? "" : " (pairing)"}`).join(", ");
    print([s.key, s.name, `v${s.configVersion}`, s.config.panels.map((p) => p.panel).join(","), devices || "no devices"].join("\t"));
  }
  if (rows.length === 0) print("No screens yet: npm run screens -- create --name <name>");
  return 0;
}

async function revoke(rest: string[], env: Env, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: rest, strict: true, options: { device: { type: "string" } } });
  const id = Number(values.device);
  if (!values.device || !Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new UsageError("--device <id> must be a device id (a whole number).");
  const device = await withDatabase(env, (db) => revokeDevice(db, { user: null, now: new Date() }, id));
  printer(io.stdout)(`Device #${device.id} "${device.label}" of screen ${device.screenKey} is revoked (since ${device.revokedAt!.toISOString()}).`);
  return 0;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const env = parseEnv(io.env);
  if (command === "create") return create(rest, env, io);
  if (command === "list") return list(rest, env, io);
  if (command === "revoke") return revoke(rest, env, io);
  throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
}

export function main(argv: string[], io: CliIo): Promise<number> {
  return runCommand(run, USAGE, argv, io);
}
