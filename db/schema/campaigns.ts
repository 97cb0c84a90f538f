import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAtColumn, workspaceIdColumn } from "./columns";
import { contacts } from "./contacts";
import { messageChannel, messages, templates } from "./messaging";
import { segments } from "./segments";
import { topics } from "./topics";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const CAMPAIGN_STATES = [
  "draft",
  "scheduled",
  "running",
  "paused",
  "completed",
  "cancelled",
  "failed",
] as const;
export const campaignState = pgEnum("campaign_state", CAMPAIGN_STATES);
export type TCampaignState = (typeof CAMPAIGN_STATES)[number];

export const campaignAudienceKind = pgEnum("campaign_audience_kind", ["segment", "everyone"]);

/** `now` and `at` are one-off; `local_time`, `recurring` and `event` are the later kinds (issue 15). */
export const CAMPAIGN_SCHEDULE_KINDS = ["now", "at", "local_time", "recurring", "event"] as const;
export const campaignScheduleKind = pgEnum("campaign_schedule_kind", CAMPAIGN_SCHEDULE_KINDS);

/**
 * A send of one message to an audience. The editable settings live here; each launch (or each
 * occurrence of a recurring one) is a run that copies what it sends, so editing a campaign never
 * changes a run under way.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    name: text("name").notNull(),
    audienceKind: campaignAudienceKind("audience_kind").notNull().default("segment"),
    /** Null for `everyone` and while a draft has none (or its segment was deleted: launch refuses it then). */
    segmentId: uuid("segment_id").references(() => segments.id, { onDelete: "set null" }),
    channel: messageChannel("channel").notNull(),
    /** The first treatment's template (every treatment is in campaign_treatments). */
    templateId: uuid("template_id").references(() => templates.id, { onDelete: "set null" }),
    templateVersion: integer("template_version"),
    /** The subscription topic; null: the template's topic, if any. */
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "set null" }),
    /** Whole per cent of the audience kept out as the control group (receives nothing). */
    holdoutPercent: smallint("holdout_percent").notNull().default(0),
    scheduleKind: campaignScheduleKind("schedule_kind").notNull().default("now"),
    /** `at`: `{ sendAt }`; later kinds add local time, recurrence and event filters. */
    scheduleSettings: jsonb("schedule_settings")
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    /** When the next run starts (`at`, and later each recurrence). */
    nextRunAt: timestamp("next_run_at", { withTimezone: true }),
    /** lib/campaigns/campaign-limits.ts: messages/s, per-contact daily cap, quiet hours, maximum duration. */
    limits: jsonb("limits").$type<Record<string, unknown>>().notNull().default({}),
    /** `{ event, windowDays }`: the goal whose conversions the results count, holdout included. */
    conversion: jsonb("conversion").$type<{ event: string; windowDays: number }>(),
    state: campaignState("state").notNull().default("draft"),
    stateChangedAt: timestamp("state_changed_at", { withTimezone: true }).notNull().defaultNow(),
    stateChangedBy: uuid("state_changed_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("campaigns_workspace_name_key").on(t.workspaceId, t.name),
    index("campaigns_workspace_state_idx").on(t.workspaceId, t.state),
  ],
);

