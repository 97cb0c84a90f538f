import { sql } from "drizzle-orm";
import { executeRows } from "@/db/execute-rows";

export type TSqlParam = string | number | boolean | null;

/**
 * Runs one `$1`-parameterised statement for the e2e test hook (app/api/test/sql): the values are
 * bound as parameters, never spliced into the text.
 */
export async function runTestHookSql(query: string, params: TSqlParam[]) {
  const chunks = query.split(/\$\d+/);
  const order = [...query.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
  const statement = sql.join(
    chunks.flatMap((c, i) =>
      i < order.length ? [sql.raw(c), sql`${params[order[i]!]}`] : [sql.raw(c)],
    ),
    sql.raw(""),
  );
  return executeRows(statement);
}
