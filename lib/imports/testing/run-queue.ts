import { sql, type SQL } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";
import { claimImportJobAnyWorkspace } from "@/db/queries/contact-import-jobs";
import { LEASE_MS } from "../limits";
import { runImportJob } from "../run-import-job";

/** Claims and runs imports until none is left, as the worker would. */
export async function runQueue(owner = "test-worker") {
  for (;;) {
    const job = await claimImportJobAnyWorkspace(owner, LEASE_MS);
    if (!job) return;
    await runImportJob(job, owner);
  }
}

export const queryRows = executeRows;

export async function count(q: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(sql`select count(*) as n from (${q}) x`);
  return Number(row!.n);
}
