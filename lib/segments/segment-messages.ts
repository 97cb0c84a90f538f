import type { TKnownMessages } from "@/lib/i18n/known-messages";

/**
 * The wordings lib/segments (definition.ts, schemas.ts, segment-to-sql.ts, save-segment.ts) gives
 * its field errors, each with its `segments.validation` key. The API answers in English; the
 * builder (components/segments/use-segment-error-text.ts) and the journey editor show the
 * catalogue's wording in other languages, the same way useApiErrorText treats error codes. zod's
 * own messages arrive already worded in the caller's language (zod-errors.ts).
 */
const EXACT = {
  "must be an ISO date-time like 2026-11-01T00:00:00Z": "isoDate",
  "must be a number of days": "days",
  "must be a whole number of days": "wholeDays",
  "must be text": "text",
  "enter some text": "enterText",
  "must be a list of texts": "list",
  "needs at least one value": "oneValue",
  "must be a number": "number",
  "must be two numbers [low, high]": "numberRange",
  "low must not be above high": "numberRangeOrder",
  "must be two dates [from, to]": "dateRange",
  "from must not be after to": "dateRangeOrder",
  "choose an event": "chooseEvent",
  "profile fields are text": "profileText",
  "sign-up is a date": "signupDate",
  "compare the time with a date operator": "timeIsDate",
  "must be more than 0 hours": "hours",
  "choose a segment": "chooseSegment",
  'must be "all" or "any"': "match",
  "a group needs at least one condition": "emptyGroup",
  "segments cannot include themselves, directly or through others": "cycle",
  "no such segment in this workspace": "noSegment",
  "Name is required": "nameRequired",
  "Name must be at most 120 characters": "nameLength",
  "Description must be at most 1000 characters": "descriptionLength",
  "A static segment's members are frozen; duplicate it as a dynamic segment to change its conditions":
    "staticFrozen",
} as const;

type TKey = (typeof EXACT)[keyof typeof EXACT] | "opNoValue" | "opType" | "nameTaken";

/** The segments API's wordings, fixed and with values (pattern, key, argument names). */
export const SEGMENT_MESSAGES: TKnownMessages<TKey> = {
  exact: EXACT,
  patterns: [
    [/^"(.+)" takes no value$/, "opNoValue", ["op"]],
    [/^"(.+)" does not apply to (\w+) values; use one of (.+)$/, "opType", ["op", "type", "ops"]],
    [/^A segment named "(.+)" already exists$/, "nameTaken", ["name"]],
  ],
};
