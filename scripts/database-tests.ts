// Prints the test files whose result can depend on the database, one per line: CI's second pass,
// on PostgreSQL, runs `vitest run $(tsx scripts/database-tests.ts)`.
import { databaseTestFiles } from "@/db/testing/report-test-database";

process.stdout.write(databaseTestFiles(process.cwd()).join("\n") + "\n");
