// Contact-point URLs and signing secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the app's
// secret — BETTER_AUTH_SECRET, or DATA_DIR/auth-secret generated on first start — with its own label, so the key is
// never the signing key itself. Rotating that secret makes the stored URLs unreadable: re-enter them (the admin page
// says which). The plaintext is never logged, never returned by the API, never put in the audit log.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";

export function secretsKey(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "tradewatch", "contact-point-secrets v1", 32));
}

export function encryptSecret(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The plaintext, or null when it cannot be read (another key, altered): the caller says "re-enter the URL". */
export function decryptSecret(key: Buffer, stored: string): string | null {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** What the admin sees of a URL: its host and the last four characters ("hooks.slack.com …x9Qz"). */
export function urlHint(url: string): string {
  const u = new URL(url);
  const tail = `${u.pathname}${u.search}`.replace(/\/+$/, "").slice(-4);
  return tail ? `${u.host} …${tail}` : u.host;
}

/** A new Standard Webhooks signing secret: whsec_ + 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
