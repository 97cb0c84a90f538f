import { z } from "zod";
import { API_KEY_KINDS, API_KEY_SCOPES, type TApiKeyKind } from "@/lib/api-keys/kinds";
import { randomToken, sha256Hex } from "@/lib/crypto/tokens";

// The kind shows in the key itself, so a secret key pasted into a browser bundle is easy to spot.
const KEY_PREFIX: Record<TApiKeyKind, string> = { public: "wm_pk_", secret: "wm_sk_" };
const DISPLAY_RANDOM_CHARS = 8;

export const ZCreateApiKey = z
  .object({
    name: z
      .string({ error: "Name is required" })
      .trim()
      .min(1, { error: "Name is required" })
      .max(60, { error: "Name must be at most 60 characters" }),
    kind: z.enum(API_KEY_KINDS, { error: "Kind must be public or secret" }).default("secret"),
    scopes: z
      .array(z.enum(API_KEY_SCOPES, { error: `Scopes are ${API_KEY_SCOPES.join(", ")}` }))
      .max(API_KEY_SCOPES.length)
      .optional(),
  })
  .transform((v, ctx) => {
    if (v.kind === "public") {
      if (v.scopes?.length)
        ctx.addIssue({
          code: "custom",
          path: ["scopes"],
          message: "A public key has fixed rights (identify, track, page, screen, batch)",
        });
      return { ...v, scopes: [] };
    }
    const scopes = [...new Set(v.scopes ?? [])];
    if (!scopes.length)
      ctx.addIssue({ code: "custom", path: ["scopes"], message: "Pick at least one scope" });
    return { ...v, scopes };
  });
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export function generateApiKey(kind: TApiKeyKind = "secret"): {
  key: string;
  prefix: string;
  hash: string;
} {
  const key = `${KEY_PREFIX[kind]}${randomToken(32)}`;
  return {
    key,
    prefix: key.slice(0, KEY_PREFIX[kind].length + DISPLAY_RANDOM_CHARS),
    hash: hashApiKey(key),
  };
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/**
 * Reads the key from `Authorization: Bearer <key>`, or from HTTP Basic with the key as user name
 * (what the Segment and RudderStack SDKs send as their write key).
 */
export function extractApiKey(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const user = decoded.split(":", 1)[0];
    return user || null;
  }
  return null;
}
