import { AppError } from "@/lib/errors";
import { compileTemplate } from "@/lib/templates/render-message";
import type { TConvertedCampaign } from "./convert-campaign";
import { missingRef, type TRefs } from "./convert-condition";
import type { TConvertedTemplate } from "./convert-template";
import {
  convertObject,
  describe,
  entryOf,
  placeholderId,
  planImport,
  refsFor,
  templateKey,
  type TConverted,
} from "./plan-import";
import type { TExportSource } from "./read-export";
import { NoteList, totalsOf, type TImportReport, type TReportEntry } from "./report";
import { importEndpoints } from "./import-endpoint-files";
import { segmentsInDependencyOrder } from "./segment-import-order";
import { publishedVersionOf, writeConverted } from "./write-converted";
import { writeTemplate } from "./write-objects";

/**
 * Imports a Pinpoint export into a workspace, or with `dryRun` only reports what it would do.
 * Order: application settings, endpoints (contacts), templates, segments (base segments first),
 * campaigns, journeys, so every reference exists when it is written. Each object is written in
 * its own transaction; one that fails is reported and the others go on.
 */
export type TProgress = { phase: string; done: number; total: number; label?: string };
export type TImportOptions = {
  dryRun: boolean;
  userId: string | null;
  onProgress?: (p: TProgress) => void;
};

const ORDER = ["settings", "template", "segment", "campaign", "journey"] as const;

/** A campaign's body for the campaign API, its references resolved. */
function campaignBody(
  c: TConvertedCampaign,
  refs: TRefs,
  versions: Map<string, number>,
  notes: NoteList,
  inlineIds: Map<string, string>,
) {
  const segmentId = c.segmentPinpointId ? refs.segment(c.segmentPinpointId) : undefined;
  if (c.segmentPinpointId && !segmentId)
    notes.error(
      "SegmentId",
      `segment ${c.segmentPinpointId} ${missingRef(refs, "segment", c.segmentPinpointId)}`,
    );
  const treatments = c.treatments.map((t, i) => {
    const name = "name" in t.template ? t.template.name : t.template.inline.name;
    const templateId =
      "name" in t.template
        ? refs.template(name, c.channel)
        : (inlineIds.get(name) ?? refs.template(name, c.channel));
    if (!templateId && "name" in t.template)
      notes.error(
        i === 0 ? "TemplateConfiguration" : `AdditionalTreatments[${i - 1}].TemplateConfiguration`,
        `${c.channel} template "${name}" ${missingRef(refs, "template", name, c.channel)}`,
      );
    return {
      label: t.label,
      templateId: templateId ?? "",
      templateVersion: versions.get(templateId ?? "") ?? 1,
      percent: t.percent,
    };
  });
  return {
    name: c.name,
    audience: segmentId ? { kind: "segment", segmentId } : { kind: "everyone" },
    channel: c.channel,
    treatments,
    holdoutPercent: c.holdoutPercent,
    schedule: c.schedule,
    limits: c.limits,
    conversion: null,
  };
}

function nameOf(c: TConverted) {
  return c.kind === "settings" ? "Application settings" : c.value.name;
}

function notesOf(c: TConverted) {
  return c.value.notes;
}

/** Inline campaign messages are templates too: they are written before the campaign. */
function inlineTemplates(c: TConverted): TConvertedTemplate[] {
  if (c.kind !== "campaign") return [];
  return c.value.treatments.flatMap((t) => ("inline" in t.template ? [t.template.inline] : []));
}

