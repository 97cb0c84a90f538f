import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import type { DbHandle } from "@/db";

/**
 * Counts the statements sent to the database while `fn` runs, one per round trip: on PostgreSQL
 * every `pg.Client#query` (what the pool and transactions call, `begin` and `commit` included); on
 * PGlite every `query`/`exec`, with a transaction counted as its `begin` and `commit` plus what
 * runs inside it. Returns the statements' text, so a failing assertion shows what was sent.
 * Nothing else may use the database meanwhile.
 */
export async function countRoundTrips<T>(
  handle: DbHandle,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const textOf = (q: unknown) =>
    (typeof q === "string" ? q : ((q as { text?: string } | null)?.text ?? String(q)))
      .replace(/\s+/g, " ")
      .slice(0, 120);
  const restore: (() => void)[] = [];
  if (handle.kind === "postgres") {
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      statements.push(textOf(args[0]));
      return original.apply(this, args);
    };
    restore.push(() => (proto.query = original));
  } else {
    const client = handle.client;
    const own = client as unknown as Record<string, unknown>;
    // Own properties over the prototype's methods; deleting them restores the instance.
    const wrap = <K extends "query" | "exec">(target: Pick<Transaction, K>, key: K) => {
      const original = target[key] as (...args: unknown[]) => unknown;
      (target as Record<string, unknown>)[key] = (...args: unknown[]) => {
        statements.push(textOf(args[0]));
        return original.apply(target, args);
      };
    };
    wrap(client, "query");
    wrap(client, "exec");
    restore.push(() => {
      delete own.query;
      delete own.exec;
    });
    const transaction = client.transaction.bind(client);
    client.transaction = (<R>(callback: (tx: Transaction) => Promise<R>) =>
      transaction(async (tx: Transaction) => {
        statements.push("begin");
        wrap(tx, "query");
        wrap(tx, "exec");
        const result = await callback(tx);
        statements.push("commit");
        return result;
      })) as PGlite["transaction"];
    restore.push(() => delete own.transaction);
  }
  try {
    return { result: await fn(), statements };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}
