import { z } from "zod";
import { ZSegmentDefinition } from "./definition";

const ZName = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, { error: "Name is required" })
  .max(120, { error: "Name must be at most 120 characters" });
const ZDescription = z
  .string()
  .trim()
  .max(1000, { error: "Description must be at most 1000 characters" });

export const ZCreateSegment = z.strictObject({
  name: ZName,
  description: ZDescription.default(""),
  /** static: the contacts matching the definition now are frozen as the segment's members. */
  type: z
    .enum(["dynamic", "static"], { error: 'must be "dynamic" or "static"' })
    .default("dynamic"),
  definition: ZSegmentDefinition,
});

export const ZUpdateSegment = z
  .strictObject({
    name: ZName.optional(),
    description: ZDescription.optional(),
    definition: ZSegmentDefinition.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: "Nothing to change" });

export const ZPreviewSegment = z.strictObject({ definition: ZSegmentDefinition });

export const ZCopySegment = z.strictObject({ name: ZName.optional() });

/** A CSV of the customer's user ids: a `userId`/`user_id`/`id` column, or the first column. */
export const ZImportStaticSegment = z.strictObject({
  name: ZName,
  description: ZDescription.default(""),
  csv: z.string({ error: "Attach a CSV file" }).min(1, { error: "The CSV file is empty" }),
});

export type TCreateSegment = z.infer<typeof ZCreateSegment>;
export type TUpdateSegment = z.infer<typeof ZUpdateSegment>;
