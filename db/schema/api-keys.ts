import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import type { TApiKeyKind, TApiKeyScope } from "@/lib/api-keys/kinds";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** First characters of the key, shown in lists so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the whole key; the key itself is shown once and never stored. */
    keyHash: text("key_hash").notNull(),
    /** Keys made before kinds existed were server keys, so the default keeps them working. */
    kind: text("kind").$type<TApiKeyKind>().notNull().default("secret"),
    /** What a secret key may do; a public key's rights are fixed and this stays empty. */
    scopes: text("scopes")
      .array()
      .$type<TApiKeyScope[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /**
     * The AWS access key id of a key with the `pinpoint` scope (AWS SDKs sign with it). Its secret
     * is derived from the key's hash and the app secret (lib/pinpoint/aws-credentials.ts), so
     * nothing that signs requests is stored.
     */
    accessKeyId: text("access_key_id"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    uniqueIndex("api_keys_access_key_id_key").on(t.accessKeyId),
    index("api_keys_workspace_idx").on(t.workspaceId),
  ],
);

export type TApiKey = typeof apiKeys.$inferSelect;
