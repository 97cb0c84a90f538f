import { env } from "@/lib/env";
import { dbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { DEMO_AWS_ACCESS_KEY_ID, DEMO_PINPOINT_APP_ID, DEMO_USERS } from "@/lib/demo/demo-accounts";
import { hashApiKey } from "@/lib/api-keys/api-key";
import { secretAccessKeyFor } from "@/lib/pinpoint/aws-credentials";
import { resealedCount, resealSecrets, unreadableSecrets } from "@/lib/crypto/reseal-secrets";
import { demoCredentials } from "./demo-credentials";
import { seedDemo } from "./seed-demo";

let prepared: Promise<void> | undefined;

/** Migrates and (when enabled) seeds the demo, once per process. Called from instrumentation.ts at start. */
export function prepareDatabase(log: (line: string) => void = console.info): Promise<void> {
  prepared ??= (async () => {
    const handle = dbHandle();
    const started = Date.now();
    await migrateDb(handle);
    const where =
      handle.kind === "pglite"
        ? `embedded PGlite at ${env.PGLITE_DIR}`
        : "PostgreSQL (DATABASE_URL)";
    log(`[waymark] database ready: ${where}, migrations applied in ${Date.now() - started} ms`);
    // After an AUTH_SECRET rotation: stored secrets sealed under a previous secret move to the
    // current one (a few rows; a row a replica already moved is left alone).
    const resealed = await resealSecrets();
    if (resealedCount(resealed))
      log(`[waymark] secrets re-sealed under the current AUTH_SECRET: ${resealedCount(resealed)}`);
    if (unreadableSecrets(resealed).length)
      log(
        `[waymark] secrets no kept AUTH_SECRET opens (enter them again in Settings): ${unreadableSecrets(resealed).join(", ")}`,
      );
    if (!env.WAYMARK_SEED_DEMO) return;
    await seedDemo();
    const { password, apiKey, publicKey } = demoCredentials();
    log(
      `[waymark] demo workspace "Acme Demo" — sign in with any of these (password: ${password})` +
        (env.WAYMARK_DEMO_CREDENTIALS === "derived"
          ? ", derived from AUTH_SECRET for this install (WAYMARK_DEMO_CREDENTIALS=derived):"
          : ":"),
    );
    for (const u of DEMO_USERS) log(`[waymark]   ${u.role.padEnd(8)} ${u.email}`);
    log(`[waymark] demo secret API key: ${apiKey}`);
    log(`[waymark] demo public write key: ${publicKey}`);
    log(
      `[waymark] demo AWS SDK (Pinpoint) credentials: endpoint <app>/api/pinpoint, application id ${DEMO_PINPOINT_APP_ID}, access key id ${DEMO_AWS_ACCESS_KEY_ID}, secret ${secretAccessKeyFor(hashApiKey(apiKey))}`,
    );
  })();
  return prepared;
}
