import { z } from "zod";
import { SUBSCRIPTION_CHANNELS } from "@/lib/ingest/schemas";
import { ZAttributeKey, ZAttributes } from "./attributes";

/**
 * A marketer's attribute edit: values to set (`null` removes, as in the API) and names to remove.
 * The same value rules as ingestion, so the UI cannot store what the API would refuse.
 */
export const ZEditAttributes = z
  .strictObject({
    set: ZAttributes.default({}),
    unset: z
      .array(ZAttributeKey)
      .max(200, { error: "at most 200 attributes per call" })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (!Object.keys(v.set).length && !v.unset.length)
      ctx.addIssue({ code: "custom", path: ["set"], message: "nothing to change" });
    v.unset.forEach((k, i) => {
      if (v.set[k] !== undefined && v.set[k] !== null)
        ctx.addIssue({
          code: "custom",
          path: ["unset", i],
          message: `${k} cannot be both set and removed`,
        });
    });
  });
export type TEditAttributes = z.infer<typeof ZEditAttributes>;

export const ZChangeSubscription = z.strictObject({
  channel: z.enum(SUBSCRIPTION_CHANNELS, {
    error: "must be one of all, email, sms, push, voice, in_app",
  }),
  status: z.enum(["subscribed", "unsubscribed"], { error: "must be subscribed or unsubscribed" }),
});
export type TChangeSubscription = z.infer<typeof ZChangeSubscription>;

/** Who made a change in the UI, recorded on the contact's timeline event. */
export type TActor = { id: string; email: string; name: string };
