import { index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { contactIdColumn } from "./contacts";
import { createdAtColumn, workspaceIdColumn } from "./columns";

/**
 * Pinpoint endpoints (one device, address or channel of a user) as the Pinpoint-compatible API and
 * the Pinpoint importer received them. The contact is what segments, journeys and sends read; the
 * endpoint row keeps Pinpoint's own view (`Id`, `Attributes` as lists, `Demographic`…), so
 * `GetEndpoint` answers with what the app sent and the endpoint id stays stable.
 */
export const pinpointEndpoints = pgTable(
  "pinpoint_endpoints",
  {
    workspaceId: workspaceIdColumn(),
    endpointId: text("endpoint_id").notNull(),
    contactId: contactIdColumn(),
    /** `User.UserId`, when the endpoint names one (GetUserEndpoints reads by it). */
    userId: text("user_id"),
    /** The endpoint's fields in Pinpoint's shape (`EndpointResponse` without its ids and dates). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.endpointId] }),
    index("pinpoint_endpoints_user_idx").on(t.workspaceId, t.userId),
    index("pinpoint_endpoints_contact_idx").on(t.contactId),
  ],
);

/**
 * Signatures of SigV4 requests already served, kept until their date is too old to be accepted
 * anyway (15 minutes), so a captured request cannot be replayed.
 */
export const sigv4Signatures = pgTable(
  "sigv4_signatures",
  {
    signature: text("signature").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sigv4_signatures_expires_idx").on(t.expiresAt)],
);

/**
 * What the Pinpoint importer made of each Pinpoint object (lib/pinpoint/import): re-importing the
 * same export updates these rows' objects instead of creating them again. `kind` is `template`,
 * `segment`, `campaign` or `journey`; `pinpointId` a template's name (templates have no id) or the
 * object's Id; `waymarkId` the Waymark object's id.
 */
export const pinpointImportIds = pgTable(
  "pinpoint_import_ids",
  {
    workspaceId: workspaceIdColumn(),
    kind: text("kind").notNull(),
    pinpointId: text("pinpoint_id").notNull(),
    waymarkId: text("waymark_id").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.pinpointId] })],
);