/** A/B treatments: up to five, each its own template version and share of the non-held-out audience. */
export const campaignTreatments = pgTable(
  "campaign_treatments",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** 0-based; 0 is the campaign's own template. */
    position: smallint("position").notNull(),
    workspaceId: workspaceIdColumn(),
    label: text("label").notNull(),
    /** Null once its template is deleted: launch then refuses the campaign, naming the treatment. */
    templateId: uuid("template_id").references(() => templates.id, { onDelete: "set null" }),
    templateVersion: integer("template_version").notNull(),
    percent: smallint("percent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.position] })],
);

export const CAMPAIGN_RUN_STATUSES = [
  /** Created and waiting for its start time (`scheduledFor`), then snapshotting: the audience is taken at the start, so it is current. */
  "snapshotting",
  "sending",
  "paused",
  "completed",
  "cancelled",
  "failed",
] as const;
export const campaignRunStatus = pgEnum("campaign_run_status", CAMPAIGN_RUN_STATUSES);
export type TCampaignRunStatus = (typeof CAMPAIGN_RUN_STATUSES)[number];

/**
 * One send of a campaign to its audience as it was at `snapshotAt`. The treatments, holdout,
 * channel and limits are copied here at launch: what a run sends never changes under it.
 */
export const campaignRuns = pgTable(
  "campaign_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: workspaceIdColumn(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** 1, 2, 3… per campaign (recurring campaigns run many times). */
    occurrence: integer("occurrence").notNull(),
    status: campaignRunStatus("status").notNull().default("snapshotting"),
    channel: messageChannel("channel").notNull(),
    audienceKind: campaignAudienceKind("audience_kind").notNull(),
    segmentId: uuid("segment_id"),
    /** `[{ label, templateId, templateVersion, percent }]`, position = index. */
    treatments: jsonb("treatments").$type<Record<string, unknown>[]>().notNull(),
    holdoutPercent: smallint("holdout_percent").notNull(),
    limits: jsonb("limits").$type<Record<string, unknown>>().notNull(),
    /**
     * Event-triggered runs: `{ event, filters, maxDelayMinutes }` copied at launch. Such a run takes
     * no snapshot: each matching event adds its contact, and it stays open until the campaign ends.
     */
    trigger: jsonb("trigger").$type<Record<string, unknown>>(),
    /** Contacts the snapshot took (holdout included); null until it has run. */
    audienceCount: integer("audience_count"),
    /**
     * Deliveries not yet settled. The snapshot sets it and each settlement takes off exactly the
     * rows it moved, in the same transaction, so "the run is done" is one row read, not a scan.
     */
    pending: integer("pending").notNull().default(0),
    /** Queued deliveries still unsent at this time are dropped as `expired`. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /**
     * When it starts (the send time of an `at` campaign, the occurrence of a recurring one, the
     * first zone's moment of a local-time one); now for `now`. Unique per campaign, so a scheduler
     * that fires twice for one occurrence starts one run.
     */
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Local-time runs: the local date and time every contact receives it at in their own zone
     * (else the workspace's); null for runs sent to everyone at once.
     */
    sendLocal: jsonb("send_local").$type<{ date: string; time: string }>(),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAtColumn(),
    snapshotAt: timestamp("snapshot_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("campaign_runs_occurrence_key").on(t.campaignId, t.occurrence),
    uniqueIndex("campaign_runs_scheduled_for_key").on(t.campaignId, t.scheduledFor),
    index("campaign_runs_workspace_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

/** Every outcome a delivery can have; `queued` and `sending` are the only unsettled ones. */
export const CAMPAIGN_DELIVERY_STATUSES = [
  "queued",
  "sending",
  "sent",
  "failed",
  "opted_out",
  "no_address",
  "suppressed",
  /** The contact left the campaign's subscription topic (or never joined an opt-in one). */
  "topic_opt_out",
  "holdout",
  "frequency_cap",
  "quiet_hours",
  "expired",
  /** Still queued when the run was cancelled: never sent, counted. */
  "cancelled",
] as const;
export const campaignDeliveryStatus = pgEnum(
  "campaign_delivery_status",
  CAMPAIGN_DELIVERY_STATUSES,
);
export type TCampaignDeliveryStatus = (typeof CAMPAIGN_DELIVERY_STATUSES)[number];

/**
 * One contact of one run. The key (run, contact) makes the snapshot and every drain idempotent:
 * a contact is in a run once and is sent once. Kept narrow (no workspace id, no body: the message
 * row holds what was sent) because a run writes one row per contact of the audience.
 */
export const campaignDeliveries = pgTable(
  "campaign_deliveries",
  {
    // No foreign key: the check it makes for every row was a sixth of a million-contact
    // snapshot's time (docs/benchmarks.md). The snapshot writes only inside the transaction that
    // holds its run's row, and a trigger of migration 0038 deletes a run's deliveries with the run,
    // as the cascade did.
    runId: uuid("run_id").notNull(),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    /** Position of the treatment in the run's list; null for the holdout. */
    treatment: smallint("treatment"),
    status: campaignDeliveryStatus("status").notNull(),
    /** When a drain claimed it; a claim older than a few minutes was lost with its worker. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "set null" }),
    /** Local-time runs: not sent before this instant (the contact's own local send time). */
    notBefore: timestamp("not_before", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.contactId] }),
    // What erasing a contact (its deliveries deleted, its messages' deliveries set null, through
    // the foreign keys) looks deliveries up by: without them each was a scan of every delivery of
    // every run (180 ms at 900,000 rows, once per contact and once per message). The snapshot
    // writes in contact order, so the first costs it next to nothing (docs/benchmarks.md).
    index("campaign_deliveries_contact_idx").on(t.contactId),
    index("campaign_deliveries_message_idx")
      .on(t.messageId)
      .where(sql`message_id is not null`),
  ],
);

/**
 * Token buckets shared by every process: `tokens` as of `refilledAt`, refilled at `rate` per
 * second up to `burst`. Keyed by a string (`campaign:<id>`, later `provider:<workspace>:<kind>`).
 */
export const rateBuckets = pgTable("rate_buckets", {
  key: text("key").primaryKey(),
  rate: doublePrecision("rate").notNull(),
  burst: doublePrecision("burst").notNull(),
  tokens: doublePrecision("tokens").notNull(),
  refilledAt: timestamp("refilled_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A workspace's default campaign limits (lib/campaigns/campaign-limits.ts): every run takes them
 * where its campaign sets none. No row: the built-in defaults.
 */
export const workspaceCampaignDefaults = pgTable("workspace_campaign_defaults", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  limits: jsonb("limits").$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TCampaign = typeof campaigns.$inferSelect;
export type TCampaignRun = typeof campaignRuns.$inferSelect;
export type TCampaignTreatment = typeof campaignTreatments.$inferSelect;
