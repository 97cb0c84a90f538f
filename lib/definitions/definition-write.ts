import type { Tx } from "@/db";
import type { TDefinitionRows } from "@/db/queries/definitions";
import type { TImportEntry } from "./import-definitions";
import type { TNameLookup } from "./name-references";

/**
 * What the writes of one import share, kind after kind: where and by whom, the rows found before,
 * the entries written and the problems found (by path in the file), and what earlier kinds made
 * that later ones refer to: ids by name, and each template's version and channel.
 */
export type TDefinitionWrite = {
  workspaceId: string;
  userId: string | null;
  rows: TDefinitionRows;
  tx: Tx;
  now: Date;
  entries: TImportEntry[];
  fields: Record<string, string>;
  byName: TNameLookup;
  templateVersion: Map<string, number>;
  templateChannel: Map<string, string>;
};
