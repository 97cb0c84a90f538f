import type { SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { ValidationError } from "@/lib/errors";
import { listSegmentRefs } from "@/db/queries/segments";
import type { TSegmentDefinition } from "./definition";
import {
  segmentCountQuery,
  segmentToSql,
  type TSegmentSqlOptions,
  type TSqlSegmentResolver,
} from "./segment-to-sql";

/**
 * A resolver over the workspace's saved segments. segmentToSql's resolver is synchronous, so
 * every definition is loaded first: a workspace has hundreds of segments, not millions.
 */
export async function loadSegmentResolver(
  workspaceId: string,
  ex: Executor = db(),
): Promise<TSqlSegmentResolver> {
  const refs = new Map((await listSegmentRefs(workspaceId, ex)).map((r) => [r.id, r]));
  return (id) => {
    const r = refs.get(id);
    if (!r) return null;
    if (r.type === "static") return { kind: "static" };
    return r.definition;
  };
}

type TCompileOptions = {
  now?: Date;
  selfId?: string;
  resolve?: TSqlSegmentResolver;
  oneContact?: boolean;
};

/**
 * The SQL condition of a definition in this workspace (`oneContact` when the query tests one
 * contact rather than selecting among all). Throws a ValidationError pointing at the
 * condition when it refers to a missing segment or (with `selfId`) includes itself.
 */
export async function compileSegment(
  workspaceId: string,
  definition: TSegmentDefinition,
  opts: TCompileOptions = {},
): Promise<SQL> {
  return compileWith(segmentToSql, workspaceId, definition, opts);
}

/** The query counting the definition's contacts (`segmentCountQuery`), with compileSegment's checks. */
export async function compileSegmentCount(
  workspaceId: string,
  definition: TSegmentDefinition,
  opts: Omit<TCompileOptions, "oneContact"> = {},
): Promise<SQL> {
  return compileWith(segmentCountQuery, workspaceId, definition, opts);
}

async function compileWith(
  compile: (def: TSegmentDefinition, o: TSegmentSqlOptions) => SQL,
  workspaceId: string,
  definition: TSegmentDefinition,
  opts: TCompileOptions,
): Promise<SQL> {
  // Callers compiling many segments pass one resolver rather than loading the workspace's each time.
  const resolve = opts.resolve ?? (await loadSegmentResolver(workspaceId));
  try {
    return compile(definition, {
      workspaceId,
      now: opts.now ?? new Date(),
      resolve,
      selfId: opts.selfId,
      oneContact: opts.oneContact,
    });
  } catch (err) {
    // Same field paths as the request body's zod errors (`definition.conditions.0…`).
    if (err instanceof ValidationError && err.fields) {
      throw new ValidationError(
        Object.fromEntries(
          Object.entries(err.fields).map(([k, v]) => [k ? `definition.${k}` : "definition", v]),
        ),
      );
    }
    throw err;
  }
}
