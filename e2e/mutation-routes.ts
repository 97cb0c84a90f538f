/**
 * Every session-authenticated route that changes something, with a valid body. The roles test
 * calls each as every role; app/api/route-inventory.test.ts fails when a route is missing here.
 * Paths use the route folders' own names; the test fills the brackets with real ids.
 */
const PROBE_DEFINITION = {
  kind: "group",
  match: "all",
  conditions: [{ kind: "device", platform: "ios" }],
};

export type TMutationRoute = {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  body?: unknown;
  permission: "edit" | "manage";
};

export const WORKSPACE_MUTATIONS: TMutationRoute[] = [
  { method: "POST", path: "/api/w/[workspace]/analytics/refresh", body: {}, permission: "manage" },
  {
    method: "PUT",
    path: "/api/w/[workspace]/retention",
    body: { messageBodyDays: 30, importDays: 7, contactEventDays: null },
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/suppressions",
    body: { channel: "email", address: "roles-probe@example.com" },
    permission: "manage",
  },
  {
    method: "DELETE",
    path: "/api/w/[workspace]/suppressions/[suppressionId]",
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/suppressions/import",
    body: { csv: "address\nroles-import-probe@example.com\n" },
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/topics",
    body: { name: "Roles probe topic" },
    permission: "manage",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/topics/[topicId]",
    body: { description: "probe" },
    permission: "manage",
  },
  { method: "DELETE", path: "/api/w/[workspace]/topics/[topicId]", permission: "manage" },
  {
    method: "PUT",
    path: "/api/w/[workspace]/subscription-settings",
    body: { brandColor: "#2563eb", smsHelpText: null },
    permission: "manage",
  },
  {
    method: "PUT",
    path: "/api/w/[workspace]/contacts/[contactId]/topics",
    body: {},
    permission: "edit",
  },
  {
    method: "PUT",
    path: "/api/w/[workspace]/deliverability",
    body: { softBounceLimit: 3, softBounceWindowDays: 7, softBounceSuppressDays: 7 },
    permission: "manage",
  },
  {
    method: "PUT",
    path: "/api/w/[workspace]/campaign-defaults",
    body: { dailyCapPerContact: 3 },
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/definitions/import",
    // A dry run of a definitions file with one SMS template: checks, writes nothing.
    body: {
      dryRun: true,
      file: {
        format: "waymark.definitions",
        schemaVersion: 1,
        templates: [
          { name: "Roles probe", channel: "sms", content: { channel: "sms", body: "Hi" } },
        ],
      },
    },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/pinpoint-import",
    // A dry run of one SMS template: checks, writes nothing.
    body: {
      dryRun: true,
      files: [
        {
          path: "probe.json",
          base64:
            "eyJTTVNUZW1wbGF0ZVJlc3BvbnNlIjp7IlRlbXBsYXRlTmFtZSI6IlByb2JlIiwiVGVtcGxhdGVUeXBlIjoiU01TIiwiQm9keSI6IkhpIn19",
        },
      ],
    },
    permission: "manage",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]",
    body: { name: "Renamed", timezone: "UTC" },
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/invites",
    body: { email: "someone@example.com", role: "analyst" },
    permission: "manage",
  },
  { method: "DELETE", path: "/api/w/[workspace]/invites/[inviteId]", permission: "manage" },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/members/[userId]",
    body: { role: "marketer" },
    permission: "manage",
  },
  { method: "DELETE", path: "/api/w/[workspace]/members/[userId]", permission: "manage" },
  {
    method: "POST",
    path: "/api/w/[workspace]/api-keys",
    body: { name: "x" },
    permission: "manage",
  },
  { method: "DELETE", path: "/api/w/[workspace]/api-keys/[keyId]", permission: "manage" },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/contacts/[contactId]/attributes",
    body: { set: { plan: "refused" }, unset: ["probe"] },
    permission: "edit",
  },
  {
    method: "PUT",
    path: "/api/w/[workspace]/contacts/[contactId]/subscriptions",
    body: { channel: "all", status: "unsubscribed" },
    permission: "edit",
  },
  // A multipart upload; refused callers are answered before the body is read, so none is sent here.
  { method: "POST", path: "/api/w/[workspace]/contacts/imports", permission: "edit" },
  // Likewise a multipart upload (a Pinpoint event-stream file), admins only.
  { method: "POST", path: "/api/w/[workspace]/pinpoint-event-imports", permission: "manage" },
  {
    method: "POST",
    path: "/api/w/[workspace]/contacts/imports/[importId]/start",
    body: { mapping: { columns: [{ kind: "userId" }] } },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/segments",
    body: { name: "Probe segment", definition: PROBE_DEFINITION },
    permission: "edit",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/segments/[segmentId]",
    body: { name: "Renamed probe" },
    permission: "edit",
  },
  { method: "DELETE", path: "/api/w/[workspace]/segments/[segmentId]", permission: "edit" },
  {
    method: "POST",
    path: "/api/w/[workspace]/segments/[segmentId]/duplicate",
    body: {},
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/segments/[segmentId]/freeze",
    body: {},
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/segments/import",
    body: { name: "Imported probe", csv: "userId\ndemo-user-001\n" },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/templates",
    body: { name: "Probe template", channel: "sms" },
    permission: "edit",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/templates/[templateId]",
    body: { name: "Renamed probe template" },
    permission: "edit",
  },
  { method: "DELETE", path: "/api/w/[workspace]/templates/[templateId]", permission: "edit" },
  {
    method: "POST",
    path: "/api/w/[workspace]/templates/[templateId]/publish",
    body: {},
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/templates/[templateId]/test-send",
    body: { to: "+14155550123" },
    permission: "edit",
  },
  {
    method: "PUT",
    path: "/api/w/[workspace]/channels/[kind]",
    body: { url: "https://hooks.example.com/x", secret: "probe-secret-probe-secret" },
    permission: "manage",
  },
  { method: "DELETE", path: "/api/w/[workspace]/channels/[kind]", permission: "manage" },
  {
    method: "POST",
    path: "/api/w/[workspace]/stream/destinations",
    body: { name: "Probe export", kind: "ndjson", settings: { period: "day" } },
    permission: "manage",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/stream/destinations/[destinationId]",
    body: { status: "paused" },
    permission: "manage",
  },
  {
    method: "DELETE",
    path: "/api/w/[workspace]/stream/destinations/[destinationId]",
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/stream/destinations/[destinationId]/test",
    body: {},
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/stream/dead-letters/[letterId]/replay",
    body: {},
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/journeys",
    body: { name: "Probe journey" },
    permission: "edit",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/journeys/[journeyId]",
    body: { name: "Renamed probe journey" },
    permission: "edit",
  },
  { method: "DELETE", path: "/api/w/[workspace]/journeys/[journeyId]", permission: "edit" },
  {
    method: "POST",
    path: "/api/w/[workspace]/journeys/[journeyId]/publish",
    body: {},
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/journeys/[journeyId]/[action]",
    body: {},
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/journeys/[journeyId]/restore",
    body: { version: 1 },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/runs/[entryId]/cancel",
    body: {},
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/runs/[entryId]/retry",
    body: {},
    permission: "manage",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/campaigns",
    body: {
      name: "Probe campaign",
      audience: { kind: "everyone" },
      channel: "sms",
      treatments: [],
      schedule: { kind: "now" },
    },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/campaigns/test-send",
    body: {
      channel: "email",
      treatments: [
        { label: "A", templateId: "00000000-0000-4000-8000-000000000000", templateVersion: 1 },
      ],
      addresses: ["probe@example.com"],
    },
    permission: "edit",
  },
  {
    method: "PATCH",
    path: "/api/w/[workspace]/campaigns/[campaignId]",
    body: { name: "Renamed probe campaign" },
    permission: "edit",
  },
  {
    method: "POST",
    path: "/api/w/[workspace]/campaigns/[campaignId]/[action]",
    body: {},
    permission: "edit",
  },
];

