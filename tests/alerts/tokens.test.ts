// Signed links (server/alerts/tokens.ts): what we sign verifies, and nothing else does — no changed character, no
// other secret, no other purpose, nothing expired, nothing oversized.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TOKEN_PURPOSES } from "@/server/alerts/constants";
import { MAX_TOKEN_LENGTH, signToken, verifyToken, type TokenFailure, type TokenPayload } from "@/server/alerts/tokens";

const SECRET = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const OTHER_SECRET = "another-secret-0123456789abcdefghijklmnopqrstuv";
const NOW = new Date("2025-07-20T03:00:00.000Z");
const NOW_S = NOW.getTime() / 1000;
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Signs any text as a payload the way the module does (documented scheme), to forge well-signed bad payloads. */
function signRaw(payloadJson: string, secret = SECRET): string {
  const key = createHmac("sha256", secret).update("tradewatch alert links v1").digest();
  const payloadPart = Buffer.from(payloadJson, "utf8").toString("base64url");
  return `${payloadPart}.${createHmac("sha256", key).update(payloadPart).digest("base64url")}`;
}

describe("round trip", () => {
  it.each([
    [{ purpose: "unsubscribe", sub: 42 }],
    [{ purpose: "unsubscribe", sub: 0 }],
    [{ purpose: "confirm", sub: 7, exp: NOW_S + 86_400 }],
    [{ purpose: "manage", sub: "sub_01HZX9", exp: NOW_S + 1 }],
    [{ purpose: "manage", sub: "reader@example.org" }],
    [{ purpose: "confirm", sub: "구독자-1" }],
    [{ purpose: "unsubscribe", sub: Number.MAX_SAFE_INTEGER }],
    [{ purpose: "unsubscribe", sub: "x".repeat(200) }],
  ] as const satisfies readonly [TokenPayload][])("%j", (payload) => {
    const token = signToken(SECRET, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token); // goes into a URL unchanged
    expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(verifyToken(SECRET, token, payload.purpose, NOW)).toEqual({ ok: true, payload });
    expect(signToken(SECRET, payload)).toBe(token); // deterministic
    expect(signToken(Buffer.from(SECRET), payload)).toBe(token); // a string or its bytes
  });

  it("the same payload under another purpose is another token", () => {
    const tokens = TOKEN_PURPOSES.map((purpose) => signToken(SECRET, { purpose, sub: 1 }));
    expect(new Set(tokens).size).toBe(TOKEN_PURPOSES.length);
  });
});

