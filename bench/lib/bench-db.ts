import { createFreshDatabase } from "@/db/testing/fresh-database";

/** A fresh database on the PostgreSQL server of BENCH_DATABASE_URL (or the local one), dropped at the end. */
export function createBenchDatabase(prefix: string) {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  return createFreshDatabase(server, prefix);
}