/**
 * POST routes that change nothing (their input does not fit a URL), with the reason; any member
 * may call them, so they are not in the list above.
 */
export const WORKSPACE_READS_BY_POST: Record<string, string> = {
  "POST /api/w/[workspace]/segments/preview": "counts and samples an unsaved segment definition",
  "POST /api/w/[workspace]/templates/preview":
    "renders an unsaved template draft for a sample contact",
  "POST /api/w/[workspace]/journeys/[journeyId]/simulate":
    "walks the draft for one contact; sends nothing",
};

/** Mutating routes that are not workspace-scoped, with the reason each needs no role. */
export const OTHER_MUTATIONS: Record<string, string> = {
  "POST /api/signup": "public: creates an account",
  "POST /api/workspaces": "any signed-in user may create a workspace of their own",
  "DELETE /api/account/sessions":
    "signs the signed-in user out everywhere: their own sessions only",
  "PUT /api/account/locale": "the signed-in user's own UI language",
  "POST /api/invites/accept": "the invite itself grants the role",
  "GET,POST /api/auth/[...nextauth]": "Auth.js",
  "POST /api/test/sql": "test hook, off unless WAYMARK_TEST_HOOKS=1 and AUTH_SECRET is presented",
  "GET,POST,PUT /api/inngest": "Inngest's own signed protocol",
  "POST /api/webhooks/twilio/[workspaceId]/status":
    "Twilio delivery receipts, signed with the workspace's auth token",
  "POST /api/webhooks/twilio/[workspaceId]/inbound":
    "incoming SMS (replies, STOP), signed with the workspace's auth token",
  "GET,POST /u/[token]": "unsubscribe link: the signed token in the URL is the credential",
  "GET,POST /u/p/[token]":
    "preference center link: the signed token in the URL is the credential (one contact's topics)",
  "POST /api/webhooks/feedback/[endpoint]/[workspaceId]/[token]":
    "delivery feedback (SNS, SendGrid, Postmark, Mailgun, Resend, DSN): the workspace's secret URL token and each provider's own signature",
  "POST /api/local-inngest/e/[key]":
    "local executor's event API: the event key (derived from AUTH_SECRET) is the credential",
  "POST /api/test/clock": "test hook, off unless WAYMARK_TEST_HOOKS=1 and AUTH_SECRET is presented",
};

