import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate` to diff the schema into SQL migrations; the app applies
// them itself at start (db/migrate.ts), on PGlite or PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
