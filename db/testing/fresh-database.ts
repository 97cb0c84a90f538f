import { Client } from "pg";
import { randomToken } from "@/lib/crypto/tokens";

/**
 * A new database on the PostgreSQL server at `serverUrl`, and how to drop it again: empty, or a
 * copy of `template` (CREATE DATABASE … TEMPLATE, which PostgreSQL refuses while anyone is
 * connected to the template: retried while a closed connection is still being reaped).
 */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
  opts: { template?: string } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
  const run = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  if (!opts.template) await run(`create database ${name}`);
  else
    for (let attempt = 0; ; attempt++) {
      try {
        await run(`create database ${name} template ${opts.template}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== "55006" || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Dropping with (force) straight away can terminate a backend the pool has just closed but the
  // server has not yet reaped, and the client then reports that as an error. Wait for them to go.
  const drop = async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        return await run(`drop database if exists ${name}`);
      } catch (err) {
        if ((err as { code?: string }).code !== "55006") throw err; // 55006: still in use
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await run(`drop database if exists ${name} with (force)`);
  };
  return { url: url.toString(), drop };
}