describe("refused", () => {
  const TOKEN = signToken(SECRET, { purpose: "unsubscribe", sub: 42 });
  const [PAYLOAD_PART, SIGNATURE_PART] = TOKEN.split(".") as [string, string];

  it("every single-character change anywhere in the token", () => {
    let tried = 0;
    for (let i = 0; i < TOKEN.length; i++) {
      if (TOKEN[i] === ".") continue;
      for (const c of B64URL) {
        if (c === TOKEN[i]) continue;
        const tampered = TOKEN.slice(0, i) + c + TOKEN.slice(i + 1);
        const result = verifyToken(SECRET, tampered, "unsubscribe", NOW);
        expect(result, `${i}:${c}`).toEqual({ ok: false, reason: "bad-signature" });
        tried++;
      }
    }
    expect(tried).toBe((TOKEN.length - 1) * 63);
  });

  const REFUSALS: [label: string, make: () => string, secret: string, reason: TokenFailure][] = [
    ["another secret", () => TOKEN, OTHER_SECRET, "bad-signature"],
    ["purpose swapped in the payload", () => `${Buffer.from(JSON.stringify({ purpose: "manage", sub: 42 })).toString("base64url")}.${SIGNATURE_PART}`, SECRET, "bad-signature"],
    ["another subscriber in the payload", () => `${Buffer.from(JSON.stringify({ purpose: "unsubscribe", sub: 43 })).toString("base64url")}.${SIGNATURE_PART}`, SECRET, "bad-signature"],
    ["expiry removed from a confirm link", () => {
      const sig = signToken(SECRET, { purpose: "confirm", sub: 42, exp: NOW_S - 60 }).split(".")[1];
      return `${Buffer.from(JSON.stringify({ purpose: "confirm", sub: 42 })).toString("base64url")}.${sig}`;
    }, SECRET, "bad-signature"],
    ["signature of another token", () => `${PAYLOAD_PART}.${signToken(SECRET, { purpose: "unsubscribe", sub: 43 }).split(".")[1]}`, SECRET, "bad-signature"],
    ["signature truncated", () => `${PAYLOAD_PART}.${SIGNATURE_PART.slice(0, -1)}`, SECRET, "bad-signature"],
    ["signature lengthened", () => `${PAYLOAD_PART}.${SIGNATURE_PART}A`, SECRET, "bad-signature"],
    ["payload truncated", () => `${PAYLOAD_PART.slice(0, -1)}.${SIGNATURE_PART}`, SECRET, "bad-signature"],
    ["signed with a HMAC of the raw secret (no derived key)", () => {
      const sig = createHmac("sha256", SECRET).update(PAYLOAD_PART).digest("base64url");
      return `${PAYLOAD_PART}.${sig}`;
    }, SECRET, "bad-signature"],
    ["empty", () => "", SECRET, "malformed"],
    ["just a dot", () => ".", SECRET, "malformed"],
    ["no signature", () => PAYLOAD_PART, SECRET, "malformed"],
    ["empty signature", () => `${PAYLOAD_PART}.`, SECRET, "malformed"],
    ["three parts", () => `${TOKEN}.${SIGNATURE_PART}`, SECRET, "malformed"],
    ["base64 padding", () => `${TOKEN}=`, SECRET, "malformed"],
    ["standard base64 characters", () => TOKEN.replace(/-/g, "+").replace(/_/g, "/") + "+/", SECRET, "malformed"],
    ["URL-encoded", () => encodeURIComponent(`${TOKEN} `), SECRET, "malformed"],
    ["whitespace around", () => ` ${TOKEN}\n`, SECRET, "malformed"],
    ["garbage", () => "not-a-token at all!", SECRET, "malformed"],
    ["over 1 KB", () => `${"A".repeat(MAX_TOKEN_LENGTH)}.${SIGNATURE_PART}`, SECRET, "malformed"],
    ["a megabyte", () => "A".repeat(1_000_000), SECRET, "malformed"],
    ["not a string", () => 42 as unknown as string, SECRET, "malformed"],
    // Correctly signed but not a payload we would ever sign (only someone with the secret could make these).
    ["signed non-JSON", () => signRaw("not json"), SECRET, "malformed"],
    ["signed array", () => signRaw("[1,2]"), SECRET, "malformed"],
    ["signed unknown purpose", () => signRaw(JSON.stringify({ purpose: "delete", sub: 1 })), SECRET, "malformed"],
    ["signed extra field", () => signRaw(JSON.stringify({ purpose: "unsubscribe", sub: 1, admin: true })), SECRET, "malformed"],
    ["signed fractional sub", () => signRaw(JSON.stringify({ purpose: "unsubscribe", sub: 1.5 })), SECRET, "malformed"],
    ["signed string exp", () => signRaw(JSON.stringify({ purpose: "unsubscribe", sub: 1, exp: "2030" })), SECRET, "malformed"],
  ];
  it.each(REFUSALS.map(([label, make, secret, reason]) => [label, reason, make, secret] as const))("%s → %s", (_, reason, make, secret) => {
    expect(verifyToken(secret, make(), "unsubscribe", NOW)).toEqual({ ok: false, reason });
  });

  it.each([
    ["confirm", "unsubscribe"],
    ["manage", "unsubscribe"],
    ["unsubscribe", "manage"],
    ["unsubscribe", "confirm"],
    ["confirm", "manage"],
  ] as const)("a %s link used to %s → wrong-purpose", (signedFor, usedFor) => {
    const token = signToken(SECRET, { purpose: signedFor, sub: 42 });
    expect(verifyToken(SECRET, token, usedFor, NOW)).toEqual({ ok: false, reason: "wrong-purpose" });
  });

  it.each([
    // [label, exp (epoch s), now, ok?]
    ["a second left", NOW_S + 1, NOW, true],
    ["a millisecond left", NOW_S + 1, new Date(NOW.getTime() + 999), true],
    ["at the expiry second", NOW_S, NOW, false],
    ["a day after", NOW_S - 86_400, NOW, false],
  ] as const)("expiry: %s", (_, exp, now, ok) => {
    const token = signToken(SECRET, { purpose: "confirm", sub: 42, exp });
    expect(verifyToken(SECRET, token, "confirm", now)).toEqual(
      ok ? { ok: true, payload: { purpose: "confirm", sub: 42, exp } } : { ok: false, reason: "expired" },
    );
  });

  it("the signature is checked before the purpose and the expiry", () => {
    const token = signToken(SECRET, { purpose: "confirm", sub: 42, exp: NOW_S - 60 });
    expect(verifyToken(OTHER_SECRET, token, "unsubscribe", NOW)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyToken(SECRET, token, "unsubscribe", NOW)).toEqual({ ok: false, reason: "wrong-purpose" });
    expect(verifyToken(SECRET, token, "confirm", NOW)).toEqual({ ok: false, reason: "expired" });
  });
});

describe("signing refuses what could never verify", () => {
  it.each([
    ["a short secret", "too-short", { purpose: "unsubscribe", sub: 1 }, "at least 32 bytes"],
    ["an empty secret", "", { purpose: "unsubscribe", sub: 1 }, "at least 32 bytes"],
    ["an unknown purpose", SECRET, { purpose: "delete", sub: 1 }, "Not a token payload"],
    ["an empty sub", SECRET, { purpose: "unsubscribe", sub: "" }, "Not a token payload"],
    ["a long sub", SECRET, { purpose: "unsubscribe", sub: "x".repeat(201) }, "Not a token payload"],
    ["a sub with a line break", SECRET, { purpose: "unsubscribe", sub: "a\nb" }, "Not a token payload"],
    ["a fractional sub", SECRET, { purpose: "unsubscribe", sub: 1.5 }, "Not a token payload"],
    ["a NaN sub", SECRET, { purpose: "unsubscribe", sub: Number.NaN }, "Not a token payload"],
    ["an exp in milliseconds-as-float", SECRET, { purpose: "confirm", sub: 1, exp: NOW_S + 0.5 }, "Not a token payload"],
    ["a zero exp", SECRET, { purpose: "confirm", sub: 1, exp: 0 }, "Not a token payload"],
  ])("%s", (_, secret, payload, message) => {
    expect(() => signToken(secret, payload as TokenPayload)).toThrow(message);
  });

  it("verifying with a short secret is a programming error, not a refused link", () => {
    expect(() => verifyToken("short", "a.b", "unsubscribe", NOW)).toThrow("at least 32 bytes");
  });
});
