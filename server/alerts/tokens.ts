// Signed links in alert emails (one-click unsubscribe, confirm, manage): `<payload>.<signature>`, both base64url, so
// the token goes into a URL as is. The payload is JSON { purpose, sub, exp? }; the signature is HMAC-SHA256 over the
// payload text with a key derived from the app secret, so the session secret can be reused without the two kinds of
// signature ever standing in for each other. A tampered, truncated or re-purposed token is refused with a reason.
import { createHmac, timingSafeEqual } from "node:crypto";
import { TOKEN_PURPOSES, type TokenPurpose } from "./constants";

export type TokenPayload = {
  purpose: TokenPurpose;
  /** Whom the link is about: a subscription or subscriber id. */
  sub: number | string;
  /** Expiry, epoch seconds; none for unsubscribe links, which must keep working (RFC 8058). */
  exp?: number;
};

export const TOKEN_FAILURES = ["malformed", "bad-signature", "wrong-purpose", "expired"] as const;
export type TokenFailure = (typeof TOKEN_FAILURES)[number];
export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; reason: TokenFailure };

/** Longer input is refused before any decoding or hashing. */
export const MAX_TOKEN_LENGTH = 1024;
export const MIN_SECRET_BYTES = 32;
const MAX_SUB_LENGTH = 200;
const KEY_LABEL = "tradewatch alert links v1";
const SIGNATURE_BYTES = 32;
const TOKEN_RE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;
const CONTROL = /[\u0000-\u001F\u007F]/;

function signingKey(secret: string | Uint8Array): Buffer {
  const bytes = typeof secret === "string" ? Buffer.from(secret, "utf8") : Buffer.from(secret);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(`The link-signing secret must be at least ${MIN_SECRET_BYTES} bytes long`);
  }
  return createHmac("sha256", bytes).update(KEY_LABEL).digest();
}

const mac = (key: Buffer, payloadPart: string) => createHmac("sha256", key).update(payloadPart).digest();

/** The payload with its fields checked, in a fixed key order (so equal payloads sign to equal tokens); else null. */
function checkedPayload(value: unknown): TokenPayload | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { purpose, sub, exp, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (typeof purpose !== "string" || !(TOKEN_PURPOSES as readonly string[]).includes(purpose)) return null;
  const subOk =
    (typeof sub === "number" && Number.isSafeInteger(sub)) ||
    (typeof sub === "string" && sub.length > 0 && sub.length <= MAX_SUB_LENGTH && !CONTROL.test(sub));
  if (!subOk) return null;
  if (exp !== undefined && !(typeof exp === "number" && Number.isSafeInteger(exp) && exp > 0)) return null;
  return exp === undefined
    ? { purpose: purpose as TokenPurpose, sub: sub as number | string }
    : { purpose: purpose as TokenPurpose, sub: sub as number | string, exp };
}

/** A URL-safe signed token for `payload`. Throws on a short secret or a payload that could never verify. */
export function signToken(secret: string | Uint8Array, payload: TokenPayload): string {
  const checked = checkedPayload(payload);
  if (!checked) {
    throw new RangeError(
      `Not a token payload: purpose must be one of ${TOKEN_PURPOSES.join(", ")}; sub a whole number or 1–${MAX_SUB_LENGTH} ` +
        "characters without control characters; exp, if given, whole epoch seconds",
    );
  }
  const key = signingKey(secret);
  const payloadPart = Buffer.from(JSON.stringify(checked), "utf8").toString("base64url");
  return `${payloadPart}.${mac(key, payloadPart).toString("base64url")}`;
}

/**
 * Checks a token from a link against `purpose` at `now`. The signature is checked (in constant time) before the
 * payload is even decoded; then the purpose, then the expiry (expired from the `exp` second on).
 */
export function verifyToken(secret: string | Uint8Array, token: string, purpose: TokenPurpose, now: Date): TokenCheck {
  const key = signingKey(secret);
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const m = TOKEN_RE.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, payloadPart, signaturePart] = m as unknown as [string, string, string];

  const signature = Buffer.from(signaturePart, "base64url");
  // Re-encoding must give the same text: base64url ignores the spare bits of the last character, and a token that
  // differs from the one we sent must not verify.
  const canonical = signature.length === SIGNATURE_BYTES && signature.toString("base64url") === signaturePart;
  if (!canonical || !timingSafeEqual(signature, mac(key, payloadPart))) return { ok: false, reason: "bad-signature" };

  let payload: TokenPayload | null;
  try {
    payload = checkedPayload(JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")));
  } catch {
    payload = null;
  }
  if (!payload) return { ok: false, reason: "malformed" };
  if (payload.purpose !== purpose) return { ok: false, reason: "wrong-purpose" };
  if (payload.exp !== undefined && now.getTime() >= payload.exp * 1000) return { ok: false, reason: "expired" };
  return { ok: true, payload };
}