/**
 * How the roles test finds a real id for each bracket in the paths above: SQL returning one row
 * `{ id }` in the demo workspace (`$1` is its id). Add one when a route introduces a new bracket.
 */
export const PLACEHOLDER_IDS: Record<string, string> = {
  userId:
    "select m.user_id as id from memberships m join users u on u.id = m.user_id where m.workspace_id = $1 and u.email = 'marketer@demo.waymark.dev'",
  keyId:
    "select id from api_keys where workspace_id = $1 and revoked_at is null order by created_at limit 1",
  // The demo seed may or may not hold contacts: this finds or makes one, always the same.
  contactId:
    "insert into contacts (workspace_id, external_id, attributes) values ($1, 'e2e-roles-probe', '{\"probe\": true}') on conflict (workspace_id, external_id) where external_id is not null do update set external_id = excluded.external_id returning id",
  topicId:
    "insert into topics (workspace_id, key, name) values ($1, 'probe-' || md5(random()::text), 'Probe') returning id",
  suppressionId:
    "insert into suppressions (workspace_id, channel, address, reason, source) values ($1, 'email', 'roles-' || md5(random()::text) || '@example.com', 'manual', 'manual') returning id",
  segmentId: `insert into segments (workspace_id, name, type, definition) values ($1, 'Probe ' || md5(random()::text), 'dynamic', '${JSON.stringify(PROBE_DEFINITION)}') returning id`,
  inviteId:
    "insert into invites (workspace_id, email, role, token_hash, expires_at) values ($1, 'probe@example.com', 'analyst', md5(random()::text), now() + interval '1 day') returning id",
  // A one-column draft import (its file is not needed to refuse starting it).
  templateId: `insert into templates (workspace_id, name, channel, draft) values ($1, 'Probe ' || md5(random()::text), 'sms', '{"channel":"sms","body":"Hi"}') returning id`,
  journeyId: `insert into journeys (workspace_id, name, draft_graph) values ($1, 'Probe ' || md5(random()::text), '{"nodes":[],"edges":[]}') returning id`,
  action: "select 'pause' as id",
  campaignId: `insert into campaigns (workspace_id, name, channel) values ($1, 'Probe ' || md5(random()::text), 'email') returning id`,
  // An active entry of a probe journey for the probe contact (the same contact SQL as contactId).
  entryId: `with j as (insert into journeys (workspace_id, name, draft_graph) values ($1, 'Probe runs ' || md5(random()::text), '{"nodes":[],"edges":[]}') returning id),
    c as (insert into contacts (workspace_id, external_id, attributes) values ($1, 'e2e-roles-probe', '{"probe": true}') on conflict (workspace_id, external_id) where external_id is not null do update set external_id = excluded.external_id returning id)
    insert into journey_entries (workspace_id, journey_id, version, contact_id, trigger_key, status, current_node_id)
    select $1, j.id, 1, c.id, 'probe-' || md5(random()::text), 'active', 'n1' from j, c returning id`,
  // The roles test fills brackets from SQL; a constant works too.
  kind: "select 'webhook' as id",
  // A paused probe export in the demo workspace, and a dead letter of it.
  destinationId: `insert into stream_destinations (workspace_id, name, kind, config, status) values ($1, 'Probe ' || md5(random()::text), 'ndjson', '{"period":"day"}', 'paused') returning id`,
  letterId: `with d as (insert into stream_destinations (workspace_id, name, kind, config, status) values ($1, 'Probe ' || md5(random()::text), 'ndjson', '{"period":"day"}', 'paused') returning id)
    insert into stream_dead_letters (workspace_id, destination_id, events, event_count, attempts, first_failed_at)
    select $1, d.id, '[]'::jsonb, 0, 1, now() from d returning id`,
  importId:
    "insert into contact_imports (workspace_id, file_name, file_bytes, delimiter, header, chunk_count) values ($1, 'probe.csv', 0, ',', '[\"user_id\"]'::jsonb, 0) returning id",
};