export async function importPinpointExport(
  workspaceId: string,
  source: TExportSource,
  opts: TImportOptions,
): Promise<TImportReport> {
  const plan = await planImport(workspaceId, source);
  // What is written (in the dry run, would be) and what is not, for the references that follow.
  const made = new Map<string, string>();
  const failed = new Set<string>();
  const versions = new Map<string, number>();
  const inlineIds = new Map<string, string>();
  const entries: TReportEntry[] = [];
  const segmentIds = new Set(
    plan.objects.filter((o) => o.kind === "segment").map((o) => o.pinpointId),
  );
  const { withEndpoints, endpointIdsBySegment } = await importEndpoints(
    workspaceId,
    plan,
    segmentIds,
    opts,
    entries,
  );

  // Segments built on other segments come after them.
  const byKind = (kind: string) => plan.objects.filter((o) => o.kind === kind);
  const ordered = segmentsInDependencyOrder(byKind("segment"));
  const queue = [
    ...byKind("settings"),
    ...byKind("template"),
    ...ordered,
    ...byKind("campaign"),
    ...byKind("journey"),
  ];
  for (const [i, o] of queue.entries()) {
    opts.onProgress?.({ phase: `${o.kind}s`, done: i, total: queue.length, label: o.pinpointId });
    const refs = refsFor(plan, made, failed);
    const converted = convertObject(o, refs, withEndpoints);
    const notes = notesOf(converted);
    let body: Record<string, unknown> | null = null;
    if (converted.kind === "template" && converted.value.content)
      await compileTemplate(converted.value.content).catch((err: unknown) => {
        const fields = err instanceof AppError ? err.fields : undefined;
        for (const [path, message] of Object.entries(fields ?? { content: (err as Error).message }))
          notes.error(path, `does not convert to valid Liquid: ${message}`);
      });
    for (const t of inlineTemplates(converted))
      if (t.content)
        await compileTemplate(t.content).catch((err: unknown) =>
          notes.error("MessageConfiguration", (err as Error).message),
        );
    if (converted.kind === "campaign") {
      if (!opts.dryRun)
        for (const t of inlineTemplates(converted)) {
          if (!t.content || notes.errors.length) continue;
          const key = { kind: "template", pinpointId: templateKey(t.name, t.channel) };
          try {
            const r = await writeTemplate(
              workspaceId,
              opts.userId,
              key,
              plan.ids.get(`template:${key.pinpointId}`),
              { ...t, content: t.content },
            );
            inlineIds.set(t.name, r.id);
            versions.set(r.id, await publishedVersionOf(workspaceId, r.id));
          } catch (err) {
            notes.error("MessageConfiguration", (err as Error).message);
          }
        }
      body = campaignBody(converted.value, refs, versions, notes, inlineIds);
    }
    const entry = entryOf(o, nameOf(converted), describe(converted), notes);
    entries.push(entry);
    const madeKey = `${o.kind}:${o.pinpointId}`;
    if (entry.errors.length) {
      failed.add(madeKey);
      continue;
    }
    if (opts.dryRun) {
      made.set(madeKey, o.existingId ?? placeholderId(madeKey));
      continue;
    }
    const key = { kind: o.kind, pinpointId: o.pinpointId };
    try {
      const r = await writeConverted(workspaceId, opts.userId, key, o, converted, body, {
        versions,
        endpointIdsBySegment,
      });
      entry.waymarkId = r.id;
      if (r.renamed) {
        entry.approximated.push({
          path: "Name",
          message: `the name was taken; imported as "${r.renamed}"`,
        });
        entry.name = r.renamed;
      }
      made.set(madeKey, r.id);
    } catch (err) {
      failed.add(madeKey);
      entry.action = "skip";
      const fields = err instanceof AppError ? err.fields : undefined;
      if (fields && Object.keys(fields).length)
        for (const [path, message] of Object.entries(fields)) entry.errors.push({ path, message });
      else if (err instanceof AppError) entry.errors.push({ path: "", message: err.message });
      else throw err;
    }
  }
  opts.onProgress?.({ phase: "done", done: queue.length, total: queue.length });
  const sorted = entries.sort((a, b) => ORDER_INDEX(a.kind) - ORDER_INDEX(b.kind));
  return {
    dryRun: opts.dryRun,
    entries: sorted,
    fileErrors: plan.fileErrors,
    totals: totalsOf(sorted, plan.fileErrors),
  };
}

const ORDER_INDEX = (k: string) =>
  k === "endpoints" ? 1 : ORDER.indexOf(k as (typeof ORDER)[number]) + (k === "settings" ? 0 : 1);
