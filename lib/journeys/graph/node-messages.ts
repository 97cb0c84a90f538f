/**
 * The wordings the journey schemas (node-data.ts, graph-schema.ts, journey-settings.ts) give
 * their own checks, each
 * under the key the editor words it with in other languages (journeys.graphErrors.node.<key>).
 * The API answers in English; an `invalid_node` error's message is one of these or zod's own
 * (worded in the caller's language at publish). One table, so a new wording needs its key.
 */
export const NODE_MESSAGES = {
  timeOfDay: "must be a time like 09:00",
  timeZone: "must be an IANA time zone like Europe/Berlin",
  isoDateTime: "must be an ISO date-time like 2026-11-01T09:00:00Z",
  chooseEvent: "choose an event",
  numberOfDays: "must be a number of days",
  wholeDays: "must be whole days",
  propertyPath: "property names a dotted path of letters, digits and _",
  chooseSegment: "choose a segment",
  chooseTrigger: "choose a trigger: event, segment_entered, date_attribute or api",
  number: "must be a number",
  chooseWait: "choose a wait: duration, until_datetime, until_time_of_day or until_date_attribute",
  positiveHours: "must be more than 0 hours",
  chooseSend: "choose an earlier send",
  match: 'must be "all" or "any"',
  emptyGroup: "a group needs at least one condition",
  groupTooLarge: "a group takes at most 20 conditions",
  chooseCondition: "choose a condition: attribute, segment, did_event, engagement or group",
  outputId: "ids are 1-64 letters, digits, _ or -",
  percentage: "must be a percentage",
  elseReserved: '"else" is reserved',
  oneCase: "add at least one case",
  uniqueCases: "case ids must be unique",
  splitVariants: "a split needs 2 to 5 variants",
  uniqueVariants: "variant ids must be unique",
  httpUrl: "must be an http(s) URL",
  nodeId: "a node needs an id",
  tooManyNodes: "a journey holds at most 500 nodes",
  stepName: "a step name is text of at most 80 characters",
  addTrigger: "add a trigger",
  atLeastOneDay: "must be at least 1 day",
  chooseEntryRule: "choose an entry rule: once, reentry_after or while_not_inside",
  quietHoursSame: "quiet hours must not start and end at the same time",
  atLeastOne: "must be at least 1",
  endAfterStart: "the end must be after the start",
} as const;

export type TNodeMessageKey = keyof typeof NODE_MESSAGES;

const BY_TEXT = new Map(
  Object.entries(NODE_MESSAGES).map(([k, v]) => [v as string, k as TNodeMessageKey]),
);

/** The key of one of the schemas' own wordings, or undefined for any other text (zod's own). */
export function nodeMessageKey(message: string): TNodeMessageKey | undefined {
  return BY_TEXT.get(message);
}
