import { dbHandle } from "./index";
import { migrateDb } from "./migrate";
import { prepareDatabase } from "./prepare";

// `npm run db:migrate` for deployments that migrate before starting the app; the app also
// migrates itself at start, so this is optional. `npm run db:seed` adds the demo workspace.
async function main(command: string | undefined) {
  const handle = dbHandle();
  try {
    if (command === "migrate") await migrateDb(handle);
    else if (command === "seed") await prepareDatabase();
    else throw new Error(`usage: tsx db/cli.ts migrate|seed (got ${command ?? "nothing"})`);
    console.info(`[waymark] ${command} done`);
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err);
  process.exit(1);
});
