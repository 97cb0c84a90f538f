import { notInArray } from "drizzle-orm";
import { db } from "@/db";
import { executorFunctions } from "@/db/schema";

export type TStoredFunction = { id: string; appId: string; url: string; config: unknown };

/** Replaces the registry with what the app reported (functions it no longer serves are dropped). */
export async function replaceFunctions(fns: TStoredFunction[]): Promise<void> {
  await db().transaction(async (tx) => {
    for (const fn of fns) {
      await tx
        .insert(executorFunctions)
        .values(fn)
        .onConflictDoUpdate({
          target: executorFunctions.id,
          set: { appId: fn.appId, url: fn.url, config: fn.config, syncedAt: new Date() },
        });
    }
    const ids = fns.map((f) => f.id);
    if (ids.length) await tx.delete(executorFunctions).where(notInArray(executorFunctions.id, ids));
    else await tx.delete(executorFunctions).where(notInArray(executorFunctions.id, [""]));
  });
}

export async function listFunctions(): Promise<TStoredFunction[]> {
  return db()
    .select({
      id: executorFunctions.id,
      appId: executorFunctions.appId,
      url: executorFunctions.url,
      config: executorFunctions.config,
    })
    .from(executorFunctions);
}
