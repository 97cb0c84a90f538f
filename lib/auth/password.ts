import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// OWASP's scrypt floor (N=2^17, r=8, p=1): about 128 MiB and a few hundred ms per hash, run on
// libuv's thread pool so the event loop keeps serving. Parameters are stored with each hash so
// they can be raised later without invalidating existing passwords.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  opts: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, keylen, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

const maxmem = (N: number, r: number) => 128 * N * r * 2;

/**
 * At most this many hashes run at once in a process: each takes ~128 MiB and a libuv thread for a
 * few hundred ms, so a burst of sign-ins could exhaust memory and starve every other use of the
 * thread pool. Past the cap a caller gets 429 at once instead of queueing behind the burst.
 */
let running = 0;

export class PasswordHashingBusyError extends AppError {
  constructor() {
    super(429, "busy", "Too many sign-ins at once; try again in a moment", undefined, {
      retryAfterSeconds: 1,
    });
  }
}

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= env.WAYMARK_MAX_PASSWORD_HASHES) throw new PasswordHashingBusyError();
  running++;
  try {
    return await work();
  } finally {
    running--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await limited(() =>
    scrypt(password, salt, KEY_LENGTH, { ...PARAMS, maxmem: maxmem(PARAMS.N, PARAMS.r) }),
  );
  return [
    "scrypt",
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !saltB64 || !keyB64) return false;
  const N = Number(n);
  const R = Number(r);
  const expected = Buffer.from(keyB64, "base64url");
  const actual = await limited(() =>
    scrypt(password, Buffer.from(saltB64, "base64url"), expected.length, {
      N,
      r: R,
      p: Number(p),
      maxmem: maxmem(N, R),
    }),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
