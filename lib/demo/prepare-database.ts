import { env } from "@/lib/env";
import { dbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import {
  DEMO_API_KEY,
  DEMO_AWS_ACCESS_KEY_ID,
  DEMO_PASSWORD,
  DEMO_PINPOINT_APP_ID,
  DEMO_PUBLIC_KEY,
  DEMO_USERS,
} from "@/lib/demo/demo-accounts";
import { hashApiKey } from "@/lib/api-keys/api-key";
import { secretAccessKeyFor } from "@/lib/pinpoint/aws-credentials";
import { resealChannelSecrets } from "@/lib/messages/send/reseal-channel-secrets";
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
    // After an AUTH_SECRET rotation: channel secrets sealed under a previous secret move to the
    // current one (a few rows; a config a replica already moved is left alone).
    const resealed = await resealChannelSecrets();
    if (resealed.resealed)
      log(
        `[waymark] channel secrets re-sealed under the current AUTH_SECRET: ${resealed.resealed}`,
      );
    if (resealed.unreadable.length)
      log(
        `[waymark] channel settings no kept AUTH_SECRET opens (enter their secrets again): ${resealed.unreadable.join(", ")}`,
      );
    if (!env.WAYMARK_SEED_DEMO) return;
    await seedDemo();
    log(
      '[waymark] demo workspace "Acme Demo" — sign in with any of these (password: ' +
        DEMO_PASSWORD +
        "):",
    );
    for (const u of DEMO_USERS) log(`[waymark]   ${u.role.padEnd(8)} ${u.email}`);
    log(`[waymark] demo secret API key: ${DEMO_API_KEY}`);
    log(`[waymark] demo public write key: ${DEMO_PUBLIC_KEY}`);
    log(
      `[waymark] demo AWS SDK (Pinpoint) credentials: endpoint <app>/api/pinpoint, application id ${DEMO_PINPOINT_APP_ID}, access key id ${DEMO_AWS_ACCESS_KEY_ID}, secret ${secretAccessKeyFor(hashApiKey(DEMO_API_KEY))}`,
    );
  })();
  return prepared;
}
