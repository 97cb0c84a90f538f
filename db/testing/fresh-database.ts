import { Client } from "pg";
import { randomToken } from "@/lib/crypto/tokens";

/** A new, empty database on the PostgreSQL server at `serverUrl`, and how to drop it again. */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
  const run = async (statement: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
