import { z } from "zod";
import { ZAttributeKey } from "@/lib/contacts/attributes";
import { subscriptionChannelLabel } from "@/lib/channels/channel-meta";

// Client-safe: the mapping form, the preview and the start route share these.

export const PROFILE_FIELDS = ["email", "phone", "timezone", "locale", "country", "city"] as const;
export type TProfileField = (typeof PROFILE_FIELDS)[number];
export const ATTRIBUTE_TYPES = ["text", "number", "boolean", "date", "list"] as const;
export type TAttributeType = (typeof ATTRIBUTE_TYPES)[number];
export const IMPORT_CHANNELS = ["all", "email", "sms", "push", "voice", "in_app"] as const;
export type TImportChannel = (typeof IMPORT_CHANNELS)[number];

/** The error report's own leading columns; the original row follows them, so a fixed report can be imported again. */
export const REPORT_COLUMNS = ["error_row", "error_columns", "error_message"] as const;

export const ZColumnTarget = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("ignore") }),
    z.strictObject({ kind: z.literal("userId") }),
    z.strictObject({
      kind: z.literal("field"),
      field: z.enum(PROFILE_FIELDS, { error: `must be one of ${PROFILE_FIELDS.join(", ")}` }),
    }),
    z.strictObject({
      kind: z.literal("attribute"),
      name: z.string().trim().pipe(ZAttributeKey),
      type: z.enum(ATTRIBUTE_TYPES, { error: `must be one of ${ATTRIBUTE_TYPES.join(", ")}` }),
    }),
    // A column of yes/no per contact: "opt_out" reads yes as unsubscribed, "opt_in" reads yes as subscribed.
    z.strictObject({
      kind: z.literal("channel"),
      channel: z.enum(IMPORT_CHANNELS, { error: `must be one of ${IMPORT_CHANNELS.join(", ")}` }),
      meaning: z.enum(["opt_out", "opt_in"], { error: "must be opt_out or opt_in" }),
    }),
    // A yes/no column per subscription topic, by the topic's key (Settings → Topics).
    z.strictObject({
      kind: z.literal("topic"),
      topic: z
        .string()
        .trim()
        .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, { error: "must be a topic key like deals" }),
      meaning: z.enum(["opt_out", "opt_in"], { error: "must be opt_out or opt_in" }),
    }),
  ],
  { error: "must be ignore, userId, field, attribute, channel or topic" },
);
export type TColumnTarget = z.infer<typeof ZColumnTarget>;

/** One target per column of the file, in file order. Exactly one column is the user id. */
export const ZMapping = z
  .strictObject({
    columns: z.array(ZColumnTarget, { error: "must be a list with one entry per column" }).min(1),
  })
  .superRefine(({ columns }, ctx) => {
    const ids = columns.flatMap((c, i) => (c.kind === "userId" ? [i] : []));
    if (ids.length === 0)
      ctx.addIssue({ code: "custom", path: ["columns"], message: "map one column to User ID" });
    for (const i of ids.slice(1))
      ctx.addIssue({
        code: "custom",
        path: ["columns", i],
        message: "only one column can be the User ID",
      });
    const seen = new Map<string, number>();
    columns.forEach((c, i) => {
      const key =
        c.kind === "field"
          ? `field:${c.field}`
          : c.kind === "attribute"
            ? `attribute:${c.name.trim()}`
            : c.kind === "channel"
              ? `channel:${c.channel}`
              : c.kind === "topic"
                ? `topic:${c.topic}`
                : null;
      if (!key) return;
      if (seen.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["columns", i],
          message: `column ${seen.get(key)! + 1} already maps to this`,
        });
      else seen.set(key, i);
    });
  });
export type TMapping = z.infer<typeof ZMapping>;

export const FIELD_LABELS: Record<TProfileField, string> = {
  email: "Email",
  phone: "Phone",
  timezone: "Time zone",
  locale: "Locale",
  country: "Country",
  city: "City",
};

/** How a target reads in the preview's column headings. */
export function targetLabel(t: TColumnTarget): string {
  switch (t.kind) {
    case "ignore":
      return "Ignored";
    case "userId":
      return "User ID";
    case "field":
      return FIELD_LABELS[t.field];
    case "attribute":
      return `${t.name} (${t.type})`;
    case "channel":
      return `${t.meaning === "opt_out" ? "Opted out of" : "Opted in to"} ${subscriptionChannelLabel(t.channel, true)}`;
    case "topic":
      return `${t.meaning === "opt_out" ? "Left topic" : "Joined topic"} ${t.topic}`;
  }
}
