/**
 * The import report: one entry per Pinpoint object (and one per endpoint file), saying what it
 * becomes in Waymark, what is approximated and how, and what cannot be imported and why. The dry
 * run and the import print the same report; the import adds the Waymark id of each object.
 */
export const OBJECT_KINDS = [
  "settings",
  "endpoints",
  "template",
  "segment",
  "campaign",
  "journey",
] as const;
export type TObjectKind = (typeof OBJECT_KINDS)[number];

/** A remark about one field of the Pinpoint object, by its path (`Activities.send1.EMAIL`). */
export type TNote = { path: string; message: string };

export type TReportEntry = {
  /** The file it came from, with the index in a list response (`journeys.json#Item[2]`). */
  file: string;
  kind: TObjectKind;
  /** The Pinpoint id (a template's name: templates have no id). */
  pinpointId: string;
  name: string;
  /** What it becomes, in a few words: "journey (draft) with 7 steps". */
  becomes: string;
  /** `create` or `update` (imported before); `skip` when it has errors. */
  action: "create" | "update" | "skip";
  approximated: TNote[];
  unsupported: TNote[];
  /** Problems that stop this object from being imported (nothing of it is written). */
  errors: TNote[];
  /** Filled in by the import. */
  waymarkId?: string;
  /** For endpoint files: lines read, contacts written, lines refused. */
  counts?: { lines: number; imported: number; refused: number };
};

export type TImportReport = {
  dryRun: boolean;
  entries: TReportEntry[];
  /** Files that are not Pinpoint objects at all (corrupt, wrong shape), by path. */
  fileErrors: TNote[];
  totals: { objects: number; errors: number; approximated: number; unsupported: number };
};

export class NoteList {
  readonly approximated: TNote[] = [];
  readonly unsupported: TNote[] = [];
  readonly errors: TNote[] = [];
  approx(path: string, message: string) {
    this.approximated.push({ path, message });
  }
  unsupport(path: string, message: string) {
    this.unsupported.push({ path, message });
  }
  error(path: string, message: string) {
    this.errors.push({ path, message });
  }
}

export function totalsOf(entries: TReportEntry[], fileErrors: TNote[]) {
  return {
    objects: entries.length,
    errors: fileErrors.length + entries.filter((e) => e.errors.length).length,
    approximated: entries.reduce((n, e) => n + e.approximated.length, 0),
    unsupported: entries.reduce((n, e) => n + e.unsupported.length, 0),
  };
}
