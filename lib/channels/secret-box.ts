import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { TKeyRing, TKeyVersion } from "@/lib/crypto/app-secret";
import {
  SECRET_FIELDS,
  ZProviderConfig,
  type TProviderConfig,
  type TProviderKind,
} from "./provider-config";

/**
 * Provider secrets at rest: AES-256-GCM with a random 96-bit IV per value, stored as
 * `v2:<base64url(key version ‖ iv ‖ tag ‖ ciphertext)>`; the key version (lib/crypto/app-secret.ts)
 * picks the key among the current and previous AUTH_SECRETs' during a rotation. Rows written
 * before key versions hold `v1:<base64url(iv ‖ tag ‖ ciphertext)>` and open under any kept key.
 * Pure: keys are always passed in, never read from the environment.
 */

const V1 = "v1:";
const V2 = "v2:";

/** A key that seals: a versioned one writes `v2:`, a bare one `v1:` (kept for tools and tests). */
export type TSealKey = TKeyVersion | Uint8Array;
/** Keys that open: every kept version (current first), or one bare key. */
export type TOpenKeys = TKeyVersion[] | Uint8Array;

const bare = (key: TSealKey | TOpenKeys): key is Uint8Array => key instanceof Uint8Array;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {}

/** A 32-byte key from any long secret (e.g. AUTH_SECRET), separated by purpose so keys never repeat across uses. */
export function deriveSecretKey(secret: string, purpose = "waymark/channel-secrets"): Buffer {
  if (secret.length < 16)
    throw new SecretBoxError("The secret a key is derived from must be at least 16 characters");
  return Buffer.from(hkdfSync("sha256", secret, "waymark", purpose, 32));
}

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new SecretBoxError("The key must be 32 bytes");
}

/** `aad` binds the ciphertext to where it lives (sealConfig passes `kind.field`), so values cannot be swapped. */
export function encryptSecret(plain: string, sealKey: TSealKey, aad = ""): string {
  const key = bare(sealKey) ? sealKey : sealKey.key;
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]);
  if (bare(sealKey)) return V1 + sealed.toString("base64url");
  return V2 + Buffer.concat([Buffer.from([sealKey.id]), sealed]).toString("base64url");
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && (value.startsWith(V1) || value.startsWith(V2));
}

/** The key version a box was sealed under, or null for a `v1:` box (from before versions). */
export function sealedKeyVersion(box: string): number | null {
  return box.startsWith(V2) ? (Buffer.from(box.slice(V2.length), "base64url")[0] ?? null) : null;
}

/**
 * Throws SecretBoxError when the box was altered, sealed under a key not in `keys` or for another
 * place. A `v2:` box is tried with the keys of its version, a `v1:` box with each key.
 */
export function decryptSecret(box: string, keys: TOpenKeys, aad = ""): string {
  if (!isSealed(box)) throw new SecretBoxError("Not a sealed secret (unknown version)");
  const versioned = box.startsWith(V2);
  let raw = Buffer.from(box.slice(V1.length), "base64url");
  const version = versioned ? raw[0] : undefined;
  if (versioned) raw = raw.subarray(1);
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError("Sealed secret is truncated");
  if (bare(keys)) checkKey(keys);
  const candidates = bare(keys)
    ? [keys]
    : keys.filter((k) => !versioned || k.id === version).map((k) => k.key);
  for (const key of candidates) {
    try {
      return openWith(raw, key, aad);
    } catch {
      // the next key of that version, if any
    }
  }
  throw new SecretBoxError("Sealed secret failed authentication (wrong key or altered)");
}

function openWith(raw: Buffer, key: Uint8Array, aad: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretBoxError("Sealed secret failed authentication (wrong key or altered)");
  }
}

type TObj = Record<string, unknown>;

export function getPath(obj: TObj, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as TObj)[k] : undefined), obj);
}

/** A copy of `obj` with `path` set; intermediate objects are copied, never mutated. */
function setPath(obj: TObj, path: string, value: unknown): TObj {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  const copy = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = copy[head];
  if (!inner || typeof inner !== "object") return copy;
  copy[head] = setPath(inner as TObj, rest.join("."), value);
  return copy;
}

function mapSecrets(
  config: TObj,
  kind: TProviderKind,
  fn: (value: unknown, path: string) => unknown,
): TObj {
  return SECRET_FIELDS[kind].reduce(
    (acc, path) => setPath(acc, path, fn(getPath(acc, path), path)),
    config,
  );
}

