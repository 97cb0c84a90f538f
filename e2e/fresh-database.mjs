// Drops and creates the database a DATABASE_URL names, on the same server, so an e2e server
// (e2e/server.ts, servers after the first) starts on a fresh, empty one. Usage:
//   node e2e/fresh-database.mjs postgres://user@host:5432/name
import pg from "pg";

const target = new URL(process.argv[2] ?? "");
const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
if (!/^[A-Za-z0-9_]+$/.test(name)) {
  console.error(`fresh-database: refusing database name ${JSON.stringify(name)}`);
  process.exit(1);
}
const admin = new URL(target);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
try {
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.query(`create database "${name}"`);
  console.info(`fresh-database: created ${name}`);
} finally {
  await client.end();
}