/** What a refused mutation must leave unchanged: one SQL expression per table a route writes. */
export const SNAPSHOT_COLUMNS: Record<string, string> = {
  workspace: "(select name || timezone from workspaces where slug = 'demo')",
  invites: "(select count(*)::int from invites)",
  keys: "(select count(*)::int from api_keys where revoked_at is null)",
  segments:
    "(select string_agg(id::text || name || type || coalesce(definition::text, ''), ',' order by id) from segments)",
  segmentMembers: "(select count(*)::int from segment_members)",
  members: "(select string_agg(user_id::text || role, ',' order by user_id) from memberships)",
  contacts:
    "(select md5(coalesce(string_agg(id::text || attributes::text || updated_at::text, ',' order by id), '')) from contacts)",
  subscriptions:
    "(select md5(coalesce(string_agg(contact_id::text || channel || status || source, ',' order by contact_id, channel), '')) from channel_subscriptions)",
  events: "(select count(*)::int from events)",
  imports:
    "(select count(*)::int || ':' || coalesce(string_agg(status::text || coalesce(mapping::text, ''), ',' order by id), '') from contact_imports)",
  templates:
    "(select md5(coalesce(string_agg(id::text || name || published_version || draft::text, ',' order by id), '')) from templates)",
  templateVersions: "(select count(*)::int from template_versions)",
  messages: "(select count(*)::int from messages)",
  providers:
    "(select md5(coalesce(string_agg(kind || config::text, ',' order by kind), '')) from channel_providers)",
  journeys:
    "(select md5(coalesce(string_agg(id::text || name || status || live_version || draft_graph::text, ',' order by id), '')) from journeys)",
  journeyVersions: "(select count(*)::int from journey_versions)",
  journeyEntries:
    "(select md5(coalesce(string_agg(id::text || status || coalesce(exit_reason, ''), ',' order by id), '')) from journey_entries)",
  campaigns:
    "(select md5(coalesce(string_agg(id::text || name || state || holdout_percent, ',' order by id), '')) from campaigns)",
  campaignRuns: "(select count(*)::int from campaign_runs)",
  streamDestinations:
    "(select md5(coalesce(string_agg(id::text || name || status || config::text, ',' order by id), '')) from stream_destinations)",
  streamDeadLetters:
    "(select md5(coalesce(string_agg(id::text || coalesce(replayed_at::text, ''), ',' order by id), '')) from stream_dead_letters)",
  campaignDefaults:
    "(select md5(coalesce(string_agg(workspace_id::text || limits::text, ',' order by workspace_id), '')) from workspace_campaign_defaults)",
  // Runs the clock starts (crons, and the trigger sweeps they fan out) come and go on their own
  // while a test runs; only runs a request could have started say whether it changed something.
  executorRuns:
    "(select md5(coalesce(string_agg(id || status || attempt, ',' order by id), '')) from executor_runs where event ->> 'name' not in ('inngest/scheduled.timer', 'journey/trigger.sweep'))",
};