/** The stored shape of a config: identical to the config except each secret field holds a `v1:` box. */
export type TSealedConfig = { kind: TProviderKind } & TObj;

export function sealConfig(config: TProviderConfig, key: TSealKey): TSealedConfig {
  const sealed = mapSecrets(config as TObj, config.kind, (v, path) =>
    typeof v === "string" && v !== "" ? encryptSecret(v, key, `${config.kind}.${path}`) : v,
  );
  return sealed as TSealedConfig;
}

/** Decrypts the secrets and validates the result, so a provider is only ever built from a well-formed config. */
export function openConfig(stored: TSealedConfig, key: TOpenKeys): TProviderConfig {
  const kind = stored.kind;
  const opened = mapSecrets(stored, kind, (v, path) =>
    isSealed(v) ? decryptSecret(v, key, `${kind}.${path}`) : v,
  );
  return ZProviderConfig.parse(opened);
}

/** What the browser sees in place of a secret: whether one is set, never any part of it. */
export type TSecretMarker = { set: boolean };

export function redactConfig(
  config: TProviderConfig | TSealedConfig,
): TObj & { kind: TProviderKind } {
  return mapSecrets(
    config as TObj,
    config.kind,
    (v) => ({ set: typeof v === "string" && v !== "" }) satisfies TSecretMarker,
  ) as TObj & {
    kind: TProviderKind;
  };
}

export function isKept(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (typeof value === "object" && !Array.isArray(value))
  );
}

/**
 * An update from the settings form applied over the stored config (opened, i.e. decrypted):
 * a secret left blank, or sent back as its redaction marker, keeps the stored value, so an admin
 * can change the host without retyping the password. Changing `kind` keeps nothing.
 * Returns the validated config to seal; throws a ZodError naming the bad field.
 */
export function mergeConfigUpdate(
  stored: TProviderConfig | null,
  incoming: unknown,
): TProviderConfig {
  if (
    !incoming ||
    typeof incoming !== "object" ||
    !stored ||
    (incoming as TObj).kind !== stored.kind
  ) {
    return withoutUnusedKey(ZProviderConfig.parse(incoming));
  }
  const merged = mapSecrets(normalizeIncoming(incoming as TObj, stored), stored.kind, (v, path) =>
    isKept(v) ? getPath(stored as TObj, path) : v,
  );
  return withoutUnusedKey(ZProviderConfig.parse(merged));
}

/** An AWS provider switched to the default credential chain forgets the access key it had. */
function withoutUnusedKey(config: TProviderConfig): TProviderConfig {
  if (
    (config.kind !== "ses" && config.kind !== "aws_sms") ||
    config.credentials !== "default_chain"
  )
    return config;
  const { accessKeyId: _id, secretAccessKey: _secret, ...rest } = config;
  return rest;
}

/** A service account comes as pasted JSON text or not at all when unchanged; make it an object either way. */
function normalizeIncoming(incoming: TObj, stored: TProviderConfig): TObj {
  if (stored.kind !== "fcm") return incoming;
  let account = incoming.serviceAccount;
  if (typeof account === "string" && account.trim() !== "") {
    try {
      account = JSON.parse(account);
    } catch {
      return incoming; // left for the schema to reject, naming the field
    }
  }
  if (account === undefined || account === null || account === "") account = stored.serviceAccount;
  return { ...incoming, serviceAccount: account };
}

export type TResealedBox =
  { state: "current" } | { state: "resealed"; box: string } | { state: "unreadable" };

/**
 * One box after an AUTH_SECRET rotation: left alone when it is already a `v2:` box of the current
 * key that opens, sealed again under the current key when a kept key opens it, else unreadable.
 */
export function resealBox(box: string, ring: TKeyRing, aad = ""): TResealedBox {
  if (sealedKeyVersion(box) === ring.current.id) {
    try {
      decryptSecret(box, [ring.current], aad);
      return { state: "current" };
    } catch {
      // the same version id under another secret: try every kept key below
    }
  }
  try {
    return {
      state: "resealed",
      box: encryptSecret(decryptSecret(box, ring.all, aad), ring.current, aad),
    };
  } catch {
    return { state: "unreadable" };
  }
}
