import type { z } from "zod";
import { db, type Tx } from "@/db";
import { listDefinitionRows } from "@/db/queries/definitions";
import { ValidationError } from "@/lib/errors";
import { upgradeDefinitions } from "./upgrade-definitions";
import { ZDefinitionsFile, type TDefinitionKind } from "./definitions-format";
import { writeDefinitions } from "./write-definitions";

/**
 * Imports a definitions file into a workspace in one transaction: everything in it, or (on any
 * problem) nothing, answered as a 400 whose fields are the paths of the problems in the file
 * (`journeys[0].graph.nodes[2].data.templateName`). Objects are matched by name: a new name is
 * created, the same content is skipped, a changed one is updated (a template gets a new version,
 * a journey a new draft while its published version keeps running, a draft campaign its settings;
 * a launched campaign is skipped). The dry run is the same import, rolled back: its preview is
 * exactly what the import would do.
 */
export type TImportAction = "create" | "update" | "skip";
export type TImportEntry = {
  kind: TDefinitionKind;
  name: string;
  action: TImportAction;
  /** Why it is skipped (unchanged, launched, another channel…). */
  reason?: string;
  /** The object in this workspace, when it exists (after the import, or before it). */
  id?: string;
  /** A journey's graph with this workspace's ids, for the diff against the live journey. */
  graph?: Record<string, unknown>;
};
export type TImportResult = {
  dryRun: boolean;
  /** The file's schema version before upgrading. */
  schemaVersion: number;
  entries: TImportEntry[];
};

class RollBack extends Error {
  constructor(readonly result: TImportResult) {
    super("dry run");
  }
}

const issuePath = (path: PropertyKey[]) =>
  path.reduce<string>(
    (s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)),
    "",
  ) || "(file)";

export function zodFields(error: z.ZodError, prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of error.issues) {
    const path = issuePath(i.path);
    fields[prefix ? (path === "(file)" ? prefix : `${prefix}.${path}`) : path] ??= i.message;
  }
  return fields;
}

/** The file checked and upgraded, or a ValidationError naming the paths of its problems. */
export function readDefinitionsFile(raw: unknown) {
  const upgraded = upgradeDefinitions(raw);
  if (!upgraded.ok) throw new ValidationError({ [upgraded.path]: upgraded.message });
  const parsed = ZDefinitionsFile.safeParse(upgraded.file);
  if (!parsed.success) throw new ValidationError(zodFields(parsed.error));
  const fields: Record<string, string> = {};
  for (const kind of ["templates", "segments", "journeys", "campaigns"] as const) {
    const seen = new Set<string>();
    parsed.data[kind].forEach((o, i) => {
      if (seen.has(o.name)) fields[`${kind}[${i}].name`] = `"${o.name}" is in the file twice`;
      seen.add(o.name);
    });
  }
  if (Object.keys(fields).length) throw new ValidationError(fields);
  return { file: parsed.data, from: upgraded.from };
}

export async function importDefinitions(
  workspaceId: string,
  userId: string | null,
  raw: unknown,
  opts: { dryRun: boolean; now?: Date },
): Promise<TImportResult> {
  const { file, from } = readDefinitionsFile(raw);
  try {
    return await db().transaction(async (tx: Tx) => {
      const rows = await listDefinitionRows(workspaceId, tx);
      const entries = await writeDefinitions(workspaceId, userId, file, rows, tx, opts.now);
      const result = { dryRun: opts.dryRun, schemaVersion: from, entries };
      if (opts.dryRun) throw new RollBack(result);
      return result;
    });
  } catch (err) {
    if (err instanceof RollBack) return err.result;
    throw err;
  }
}
