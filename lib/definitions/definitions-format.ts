import { z } from "zod";
import { SEND_CHANNELS } from "@/lib/channels/types";

/**
 * A definitions file: journeys, segments, templates and campaigns as readable JSON that another
 * workspace or install can import. Nothing in it is an id of the workspace it came from: every
 * reference is by name (`segmentName`, `templateName`, see name-references.ts), and the import
 * maps the names to the target's ids. `schemaVersion` says which shape the file has;
 * upgrade-definitions.ts brings an older file to CURRENT before this schema reads it.
 * docs/definitions-files.md is the reference for people.
 */
export const DEFINITIONS_FORMAT = "waymark.definitions";
export const CURRENT_SCHEMA_VERSION = 1;

const ZName = z.string({ error: "must be text" }).trim().min(1, { error: "is required" }).max(120);
const ZJson = z.record(z.string(), z.unknown(), { error: "must be an object" });

export const ZFileTemplate = z.strictObject({
  name: ZName,
  channel: z.enum(SEND_CHANNELS, { error: "is not a channel" }),
  /** The template's content (lib/templates/template-content.ts), checked again on import. */
  content: ZJson,
});
export const ZFileSegment = z.strictObject({
  name: ZName,
  description: z.string().max(500).default(""),
  /** A static segment's members are contacts, not definitions: it arrives empty. */
  type: z.enum(["dynamic", "static"], { error: "must be dynamic or static" }),
  definition: ZJson.nullable(),
});
export const ZFileJourney = z.strictObject({
  name: ZName,
  /** The canvas graph `{ nodes, edges }`, imported as the journey's draft. */
  graph: ZJson,
  settings: ZJson.default({}),
});
export const ZFileCampaign = z.strictObject({
  name: ZName,
  /** The campaign editor's input (lib/campaigns/campaign-settings.ts) without template versions. */
  settings: ZJson,
});

export const ZDefinitionsFile = z.strictObject({
  format: z.literal(DEFINITIONS_FORMAT, { error: `must be "${DEFINITIONS_FORMAT}"` }),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  exportedAt: z.string().max(40).optional(),
  /** Where it came from, for people reading it; never used to resolve anything. */
  source: z.strictObject({ workspace: z.string().max(200) }).optional(),
  templates: z.array(ZFileTemplate).max(1000).default([]),
  segments: z.array(ZFileSegment).max(1000).default([]),
  journeys: z.array(ZFileJourney).max(1000).default([]),
  campaigns: z.array(ZFileCampaign).max(1000).default([]),
});
export type TDefinitionsFile = z.infer<typeof ZDefinitionsFile>;
export type TFileTemplate = z.infer<typeof ZFileTemplate>;
export type TFileSegment = z.infer<typeof ZFileSegment>;
export type TFileJourney = z.infer<typeof ZFileJourney>;
export type TFileCampaign = z.infer<typeof ZFileCampaign>;

export const DEFINITION_KINDS = ["template", "segment", "journey", "campaign"] as const;
export type TDefinitionKind = (typeof DEFINITION_KINDS)[number];
