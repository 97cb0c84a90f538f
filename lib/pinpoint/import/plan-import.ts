import { createHash } from "node:crypto";
import { findPinpointImportIds } from "@/db/queries/pinpoint-imports";
import { classifyJson } from "./classify-file";
import { convertCampaign, type TConvertedCampaign } from "./convert-campaign";
import { templateKey, type TRefs } from "./convert-condition";
import { convertJourney, type TConvertedJourney } from "./convert-journey";
import { convertSegment, type TConvertedSegment } from "./convert-segment";
import { convertSettings } from "./convert-settings";
import { convertTemplate, type TConvertedTemplate } from "./convert-template";
import { endpointsOf } from "./export-shapes";
import type { TExportFile, TExportSource } from "./read-export";
import type { NoteList, TNote, TObjectKind, TReportEntry } from "./report";

/**
 * Reads every file of an export and converts every object, resolving references (a journey's
 * segment and templates, a campaign's segment and templates, a segment's base segments) to the
 * objects of the same export or of an earlier import. Writes nothing: the dry run is this plan.
 */
export type TPlannedObject = {
  kind: TObjectKind;
  file: string;
  pinpointId: string;
  value: Record<string, unknown>;
  /** The Waymark object an earlier import made of it, if any. */
  existingId?: string;
};
export type TPlan = {
  objects: TPlannedObject[];
  endpointFiles: TExportFile[];
  fileErrors: TNote[];
  ids: Map<string, string>;
  /** Keys (`kind:pinpointId`) of the export's objects refused for their shape (in fileErrors). */
  refused: Set<string>;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

export { templateKey };

export function pinpointIdOf(kind: TObjectKind, value: Record<string, unknown>, channel?: string) {
  if (kind === "settings") return "application";
  if (kind === "template") return templateKey(str(value.TemplateName), channel ?? "");
  return str(value.Id);
}

export async function planImport(workspaceId: string, source: TExportSource): Promise<TPlan> {
  const fileErrors: TNote[] = source.error ? [{ path: "(upload)", message: source.error }] : [];
  const objects: TPlannedObject[] = [];
  const endpointFiles: TExportFile[] = [];
  const refused = new Set<string>();
  const ids = await findPinpointImportIds(workspaceId);
  for (const file of source.files) {
    if (file.ndjson) {
      endpointFiles.push(file);
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      fileErrors.push({ path: file.path, message: `cannot be read (${(err as Error).message})` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // An export job's endpoints saved as .json: one endpoint object per line.
      const first = text.trimStart().split("\n", 1)[0] ?? "";
      let firstLine: unknown = null;
      try {
        firstLine = JSON.parse(first);
      } catch {
        /* not NDJSON either */
      }
      if (firstLine && typeof firstLine === "object" && "Id" in firstLine) {
        endpointFiles.push({ ...file, ndjson: true });
        continue;
      }
      fileErrors.push({ path: file.path, message: "is not valid JSON" });
      continue;
    }
    if (
      json &&
      typeof json === "object" &&
      ("EndpointsResponse" in json || "EndpointResponse" in json)
    ) {
      const items = endpointsOf(json as Record<string, unknown>);
      if ("errors" in items) {
        for (const e of items.errors)
          fileErrors.push({ path: `${file.path}#${e.path}`, message: e.message });
        continue;
      }
      const lines = items.map((i) => JSON.stringify(i) ?? "");
      endpointFiles.push({
        ...file,
        ndjson: true,
        lines: async function* () {
          yield* lines;
        },
      });
      continue;
    }
    const classified = classifyJson(json);
    if ("error" in classified) {
      fileErrors.push({ path: file.path, message: classified.error });
      continue;
    }
    for (const c of classified) {
      const channel = c.kind === "template" ? convertTemplate(c.value).channel : undefined;
      const pinpointId = pinpointIdOf(c.kind, c.value, channel);
      if (c.errors) {
        for (const e of c.errors)
          fileErrors.push({ path: pathIn(file.path, c.path, e.path), message: e.message });
        refused.add(`${c.kind}:${pinpointId}`);
        continue;
      }
      objects.push({
        kind: c.kind,
        file: c.path ? `${file.path}#${c.path}` : file.path,
        pinpointId,
        value: c.value,
        existingId: ids.get(`${c.kind}:${pinpointId}`),
      });
    }
  }
  return { objects, endpointFiles, fileErrors, ids, refused };
}

/** `journeys.json#JourneysResponse.Item[2].Activities.a`: the file, then the path inside it. */
function pathIn(file: string, object: string, field: string) {
  const inside = [object, field].filter(Boolean).join(".");
  return inside ? `${file}#${inside}` : file;
}

/** A stand-in id for an object the dry run would create (stable, so reports compare). */
export function placeholderId(key: string) {
  const h = createHash("sha1").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * References resolved against what exists: an object of this export once it is imported (in the
 * dry run, once it converted without errors: `made` then holds a stand-in id), or one an earlier
 * import made. Objects come in dependency order, so an object of the export that is not in `made`
 * will not be written (it has errors, or its shape was refused), or, for segments built on each
 * other in a cycle, not before this one: either way the reference is missing, never an id of
 * nothing.
 */
export function refsFor(plan: TPlan, made: Map<string, string>, failed: Set<string>): TRefs {
  const inExport = new Set(plan.objects.map((o) => `${o.kind}:${o.pinpointId}`));
  const find = (key: string) => made.get(key) ?? plan.ids.get(key);
  return {
    segment: (id) => find(`segment:${id}`),
    template: (name, channel) => find(`template:${templateKey(name, channel)}`),
    whyMissing: (key) =>
      failed.has(key) || plan.refused.has(key)
        ? "is in the export but is not imported: see its own errors"
        : inExport.has(key)
          ? "is in the export but is built on this one (a cycle of segments)"
          : undefined,
  };
}

export type TConverted =
  | { kind: "settings"; value: ReturnType<typeof convertSettings> }
  | { kind: "template"; value: TConvertedTemplate }
  | { kind: "segment"; value: TConvertedSegment }
  | { kind: "campaign"; value: TConvertedCampaign }
  | { kind: "journey"; value: TConvertedJourney };

export function convertObject(
  o: TPlannedObject,
  refs: TRefs,
  segmentsWithEndpoints: Set<string>,
): TConverted {
  switch (o.kind) {
    case "settings":
      return { kind: o.kind, value: convertSettings(o.value) };
    case "template":
      return { kind: o.kind, value: convertTemplate(o.value) };
    case "segment":
      return {
        kind: o.kind,
        value: convertSegment(
          o.value,
          refs.segment,
          segmentsWithEndpoints.has(o.pinpointId),
          refs.whyMissing,
        ),
      };
    case "campaign":
      return { kind: o.kind, value: convertCampaign(o.value) };
    case "journey":
    case "endpoints":
      return { kind: "journey", value: convertJourney(o.value, refs) };
  }
}

/** What an object becomes, in a few words. */
export function describe(c: TConverted): string {
  switch (c.kind) {
    case "settings":
      return "workspace campaign defaults (quiet hours, caps)";
    case "template":
      return `${c.value.channel.replace("_", "-")} template "${c.value.name}"`;
    case "segment":
      return `${c.value.kind} segment "${c.value.name}"`;
    case "campaign":
      return `draft ${c.value.channel.replace("_", "-")} campaign "${c.value.name}" with ${c.value.treatments.length} treatment(s)${c.value.holdoutPercent ? ` and a ${c.value.holdoutPercent} % holdout` : ""}`;
    case "journey":
      return `draft journey "${c.value.name}" with ${c.value.graph.nodes.length} steps`;
  }
}

export function entryOf(
  o: TPlannedObject,
  name: string,
  becomes: string,
  notes: NoteList,
): TReportEntry {
  return {
    file: o.file,
    kind: o.kind,
    pinpointId: o.pinpointId,
    name,
    becomes,
    action: notes.errors.length ? "skip" : o.existingId ? "update" : "create",
    approximated: notes.approximated,
    unsupported: notes.unsupported,
    errors: notes.errors,
  };
}
