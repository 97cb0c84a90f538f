import { isDeepStrictEqual } from "node:util";
import { db, type Executor } from "@/db";
import { insertCampaign, lockCampaign, updateCampaign } from "@/db/queries/campaigns";
import { saveCampaignDefaults } from "@/db/queries/campaign-defaults";
import { insertJourney, lockJourney, updateJourney } from "@/db/queries/journeys";
import { savePinpointImportId, findContactIdsOfEndpoints } from "@/db/queries/pinpoint-imports";
import { findSegment, insertMembers, insertSegment, updateSegment } from "@/db/queries/segments";
import {
  insertTemplate,
  insertTemplateVersion,
  lockTemplate,
  updateTemplate,
} from "@/db/queries/templates";
import type { TCampaignLimits } from "@/lib/campaigns/campaign-limits";
import { checkCampaignReferences } from "@/lib/campaigns/check-campaign-references";
import { columnsOf, parseCampaignInput } from "@/lib/campaigns/save-campaign";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { compileSegment } from "@/lib/segments/compile-segment";
import type { TGroup } from "@/lib/segments/definition";
import type { TTemplateContent } from "@/lib/templates/template-content";
import type { TConvertedJourney } from "./convert-journey";

/**
 * Writes one converted object, and remembers which Pinpoint object it came from, in one
 * transaction: a failure leaves nothing of that object behind. An object imported before is
 * updated in place (a template gets a new version when its content changed; a live journey's
 * draft is replaced and its published version keeps running).
 */
type TKey = { kind: string; pinpointId: string };

/** Creates under the Pinpoint name, or, when a Waymark object already has it, under "… (Pinpoint)". */
async function withFreeName<T>(
  name: string,
  write: (name: string) => Promise<T>,
): Promise<{ value: T; renamed?: string }> {
  try {
    return { value: await write(name) };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const renamed = `${name.slice(0, 105)} (Pinpoint)`;
    try {
      return { value: await write(renamed), renamed };
    } catch (again) {
      if (isUniqueViolation(again))
        throw new ConflictError(
          `"${name}" and "${renamed}" are both taken in this workspace`,
          undefined,
          { code: "name_taken", values: { name: renamed } },
        );
      throw again;
    }
  }
}

const remember = (workspaceId: string, key: TKey, waymarkId: string, tx: Executor) =>
  savePinpointImportId(workspaceId, { ...key, waymarkId }, tx);

export async function writeTemplate(
  workspaceId: string,
  userId: string | null,
  key: TKey,
  existingId: string | undefined,
  t: { name: string; channel: TTemplateContent["channel"]; content: TTemplateContent },
) {
  if (existingId) {
    const updated = await db().transaction(async (tx) => {
      const row = await lockTemplate(workspaceId, existingId, tx);
      if (!row) return false;
      if (!isDeepStrictEqual(row.draft, t.content) || row.publishedVersion === 0) {
        const version = row.publishedVersion + 1;
        await insertTemplateVersion(
          { templateId: row.id, version, workspaceId, content: t.content, publishedBy: userId },
          tx,
        );
        await updateTemplate(
          workspaceId,
          row.id,
          { draft: t.content, publishedVersion: version },
          tx,
        );
      }
      await remember(workspaceId, key, row.id, tx);
      return true;
    });
    if (updated) return { id: existingId };
  }
  const { value, renamed } = await withFreeName(t.name.slice(0, 120), (name) =>
    db().transaction(async (tx) => {
      const row = await insertTemplate(
        { workspaceId, name, channel: t.channel, draft: t.content, createdBy: userId },
        tx,
      );
      await insertTemplateVersion(
        { templateId: row.id, version: 1, workspaceId, content: t.content, publishedBy: userId },
        tx,
      );
      await updateTemplate(workspaceId, row.id, { publishedVersion: 1 }, tx);
      await remember(workspaceId, key, row.id, tx);
      return row.id;
    }),
  );
  return { id: value, renamed };
}

