// The secret that signs session cookies. BETTER_AUTH_SECRET wins. Without it, the embedded database generates one on
// first start and keeps it next to the data (DATA_DIR/auth-secret, mode 0600), so the demo needs no setup and no
// secret ever lives in the repository. On PostgreSQL in production every instance must share one secret: the
// variable is then required.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      "BETTER_AUTH_SECRET is required when running on PostgreSQL in production: set it to the same random value " +
        "(at least 32 characters, e.g. `openssl rand -base64 32`) on every instance.",
    );
    this.name = "MissingAuthSecretError";
  }
}

export const SECRET_FILE = "auth-secret";

export function resolveAuthSecret(opts: {
  envSecret?: string;
  kind: "pglite" | "postgres";
  dataDir: string;
  production: boolean;
}): string {
  if (opts.envSecret) return opts.envSecret;
  if (opts.kind === "postgres" && opts.production) throw new MissingAuthSecretError();
  return dataDirSecret(opts.dataDir);
}

/** Reads DATA_DIR/auth-secret, creating it (0600, exclusive) on first use. */
export function dataDirSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600); // the umask may have narrowed nothing, but never widen
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim(); // lost a race
    throw error;
  }
}
