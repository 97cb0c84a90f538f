import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/db";
import { insertAuditEntry } from "@/db/queries/audit-log";
import {
  deleteStreamDestination,
  findStreamDestination,
  insertStreamDestination,
  listStreamDestinations,
  updateStreamDestination,
  type TStreamDestinationRow,
} from "@/db/queries/stream-destinations";
import { currentStreamHead } from "@/db/queries/stream-events";
import { findWorkspaceById } from "@/db/queries/workspaces";
import { encryptSecret } from "@/lib/channels/secret-box";
import { randomToken } from "@/lib/crypto/tokens";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import { channelSecretsKey } from "@/lib/messages/send/resolve-channel-provider";
import { zodFields } from "@/lib/validation/zod-fields";
import {
  openStreamDestination,
  secretPlace,
  SETTINGS_SCHEMAS,
  ZStreamDestinationKind,
} from "./destinations/destination-kinds";
import { formatStreamEvent, ZStreamFormat } from "./envelopes";
import type { TStreamEvent } from "./stream-event";

const ZName = z.string().trim().min(1, "Give it a name").max(100, "At most 100 characters");

export const ZCreateStreamDestination = z.object({
  name: ZName,
  kind: ZStreamDestinationKind,
  format: ZStreamFormat.default("waymark"),
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type TCreateStreamDestination = z.input<typeof ZCreateStreamDestination>;

export const ZUpdateStreamDestination = z
  .object({
    name: ZName,
    status: z.enum(["active", "paused"]),
    format: ZStreamFormat,
    /** The webhook's url and batch size, the export's period. */
    settings: z.record(z.string(), z.unknown()),
  })
  .partial();

function parseSettings(kind: z.infer<typeof ZStreamDestinationKind>, settings: unknown) {
  const parsed = SETTINGS_SCHEMAS[kind].safeParse(settings);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error, "settings"));
  return parsed.data;
}

/** A destination as Settings shows it: never the secret (it is shown once, when created). */
export function describeDestination(row: TStreamDestinationRow) {
  const { secret: _secret, ...settings } = row.config;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    format: row.format,
    status: row.status,
    settings,
    attempts: row.attempts,
    failingSince: row.failingSince,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    lastDeliveredAt: row.lastDeliveredAt,
    deliveredCount: row.deliveredCount,
    createdAt: row.createdAt,
  };
}
export type TDestinationView = ReturnType<typeof describeDestination>;

export async function listDestinations(workspaceId: string) {
  return (await listStreamDestinations(workspaceId)).map(describeDestination);
}

export async function findDestinationOrThrow(workspaceId: string, id: string) {
  const row = z.uuid().safeParse(id).success ? await findStreamDestination(workspaceId, id) : null;
  if (!row) throw new NotFoundError("No such destination");
  return row;
}

/**
 * Adds a destination. A webhook gets a new signing secret (`whsec_…`), returned here once and
 * stored sealed. The cursor starts at "now": the destination receives what happens from here on.
 */
export async function createDestination(
  workspaceId: string,
  userId: string | null,
  input: unknown,
) {
  const parsed = ZCreateStreamDestination.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  const { name, kind, format } = parsed.data;
  const settings = parseSettings(kind, parsed.data.settings);
  const id = randomUUID();
  const secret = kind === "webhook" ? `whsec_${randomToken(24)}` : null;
  const config: Record<string, unknown> = {
    ...settings,
    ...(secret ? { secret: encryptSecret(secret, channelSecretsKey(), secretPlace(id)) } : {}),
  };
  try {
    const row = await db().transaction(async (tx) => {
      const head = await currentStreamHead(tx);
      const created = await insertStreamDestination(
        {
          id,
          workspaceId,
          name,
          kind,
          format,
          config,
          cursorTxid: head.txid,
          cursorId: head.id,
          createdBy: userId,
        },
        tx,
      );
      await insertAuditEntry(
        {
          workspaceId,
          actorId: userId,
          action: "stream_destination.created",
          target: name,
          detail: { kind, ...("url" in settings ? { url: settings.url } : {}) },
        },
        tx,
      );
      return created;
    });
    return { destination: describeDestination(row), secret };
  } catch (err) {
    if (isUniqueViolation(err)) throw destinationNameTaken(name);
    throw err;
  }
}

export async function updateDestination(
  workspaceId: string,
  userId: string | null,
  id: string,
  input: unknown,
) {
  const row = await findDestinationOrThrow(workspaceId, id);
  const parsed = ZUpdateStreamDestination.safeParse(input);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  const { settings, ...rest } = parsed.data;
  const kind = ZStreamDestinationKind.parse(row.kind);
  const config = settings
    ? { ...parseSettings(kind, { ...row.config, ...settings }), secret: row.config.secret }
    : undefined;
  if (config && config.secret === undefined) delete config.secret;
  try {
    const updated = await db().transaction(async (tx) => {
      const r = await updateStreamDestination(
        workspaceId,
        id,
        {
          ...rest,
          ...(config ? { config } : {}),
          // Resuming, or fixing the URL, tries the waiting batch at once.
          ...(rest.status === "active" || config ? { nextAttemptAt: null } : {}),
        },
        tx,
      );
      if (config && "url" in config && config.url !== row.config.url)
        await insertAuditEntry(
          {
            workspaceId,
            actorId: userId,
            action: "stream_destination.updated",
            target: r?.name ?? row.name,
            detail: { url: config.url },
          },
          tx,
        );
      return r;
    });
    if (!updated) throw new NotFoundError("No such destination");
    return describeDestination(updated);
  } catch (err) {
    if (isUniqueViolation(err)) throw destinationNameTaken(rest.name ?? row.name);
    throw err;
  }
}

export async function removeDestination(workspaceId: string, userId: string | null, id: string) {
  const row = await findDestinationOrThrow(workspaceId, id);
  await db().transaction(async (tx) => {
    await deleteStreamDestination(workspaceId, id, tx);
    await insertAuditEntry(
      {
        workspaceId,
        actorId: userId,
        action: "stream_destination.removed",
        target: row.name,
        detail: { kind: row.kind },
      },
      tx,
    );
  });
}

/**
 * "Send a test event": one `stream.test` event through the destination as it is set up, outside
 * the stream (the cursor does not move). Says whether it went through and, if not, why.
 */
export async function testDestination(workspaceId: string, id: string) {
  const row = await findDestinationOrThrow(workspaceId, id);
  const workspace = await findWorkspaceById(workspaceId);
  const now = new Date().toISOString();
  const event: TStreamEvent = {
    id: `evt_test_${randomToken(6)}`,
    type: "stream.test",
    occurredAt: now,
    recordedAt: now,
    workspaceId,
    contact: null,
    data: { message: "A test event from Waymark" },
    cursor: "",
  };
  const format = ZStreamFormat.catch("waymark").parse(row.format);
  const record = formatStreamEvent(format, event, {
    applicationId: workspace?.pinpointApplicationId ?? workspaceId,
  });
  if (row.kind === "ndjson") return { ok: true as const };
  return openStreamDestination(row).deliver({
    workspaceId,
    destinationId: id,
    events: [event],
    records: [record],
    attempt: 1,
  });
}

const destinationNameTaken = (name: string) =>
  new ConflictError(
    "A destination has that name",
    { name: "Taken" },
    { code: "name_taken", values: { name } },
  );