export async function writeSegment(
  workspaceId: string,
  userId: string | null,
  key: TKey,
  existingId: string | undefined,
  s: { name: string; kind: "dynamic" | "static"; definition: TGroup | null; endpointIds: string[] },
) {
  const now = new Date();
  if (s.definition) await compileSegment(workspaceId, s.definition, { now, selfId: existingId });
  const members =
    s.kind === "static" ? await findContactIdsOfEndpoints(workspaceId, s.endpointIds) : [];
  const existing = existingId ? await findSegment(workspaceId, existingId) : null;
  if (existing && existing.type === (s.kind === "static" ? "static" : "dynamic")) {
    await db().transaction(async (tx) => {
      if (s.definition)
        await updateSegment(workspaceId, existing.id, { definition: s.definition }, now, tx);
      else await insertMembers(existing.id, members, tx);
      await remember(workspaceId, key, existing.id, tx);
    });
    return { id: existing.id, members: members.length };
  }
  const { value, renamed } = await withFreeName(s.name.slice(0, 120), (name) =>
    db().transaction(async (tx) => {
      const row = await insertSegment(
        {
          workspaceId,
          name,
          description: "Imported from Amazon Pinpoint",
          type: s.kind,
          definition: s.definition,
          createdBy: userId,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
      if (s.kind === "static") await insertMembers(row.id, members, tx);
      await remember(workspaceId, key, row.id, tx);
      return row.id;
    }),
  );
  return { id: value, renamed, members: members.length };
}

export async function writeCampaign(
  workspaceId: string,
  userId: string | null,
  key: TKey,
  existingId: string | undefined,
  body: Record<string, unknown>,
) {
  const input = parseCampaignInput(body);
  await checkCampaignReferences(workspaceId, input);
  if (existingId) {
    const done = await db().transaction(async (tx) => {
      const current = await lockCampaign(workspaceId, existingId, tx);
      if (!current) return false;
      if (current.state !== "draft")
        throw new ConflictError(
          `it was launched in Waymark (${current.state}); it is not changed`,
          undefined,
          { code: "campaign_state", values: { action: "edit", state: current.state } },
        );
      await updateCampaign(
        workspaceId,
        existingId,
        { ...columnsOf(input), name: current.name },
        input.treatments,
        tx,
      );
      await remember(workspaceId, key, existingId, tx);
      return true;
    });
    if (done) return { id: existingId };
  }
  const { value, renamed } = await withFreeName(input.name, (name) =>
    db().transaction(async (tx) => {
      const row = await insertCampaign(
        {
          ...columnsOf({ ...input, name }),
          workspaceId,
          createdBy: userId,
          stateChangedBy: userId,
        },
        input.treatments,
        tx,
      );
      await remember(workspaceId, key, row.id, tx);
      return row.id;
    }),
  );
  return { id: value, renamed };
}

export async function writeJourney(
  workspaceId: string,
  userId: string | null,
  key: TKey,
  existingId: string | undefined,
  j: Pick<TConvertedJourney, "name" | "graph" | "settings">,
) {
  if (existingId) {
    const done = await db().transaction(async (tx) => {
      const row = await lockJourney(workspaceId, existingId, tx);
      if (!row) return false;
      await updateJourney(
        workspaceId,
        existingId,
        { draftGraph: j.graph, draftSettings: j.settings },
        tx,
      );
      await remember(workspaceId, key, existingId, tx);
      return true;
    });
    if (done) return { id: existingId };
  }
  const { value, renamed } = await withFreeName(j.name.slice(0, 120), (name) =>
    db().transaction(async (tx) => {
      const row = await insertJourney(
        {
          workspaceId,
          name,
          draftGraph: j.graph,
          draftSettings: j.settings,
          createdBy: userId ?? undefined,
        },
        tx,
      );
      await remember(workspaceId, key, row.id, tx);
      return row.id;
    }),
  );
  return { id: value, renamed };
}

export async function writeSettings(workspaceId: string, key: TKey, defaults: TCampaignLimits) {
  await db().transaction(async (tx) => {
    await saveCampaignDefaults(workspaceId, defaults, tx);
    await remember(workspaceId, key, workspaceId, tx);
  });
  return { id: workspaceId };
}
