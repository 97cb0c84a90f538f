import { dbHandle } from "@/db";
import { migrateDb } from "@/db/migrate";
import { setEventSink } from "@/inngest/emit-events";
import { prepareDatabase } from "@/lib/demo/prepare-database";

// `npm run db:migrate` for deployments that migrate before starting the app; the app also
// migrates itself at start, so this is optional. `npm run db:seed` adds the demo workspace;
// `npm run db:refresh-rollups` rebuilds the dashboard rollups from the raw rows;
// `npm run db:reseal-secrets` re-seals stored secrets after an AUTH_SECRET rotation.
async function main(command: string | undefined) {
  setEventSink(); // seeding enters demo contacts into journeys, whose runs the executor starts
  const handle = dbHandle();
  try {
    if (command === "migrate") await migrateDb(handle);
    else if (command === "seed") await prepareDatabase();
    else if (command === "refresh-rollups") {
      // On demand (after a restore or a bulk import of old events): rebuild every dashboard rollup.
      const { refreshRollups } = await import("@/lib/analytics/refresh-rollups");
      console.info(`[waymark] ${JSON.stringify(await refreshRollups({ full: true }))}`);
    } else if (command === "reseal-secrets") {
      // After rotating AUTH_SECRET (the app also does this at start): stored secrets (channel
      // providers, stream destinations, ESP webhook keys) sealed under a previous secret are
      // sealed again under the current one.
      const { resealSecrets } = await import("@/lib/crypto/reseal-secrets");
      console.info(`[waymark] ${JSON.stringify(await resealSecrets())}`);
    } else
      throw new Error(
        `usage: tsx scripts/db.ts migrate|seed|refresh-rollups|reseal-secrets (got ${command ?? "nothing"})`,
      );
    console.info(`[waymark] ${command} done`);
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err);
  process.exit(1);
});
